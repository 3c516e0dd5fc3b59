/// A reporting window (CONTRACT §7.1): `2024-Q1`…`2024-Q4`, `2024-H1`, `2024-9M`, `2024`.
public struct ReportPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case quarter(Int)
        case firstHalf
        case nineMonths
        case year

        public var configurationKind: LedgerConfiguration.PeriodKind {
            switch self {
            case .quarter: .quarter
            case .firstHalf: .halfYear
            case .nineMonths: .nineMonths
            case .year: .year
            }
        }

        /// The months the period covers in calendar terms, e.g. 4…6 for Q2.
        var months: ClosedRange<Int> {
            switch self {
            case .quarter(let quarter): (quarter * 3 - 2)...(quarter * 3)
            case .firstHalf: 1...6
            case .nineMonths: 1...9
            case .year: 1...12
            }
        }
    }

    public let year: Int
    public let kind: Kind

    public init(year: Int, kind: Kind) {
        self.year = year
        self.kind = kind
    }

    public static func parse(_ text: String) -> ReportPeriod? {
        guard PeriodName.isValid(text), let year = Int(text.prefix(4)) else { return nil }
        // Total: every period name that validates has a range (no force-unwrap downstream).
        switch text.dropFirst(4) {
        case "": return ReportPeriod(year: year, kind: .year)
        case "-H1": return ReportPeriod(year: year, kind: .firstHalf)
        case "-9M": return ReportPeriod(year: year, kind: .nineMonths)
        case let suffix:
            guard let quarter = Int(suffix.dropFirst(2)), (1...4).contains(quarter) else { return nil }
            return ReportPeriod(year: year, kind: .quarter(quarter))
        }
    }

    public var description: String {
        switch kind {
        case .quarter(let quarter): "\(year)-Q\(quarter)"
        case .firstHalf: "\(year)-H1"
        case .nineMonths: "\(year)-9M"
        case .year: "\(year)"
        }
    }

    /// First and last local day. `decree09`: from the 15th of the month before the first
    /// month to the 14th of the last month (Decree 09/2019/NĐ-CP cut-off dates).
    public func range(_ mode: LedgerConfiguration.PeriodMode) -> ClosedRange<LocalDate> {
        let months = kind.months
        switch mode {
        case .calendar:
            return YearMonth(validYear: year, month: months.lowerBound).firstDay...YearMonth(validYear: year, month: months.upperBound).lastDay
        case .decree09:
            let before = months.lowerBound == 1 ? YearMonth(validYear: year - 1, month: 12) : YearMonth(validYear: year, month: months.lowerBound - 1)
            return LocalDate(validYear: before.year, month: before.month, day: 15)...LocalDate(validYear: year, month: months.upperBound, day: 14)
        }
    }

    /// Every period of the enabled kinds of a year, in a stable order.
    public static func all(year: Int, kinds: [LedgerConfiguration.PeriodKind]) -> [ReportPeriod] {
        let candidates: [ReportPeriod] =
            (1...4).map { ReportPeriod(year: year, kind: .quarter($0)) }
            + [ReportPeriod(year: year, kind: .firstHalf), ReportPeriod(year: year, kind: .nineMonths), ReportPeriod(year: year, kind: .year)]
        return candidates.filter { kinds.contains($0.kind.configurationKind) }
    }

    /// Ordered by end, then by length (Q2 before H1, Q3 before 9M, Q4 before the year).
    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool {
        let left = lhs.range(.calendar), right = rhs.range(.calendar)
        return (left.upperBound, right.lowerBound) < (right.upperBound, left.lowerBound)
    }
}
