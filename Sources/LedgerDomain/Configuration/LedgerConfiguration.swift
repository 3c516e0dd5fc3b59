/// Every setting of reformledger, with its default (CONTRACT §10).
///
/// Read from an optional JSON file (`--config`, else `<state>/reformledger.json`) and then
/// overridden by environment variables `REFORMLEDGER_<KEY>` (`REFORMLEDGER_MAX_FILE_BYTES=1024`).
/// A small reader of our own rather than swift-configuration: the key set is fixed and
/// small, unknown keys must be refused with a clear message, and the environment names are
/// dictated by the contract.
public struct LedgerConfiguration: Sendable, Equatable {
    /// `decree09` (Decree 09/2019 cut-off dates) or `calendar`.
    public var periods: PeriodMode = .decree09
    /// Days after a period's last day before edition 1 is written (at 01:00 local).
    public var graceDays = 3
    /// Days after a period's last day during which late events produce new editions.
    public var reviseForDays = 90
    /// Days after a period's last day by whose end each agency's `report.submitted` for it
    /// is on time; a report recorded later is late (CONTRACT §7.4).
    public var reportDueDays = 3
    /// The day by whose end the contest feedback of letter 118/UBND-TH is due ("trong tháng
    /// 01/2024": the bundled plan's default); nil (`off`) when no feedback is asked for.
    public var feedbackDue: LocalDate? = LocalDate(validYear: 2024, month: 1, day: 31)
    /// Period kinds the schedule writes.
    public var reportKinds: [PeriodKind] = PeriodKind.allCases
    /// Formats of each edition.
    public var reportFormats: [String] = ["json", "md", "html", "csv", "docx"]
    /// Largest accepted event file (64 MiB).
    public var maxFileBytes = 64 * 1024 * 1024
    /// Language of error messages and reports.
    public var language: Language = .vi
    /// Agencies that may assign tasks, set targets and manage the registry.
    public var coordinators: [String] = ["UBND", "SNV"]
    /// Seconds between full rescans of the inbox (a safety net under inotify).
    public var rescanSeconds = 60
    /// A file written in place (not renamed in) is taken once its size and modification
    /// time have stayed the same this long. On a network share (NFS, SMB), where inotify
    /// sees nothing, this is how every file is taken, and the inbox is polled this often.
    public var stableSeconds = 2
    /// `auto`: inotify, or polling when the inbox is on a network file system; `poll`:
    /// always poll (a mount that `statfs` does not reveal as remote).
    public var inboxWatch: InboxWatchMode = .auto

    public enum InboxWatchMode: String, Sendable, CaseIterable { case auto, poll }
    /// IANA time zone of local dates.
    public var timezone = "Asia/Ho_Chi_Minh"
    /// How a CSV that is not UTF-8 is read: `windows-1258`, or `none` to reject it.
    public var csvFallbackEncoding: CSVFallbackEncoding = .windows1258
    /// Log level of the daemon: trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"
    /// The first line of every signed checkpoint (C2SP `tlog-checkpoint`), and the name of
    /// the signing key created by `init`: a schema-less URL-like name of this log, best
    /// the department's own domain and a path (`sonoivu.soctrang.gov.vn/reformledger`).
    public var logOrigin = "reformledger.local/ledger"
    /// Where the portal listens (`HOST:PORT`), or nil (`off`, the default) so that several
    /// daemons on one machine never collide.
    public var httpListen: ListenAddress?
    /// The centre this ledger pushes to (`push_to`, an `http://` or `https://` URL), or nil:
    /// the daemon then pushes after each commit, backing off while the centre is away.
    public var pushTo: String?
    /// Reminders of period reports by e-mail (`reminders`, `mail`); none without both.
    public var reminders: ReminderSettings?
    public var mail: MailSettings?

    public init() {}

    public enum PeriodMode: String, Sendable, CaseIterable { case decree09, calendar }

    public enum PeriodKind: String, Sendable, CaseIterable {
        case quarter
        case halfYear = "half-year"
        case nineMonths = "nine-months"
        case year
    }

    public enum CSVFallbackEncoding: String, Sendable, CaseIterable {
        case windows1258 = "windows-1258"
        case none
    }

    public static let keys = [
        "periods", "grace_days", "revise_for_days", "report_due_days", "feedback_due", "report_kinds", "report_formats", "max_file_bytes",
        "language", "coordinators", "reminders", "mail", "rescan_seconds", "stable_seconds", "inbox_watch", "timezone", "csv_fallback_encoding", "log_level",
        "log_origin", "http_listen", "push_to",
    ]

    public var zone: LocalZone { LocalZone(identifier: timezone) ?? .hoChiMinh }
}

/// A configuration that cannot be used, with the key at fault.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var key: String
    public var message: String
    /// True when the value came from a `REFORMLEDGER_*` variable rather than the file.
    public var fromEnvironment = false

    public var description: String { "configuration key “\(key)”: \(message)" }
}

extension LedgerConfiguration {
    /// Builds the configuration from the file's bytes (nil when there is no file) and the
    /// process environment.
    public static func load(fileContents: [UInt8]?, environment: [String: String]) throws(ConfigurationError) -> LedgerConfiguration {
        var configuration = LedgerConfiguration()
        if let fileContents {
            guard let object = (try? JSONParser().parse(fileContents))?.objectValue else {
                throw ConfigurationError(key: "(file)", message: "the configuration file is not a JSON object")
            }
            for (key, value) in object.members {
                guard keys.contains(key) else { throw ConfigurationError(key: key, message: "unknown key; known keys: \(keys.joined(separator: ", "))") }
                try configuration.set(key, value)
            }
        }
        for key in keys {
            let name = "REFORMLEDGER_" + key.uppercased()
            guard let raw = environment[name] else { continue }
            do {
                try configuration.set(key, environmentValue(raw))
            } catch {
                throw ConfigurationError(key: key, message: "\(error.message) (set by \(name))", fromEnvironment: true)
            }
        }
        return configuration
    }

    /// Environment variables that are not read, though they look meant for reformledger
    /// (`REFORMLEDGER_MAX_FILE_BYTE`), each with the closest name that is: a misspelt
    /// override would otherwise be silently ignored.
    public static func unknownEnvironmentNames(_ environment: [String: String]) -> [(name: String, closest: String)] {
        let known = keys.map { "REFORMLEDGER_" + $0.uppercased() }
        let reserved: Set<String> = ["REFORMLEDGER_STATE_DIR"]
        return environment.keys.filter { $0.hasPrefix("REFORMLEDGER_") && !known.contains($0) && !reserved.contains($0) }.sorted().map { name in
            let closest = (known + reserved).min { editDistance(name, $0) < editDistance(name, $1) } ?? known[0]
            return (name, closest)
        }
    }

    /// Levenshtein distance, for naming the closest key.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// An environment value is JSON when it parses as JSON, else a plain string;
    /// a comma-separated string is accepted for list keys.
    private static func environmentValue(_ raw: String) -> JSONValue {
        if let value = try? JSONParser().parse(Array(raw.utf8)) { return value }
        return .string(raw)
    }

    private mutating func set(_ key: String, _ value: JSONValue) throws(ConfigurationError) {
        func fail(_ message: String) -> ConfigurationError { ConfigurationError(key: key, message: message) }
        func integer(minimum: Int) throws(ConfigurationError) -> Int {
            switch value {
            case .integer(let number) where number >= minimum: return number
            case .string(let text): if let number = Int(text), number >= minimum { return number }
            default: break
            }
            throw fail("a whole number ≥ \(minimum) is expected")
        }
        func list() throws(ConfigurationError) -> [String] {
            switch value {
            case .array(let items):
                let strings = items.compactMap(\.stringValue)
                guard strings.count == items.count else { throw fail("a list of strings is expected") }
                return strings
            case .string(let text):
                return text.split(separator: ",").map { TextNormalizer.normalize(String($0)) }.filter { !$0.isEmpty }
            default: throw fail("a list of strings is expected")
            }
        }
        func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws(ConfigurationError) -> T where T.RawValue == String {
            guard let text = value.stringValue, let parsed = T(rawValue: text) else {
                throw fail("one of \(T.allCases.map(\.rawValue).joined(separator: ", ")) is expected")
            }
            return parsed
        }
        switch key {
        case "periods": periods = try choice(PeriodMode.self)
        case "grace_days": graceDays = try integer(minimum: 0)
        case "revise_for_days": reviseForDays = try integer(minimum: 0)
        case "report_due_days": reportDueDays = try integer(minimum: 0)
        case "feedback_due":
            guard let text = value.stringValue else { throw fail("a date YYYY-MM-DD or off is expected") }
            if text == "off" {
                feedbackDue = nil
            } else {
                guard let day = LocalDate.parse(text) else { throw fail("a date YYYY-MM-DD or off is expected") }
                feedbackDue = day
            }
        case "report_kinds":
            let names = try list()
            let kinds = names.compactMap(PeriodKind.init(rawValue:))
            guard kinds.count == names.count else { throw fail("items are \(PeriodKind.allCases.map(\.rawValue).joined(separator: ", "))") }
            reportKinds = kinds
        case "report_formats":
            let formats = try list()
            let known = ["json", "md", "html", "csv", "docx"]
            guard !formats.isEmpty, formats.allSatisfy(known.contains) else { throw fail("items are \(known.joined(separator: ", "))") }
            reportFormats = formats
        case "max_file_bytes": maxFileBytes = try integer(minimum: 1)
        case "language": language = try choice(Language.self)
        case "coordinators":
            let codes = try list()
            guard !codes.isEmpty, codes.allSatisfy(AgencyCode.isValid) else { throw fail("agency codes of [A-Z0-9-]{2,16} are expected") }
            coordinators = codes
        case "rescan_seconds": rescanSeconds = try integer(minimum: 1)
        case "stable_seconds": stableSeconds = try integer(minimum: 1)
        case "inbox_watch":
            guard let mode = value.stringValue.flatMap(InboxWatchMode.init(rawValue:)) else { throw fail("auto or poll is expected") }
            inboxWatch = mode
        case "timezone":
            guard let text = value.stringValue, LocalZone(identifier: text) != nil else { throw fail("an IANA time zone such as Asia/Ho_Chi_Minh is expected") }
            timezone = text
        case "csv_fallback_encoding": csvFallbackEncoding = try choice(CSVFallbackEncoding.self)
        case "log_level":
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard let text = value.stringValue, levels.contains(text) else { throw fail("one of \(levels.joined(separator: ", ")) is expected") }
            logLevel = text
        case "log_origin":
            // The key name rules of C2SP signed-note: no spaces, no “+”, not empty.
            guard let text = value.stringValue, !text.isEmpty, text.utf8.count <= 255,
                text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "+" })
            else { throw fail("a name without spaces or “+”, such as sonoivu.soctrang.gov.vn/reformledger, is expected") }
            logOrigin = text
        case "push_to":
            guard let text = value.stringValue, text.hasPrefix("http://") || text.hasPrefix("https://"), !text.contains(where: \.isWhitespace)
            else { throw fail("the centre's URL, such as http://127.0.0.1:8091, is expected") }
            pushTo = text
        case "reminders":
            guard let object = value.objectValue else { throw fail(#"{"before_days":[5,1],"after_days":[1,3]} is expected"#) }
            func days(_ name: String) throws(ConfigurationError) -> [Int] {
                guard let member = object[name] else { return [] }
                guard case .array(let items) = member else { throw fail("\(name) is a list of whole days 0–60") }
                var days: [Int] = []
                for item in items {
                    guard case .integer(let day) = item, (0...60).contains(day) else { throw fail("\(name) is a list of whole days 0–60") }
                    days.append(day)
                }
                return days
            }
            for member in object.members where member.key != "before_days" && member.key != "after_days" {
                throw fail("unknown member \(member.key); before_days and after_days are known")
            }
            reminders = ReminderSettings(beforeDays: try days("before_days"), afterDays: try days("after_days"))
        case "mail":
            guard let object = value.objectValue, let sendmail = object["sendmail"]?.stringValue, sendmail.hasPrefix("/"),
                let from = object["from"]?.stringValue, MailSettings.isValidAddress(from)
            else { throw fail(#"{"sendmail": "/usr/sbin/sendmail", "from": "snv@example.gov.vn"} is expected (an absolute path, an address)"#) }
            let portal = object["portal"]?.stringValue
            if let portal, !(portal.hasPrefix("https://") || portal.hasPrefix("http://")) || portal.contains(where: \.isWhitespace) {
                throw fail("portal is the portal's address, such as https://cchc.soctrang.gov.vn")
            }
            var timeout = 60
            if let member = object["timeout_seconds"] {
                guard case .integer(let seconds) = member, (1...600).contains(seconds) else { throw fail("timeout_seconds is 1–600") }
                timeout = seconds
            }
            for member in object.members where !["sendmail", "from", "portal", "timeout_seconds"].contains(member.key) {
                throw fail("unknown member \(member.key); sendmail, from, portal and timeout_seconds are known")
            }
            mail = MailSettings(sendmail: sendmail, from: from, portal: portal, timeoutSeconds: timeout)
        case "http_listen":
            guard let text = value.stringValue else { throw fail("HOST:PORT or off is expected") }
            if text == "off" {
                httpListen = nil
            } else {
                guard let address = ListenAddress(text) else { throw fail("HOST:PORT (such as 127.0.0.1:8470) or off is expected") }
                httpListen = address
            }
        default: throw fail("unknown key")
        }
    }
}
