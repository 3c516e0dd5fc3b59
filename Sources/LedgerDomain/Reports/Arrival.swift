/// Whether an agency's periodic report (or its contest feedback) reached the log in time
/// (CONTRACT §7.4): recorded by the end of the due day, after it, or not at all as of
/// the report's `through_seq`.
public struct Arrival: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case onTime = "on_time"
        case late
        case missing
    }

    public var status: Status
    /// The local day the log recorded the first one; nil when missing.
    public var arrived: LocalDate?

    public init(status: Status, arrived: LocalDate?) {
        self.status = status
        self.arrived = arrived
    }

    public static let missing = Arrival(status: .missing, arrived: nil)

    /// The arrival of something first recorded on `day` (nil: never), due by `due`'s end.
    public static func of(recordedOn day: LocalDate?, due: LocalDate) -> Arrival {
        guard let day else { return .missing }
        return Arrival(status: day <= due ? .onTime : .late, arrived: day)
    }
}
