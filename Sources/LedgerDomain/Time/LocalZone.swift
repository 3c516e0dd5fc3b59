import Foundation

/// The province's time zone (`timezone` in configuration, default `Asia/Ho_Chi_Minh`).
///
/// A date without time is a local date here, and period membership uses local dates.
public struct LocalZone: Sendable {
    public let identifier: String
    private let zone: TimeZone
    /// The offset from `fixedSince` on, when the zone has no transition after it (Vietnam:
    /// +07:00 since 1975). Asking Foundation for every event of a million is the slow path.
    private let fixedOffset: (since: Int64, seconds: Int)?

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
        let since = Date(timeIntervalSince1970: 220_924_800)  // 1977-01-01
        if zone.nextDaylightSavingTimeTransition(after: since) == nil,
            zone.secondsFromGMT(for: since) == zone.secondsFromGMT(for: Date(timeIntervalSince1970: 4_102_444_800))
        {
            fixedOffset = (220_924_800_000, zone.secondsFromGMT(for: since))
        } else {
            fixedOffset = nil
        }
    }

    public static let hoChiMinh = LocalZone(identifier: "Asia/Ho_Chi_Minh")!

    public func offsetSeconds(at instant: Instant) -> Int {
        if let fixedOffset, instant.millisecondsSinceEpoch >= fixedOffset.since { return fixedOffset.seconds }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1000))
    }

    public func localDate(of instant: Instant) -> LocalDate {
        instant.localDate(offsetSeconds: offsetSeconds(at: instant))
    }

    /// The instant of a local wall-clock time, e.g. 01:00 on the day a report is due.
    public func instant(of date: LocalDate, hour: Int, minute: Int = 0) -> Instant {
        let localSeconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60)
        let guess = Instant(millisecondsSinceEpoch: localSeconds * 1000)
        let offset = Int64(offsetSeconds(at: guess))
        return Instant(millisecondsSinceEpoch: (localSeconds - offset) * 1000)
    }
}
