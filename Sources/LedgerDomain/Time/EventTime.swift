/// When an event happened: a local date, or an RFC 3339 date-time with its offset.
///
/// The stored text is part of the hashed record, so it is normalised once here:
/// a date becomes `YYYY-MM-DD`; a date-time keeps its offset and fraction as written,
/// with an upper-case `T` and `Z`.
public enum EventTime: Sendable, Hashable {
    case date(LocalDate)
    case dateTime(instant: Instant, offsetSeconds: Int, text: String)

    public var storedText: String {
        switch self {
        case .date(let date): date.description
        case .dateTime(_, _, let text): text
        }
    }

    /// The local date in the province's time zone, which decides period membership.
    public func localDate(in zone: LocalZone) -> LocalDate {
        switch self {
        case .date(let date): date
        case .dateTime(let instant, _, _): instant.localDate(offsetSeconds: zone.offsetSeconds(at: instant))
        }
    }

    /// The first instant the event may have happened, for the "not in the future" rule.
    public func earliestInstant(in zone: LocalZone) -> Instant {
        switch self {
        case .date(let date):
            let midnightUTC = Int64(date.daysSinceEpoch) * 86_400
            let offset = zone.offsetSeconds(at: Instant(millisecondsSinceEpoch: midnightUTC * 1000))
            return Instant(millisecondsSinceEpoch: (midnightUTC - Int64(offset)) * 1000)
        case .dateTime(let instant, _, _): return instant
        }
    }

    /// Accepts `YYYY-MM-DD`, `DD/MM/YYYY` and RFC 3339 with an offset.
    public static func parse(_ text: String) -> EventTime? {
        if let date = LocalDate.parse(text) { return .date(date) }
        return parseRFC3339(text)
    }

    static func parseRFC3339(_ text: String) -> EventTime? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let date = LocalDate.parse(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = LocalDate.digits(bytes[11..<13]), let minute = LocalDate.digits(bytes[14..<16]),
            let second = LocalDate.digits(bytes[17..<19]),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var millis = 0
        var fraction = ""
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start, index - start <= 9 else { return nil }
            fraction = "." + String(decoding: bytes[start..<index], as: UTF8.self)
            let firstThree = Array(bytes[start..<min(index, start + 3)]) + Array(repeating: UInt8(ascii: "0"), count: max(0, 3 - (index - start)))
            millis = LocalDate.digits(firstThree) ?? 0
        }
        guard index < bytes.count else { return nil }
        let offsetSeconds: Int
        let offsetText: String
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return nil }
            offsetSeconds = 0
            offsetText = "Z"
        } else {
            guard index + 6 == bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = LocalDate.digits(bytes[(index + 1)..<(index + 3)]),
                let offsetMinute = LocalDate.digits(bytes[(index + 4)..<(index + 6)]),
                offsetHour < 24, offsetMinute < 60
            else { return nil }
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            offsetText = String(decoding: bytes[index..<(index + 6)], as: UTF8.self)
        }
        let localSeconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let instant = Instant(millisecondsSinceEpoch: (localSeconds - Int64(offsetSeconds)) * 1000 + Int64(millis))
        let normalised = "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(fraction)\(offsetText)"
        return .dateTime(instant: instant, offsetSeconds: offsetSeconds, text: normalised)
    }

    /// Parses an RFC 3339 date-time only (for `--now` and `--as-of`).
    public static func parseInstant(_ text: String) -> Instant? {
        if case .dateTime(let instant, _, _) = parseRFC3339(text) { return instant }
        return nil
    }
}
