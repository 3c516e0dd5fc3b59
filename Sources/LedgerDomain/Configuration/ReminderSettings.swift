/// When the daemon reminds agencies of a period report (`reminders`): days before the due
/// day and days after it. `{"before_days":[5,1],"after_days":[1,3]}`.
public struct ReminderSettings: Sendable, Equatable {
    public var beforeDays: [Int]
    public var afterDays: [Int]

    public init(beforeDays: [Int], afterDays: [Int]) {
        self.beforeDays = beforeDays
        self.afterDays = afterDays
    }

    /// Each reminder's offset from the due day in days: −5, −1, +1, +3.
    public var offsets: [Int] { (beforeDays.map { -$0 } + afterDays).sorted() }
}

/// How the daemon sends mail (`mail`): a sendmail-compatible program given the message on
/// standard input with `-t -i` (Postfix, Exim or msmtp deliver it), the `From` address,
/// and the portal's address written in the message.
public struct MailSettings: Sendable, Equatable {
    public var sendmail: String
    public var from: String
    /// `https://…` as clerks open it; nil: the message names the agency's page path only.
    public var portal: String?
    /// How long the program may take before it is killed and the reminder tried later.
    public var timeoutSeconds = 60

    public init(sendmail: String, from: String, portal: String? = nil, timeoutSeconds: Int = 60) {
        self.sendmail = sendmail
        self.from = from
        self.portal = portal
        self.timeoutSeconds = timeoutSeconds
    }

    /// An address a header may carry: `local@domain`, no spaces, commas, angle brackets or
    /// line breaks (nothing that could add a header or a recipient).
    public static func isValidAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        return parts[0].allSatisfy(allowedLocal.contains) && parts[1].allSatisfy(allowedDomain.contains)
    }
}
