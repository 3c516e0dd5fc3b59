/// A point in time with millisecond precision, counted from the Unix epoch.
public struct Instant: Sendable, Hashable, Comparable {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    public func adding(seconds: Int64) -> Instant {
        Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + seconds * 1000)
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, the stored form of `recorded_at`.
    public var rfc3339UTC: String {
        let millis = Int(((millisecondsSinceEpoch % 1000) + 1000) % 1000)
        let seconds = Int((millisecondsSinceEpoch - Int64(millis)) / 1000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = LocalDate(daysSinceEpoch: days)
        return "\(date)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(millis, 3))Z"
    }

    /// The local calendar date of this instant at a UTC offset.
    public func localDate(offsetSeconds: Int) -> LocalDate {
        let seconds = Int(millisecondsSinceEpoch.dividedRoundingDown(by: 1000)) + offsetSeconds
        return LocalDate(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}

extension Int64 {
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        self >= 0 ? self / divisor : (self - divisor + 1) / divisor
    }
}
