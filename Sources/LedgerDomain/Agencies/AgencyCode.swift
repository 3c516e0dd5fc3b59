/// Agency codes: `[A-Z0-9-]{2,16}` (CONTRACT §3).
public enum AgencyCode {
    /// The daemon's own agency; clerks can never send events as it.
    public static let system = "SYSTEM"

    public static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard (2...16).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }
}

/// A `lead` or `coordinating` item: one agency, or every agency of a kind.
public enum AgencyReference: Sendable, Hashable, CustomStringConvertible {
    case agency(String)
    case kind(AgencyKind)

    public var description: String {
        switch self {
        case .agency(let code): code
        case .kind(let kind): "kind:\(kind.rawValue)"
        }
    }

    public static func parse(_ text: String) -> AgencyReference? {
        if text.hasPrefix("kind:") {
            return AgencyKind(rawValue: String(text.dropFirst(5))).map { .kind($0) }
        }
        return AgencyCode.isValid(text) ? .agency(text) : nil
    }
}
