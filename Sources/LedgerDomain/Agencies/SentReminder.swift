/// A reminder the daemon sent (`reminder.sent`, a SYSTEM event): folded with the registry
/// so that each agency, period and offset is reminded once, across restarts and
/// `serve --once` runs alike, and the clerk's page can say when she was reminded.
public struct SentReminder: Sendable, Equatable {
    public var agency: String
    public var period: String
    public var due: LocalDate
    /// Days from the due day: −5 before it, +1 after it.
    public var offset: Int
    /// The logins written to (never their addresses: the log holds no personal data).
    public var recipients: [String]
    public var sentOn: LocalDate
    public var seq: Int64

    /// The event id of a reminder: one per agency, period and offset, so a second sending
    /// of the same reminder could not be recorded twice.
    public static func id(agency: String, period: String, offset: Int) -> String {
        "reminder-\(agency)-\(period)-\(offset < 0 ? "truoc" : "sau")-\(abs(offset))"
    }
}

extension AgencyRegistry {
    public func reminders(of agency: String, period: String) -> [SentReminder] {
        reminders.filter { $0.agency == agency && $0.period == period }
    }

    public func wasReminded(_ agency: String, period: String, offset: Int) -> Bool {
        reminders.contains { $0.agency == agency && $0.period == period && $0.offset == offset }
    }
}
