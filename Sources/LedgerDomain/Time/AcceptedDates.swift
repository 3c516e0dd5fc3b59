/// The dates the ledger accepts: a plan year lies between 2000 and 2100.
///
/// Every date a clerk sends (`occurred_at`, dates and months inside `data`, period names)
/// must fall in this range, so that no stored value can take period or schedule arithmetic
/// to the edge of the calendar. The arithmetic itself is total all the same (see
/// `LocalDate(validYear:month:day:)`): a log written before this rule still renders.
public enum AcceptedDates {
    public static let years: ClosedRange<Int> = 2000...2100

    public static func contains(_ date: LocalDate) -> Bool { years.contains(date.year) }

    public static func contains(_ month: YearMonth) -> Bool { years.contains(month.year) }

    /// The message of `invalid_date` for a date outside the range.
    static let outOfRange = ProblemDetail.dateOutOfRange(years)
}
