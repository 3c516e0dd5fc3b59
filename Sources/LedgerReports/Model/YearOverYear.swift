import Foundation
import LedgerDomain

/// The period beside the same period a year earlier ("so với cùng kỳ năm trước"), as rows
/// the human formats print: the totals, then each channel, form and indicator measured in
/// either period (the JSON carries `previous_year` itself).
struct YearOverYear {
    let report: ConsolidatedReport
    let previous: ConsolidatedReport.PreviousYear

    init?(_ report: ConsolidatedReport) {
        guard let previous = report.previousYear else { return nil }
        self.report = report
        self.previous = previous
    }

    static func values(_ totals: ConsolidatedReport.Totals) -> [Int] {
        [totals.events, totals.articles, totals.activities, totals.contests, totals.surveys]
    }

    /// The label and the five figures of each row: this period, a year earlier, the change.
    func rows(_ labels: ReportLabels, _ numbers: HumanNumbers) -> [(label: String, figures: [String])] {
        let now = Self.values(report.totals), before = Self.values(previous.totals)
        return [
            (labels.currentPeriod, now.map { numbers.count($0) }),
            (labels.previousYear(previous.period.description), before.map { numbers.count($0) }),
            (labels.change, zip(now, before).map { numbers.change($0 - $1) }),
        ]
    }

    /// One row per channel, form and indicator: its words, this period, a year earlier, the
    /// change (in percentage points for a ratio).
    func details(_ labels: ReportLabels, _ numbers: HumanNumbers, _ words: ReportWords) -> [(label: String, now: String, before: String, change: String)] {
        var rows: [(label: String, now: String, before: String, change: String)] = []
        func counts(_ now: [(String, Int)], _ before: [(String, Int)], label: (String) -> String) {
            let current = Dictionary(now, uniquingKeysWith: +), earlier = Dictionary(before, uniquingKeysWith: +)
            for code in Set(current.keys).union(earlier.keys).sorted() {
                let a = current[code] ?? 0, b = earlier[code] ?? 0
                rows.append((label(code), numbers.count(a), numbers.count(b), numbers.change(a - b)))
            }
        }
        counts(report.agencies.flatMap(\.articlesByChannel), previous.channels) { labels.articlesBy(words.channel($0)) }
        counts(report.agencies.flatMap(\.activitiesByForm), previous.forms) { labels.activitiesBy(words.form($0)) }
        let earlier = Dictionary(previous.indicators.map { ($0.indicator, $0.value) }, uniquingKeysWith: { first, _ in first })
        let current = report.indicators.filter(\.hasData)
        var seen = Set<String>()
        for line in current {
            seen.insert(line.indicator)
            let now = line.value ?? String(line.numerator), before = earlier[line.indicator] ?? nil
            let ratio = line.denominator != nil
            rows.append(
                (
                    words.indicator(line.indicator), numbers.indicator(now, isRatio: ratio), numbers.indicator(before, isRatio: ratio),
                    before.map { Self.change(from: $0, to: now, ratio: ratio, labels, numbers) } ?? "–"
                ))
        }
        for (indicator, value) in previous.indicators where !seen.contains(indicator) {
            let ratio = !indicator.hasPrefix("task:")
            rows.append((words.indicator(indicator), "–", numbers.indicator(value, isRatio: ratio), "–"))
        }
        return rows
    }

    /// The difference of two decimals, signed; a ratio's in percentage points.
    static func change(from before: String, to now: String, ratio: Bool, _ labels: ReportLabels, _ numbers: HumanNumbers) -> String {
        guard let a = Decimal(string: now, locale: Locale(identifier: "en_US_POSIX")),
            let b = Decimal(string: before, locale: Locale(identifier: "en_US_POSIX"))
        else { return "–" }
        var difference = (a - b) * (ratio ? 100 : 1)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &difference, 2, .plain)
        let sign = rounded > 0 ? "+" : rounded < 0 ? "−" : ""
        let magnitude = numbers.decimal(NSDecimalNumber(decimal: rounded < 0 ? -rounded : rounded).stringValue)
        return ratio ? labels.points(sign + magnitude) : sign + magnitude
    }
}
