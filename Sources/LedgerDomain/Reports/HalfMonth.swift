/// The half-month a day belongs to (the 1st–14th, or the 15th to the month's end): the
/// unit the projection keeps its tallies in.
///
/// Every period of both modes is made of whole half-months — calendar periods run from a
/// 1st to a month's end, Decree 09 periods from a 15th to a 14th — so a report sums whole
/// tallies and never looks at a single event it only counts.
public enum HalfMonth {
    /// The first day of the half-month of `day` (`YYYY-MM-DD`): `YYYY-MM-01` or `YYYY-MM-15`.
    public static func start(of day: String) -> String {
        let utf8 = Array(day.utf8)
        guard utf8.count == 10 else { return day }
        let secondHalf = (utf8[8], utf8[9]) >= (UInt8(ascii: "1"), UInt8(ascii: "5"))
        return String(decoding: utf8[0..<8] + (secondHalf ? Array("15".utf8) : Array("01".utf8)), as: UTF8.self)
    }

    /// Whether `range` is whole half-months: it starts on a 1st or a 15th and ends on a
    /// 14th or a month's last day.
    public static func tiles(_ range: ClosedRange<LocalDate>) -> Bool {
        let first = range.lowerBound, last = range.upperBound
        let startsOne = first.day == 1 || first.day == 15
        let endsOne = last.day == 14 || last.adding(days: 1).day == 1
        return startsOne && endsOne
    }
}
