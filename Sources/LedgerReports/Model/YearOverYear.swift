import LedgerDomain

/// The totals of a period beside the same period a year earlier, as rows the human
/// formats print under their totals (the JSON carries `previous_year` itself).
struct YearOverYear {
    let current: ConsolidatedReport.Totals
    let previous: ConsolidatedReport.PreviousYear

    init?(_ report: ConsolidatedReport) {
        guard let previous = report.previousYear else { return nil }
        current = report.totals
        self.previous = previous
    }

    static func values(_ totals: ConsolidatedReport.Totals) -> [Int] {
        [totals.events, totals.articles, totals.activities, totals.contests, totals.surveys]
    }

    /// The label and the five figures of each row: this period, a year earlier, the change.
    func rows(_ labels: ReportLabels, _ numbers: HumanNumbers) -> [(label: String, figures: [String])] {
        let now = Self.values(current), before = Self.values(previous.totals)
        return [
            (labels.currentPeriod, now.map { numbers.count($0) }),
            (labels.previousYear(previous.period.description), before.map { numbers.count($0) }),
            (labels.change, zip(now, before).map { numbers.change($0 - $1) }),
        ]
    }
}
