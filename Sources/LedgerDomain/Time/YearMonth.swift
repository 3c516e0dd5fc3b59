/// A calendar month, the unit of a task's time window ("Tháng 6-9/2024").
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// A month whose number is known to be 1…12, in any year (total period arithmetic).
    init(validYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public static func parse(_ text: String) -> YearMonth? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            let year = LocalDate.digits(bytes[0..<4]), let month = LocalDate.digits(bytes[5..<7])
        else { return nil }
        return YearMonth(year: year, month: month)
    }

    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public var firstDay: LocalDate { LocalDate(validYear: year, month: month, day: 1) }
    public var lastDay: LocalDate { LocalDate(validYear: year, month: month, day: LocalDate.daysIn(month: month, year: year)) }
}
