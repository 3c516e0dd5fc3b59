import LedgerDomain

/// One self-contained HTML file: inline CSS and SVG, nothing fetched, every value escaped.
struct HTMLReport {
    let report: ConsolidatedReport
    let labels: ReportLabels
    /// Where a figure links to (the events behind it) when the report is shown in the
    /// portal; nil in the report file, which links nowhere.
    var trace: (@Sendable (Figure) -> String)? = nil

    private var words: ReportWords { ReportWords(report, language: labels.language) }

    /// The document up to its `<header>`: language, title and the inline style that every
    /// report page shares.
    static func opening(title: String, language: Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MarkupEscaping.escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <header>

        """
    }

    func render() throws -> String {
        Self.opening(title: "\(labels.title) — \(labels.periodInWords(report.period))", language: labels.language) + body() + "</body>\n</html>\n"
    }

    /// Everything inside `<header>…` up to `</body>`: the page without its document shell,
    /// which the portal wraps in its own (its style sheet is a file, not inline).
    func body(withTotals: Bool = true) -> String {
        let l = labels
        var html = """
            <h1>\(e(l.title))</h1>
            <p class="subtitle">\(e(l.periodInWords(report.period))) · \(e(report.period.description)) · \(e(l.date(report.from))) – \(e(l.date(report.to))) (\(e(l.mode(report.mode))))</p>
            <dl class="meta">
            <dt>\(e(l.edition))</dt><dd>\(e(report.edition.map(String.init) ?? l.adHoc))</dd>
            <dt>\(e(l.throughSeq))</dt><dd>\(report.throughSeq)</dd>
            <dt>\(e(l.headHash))</dt><dd><code>\(e(report.headHash))</code></dd>
            </dl>
            </header>
            \(withTotals ? totalsSection() : "")<section class="charts">
            <figure><figcaption>\(e(l.articles)) — \(e(l.byChannel))</figcaption>\(channelChart(title: "\(l.articles) — \(l.byChannel)"))</figure>
            <figure><figcaption>\(e(l.events)) — \(e(l.agencies))</figcaption>\(agencyChart(title: "\(l.events) — \(l.agencies)"))</figure>
            <figure><figcaption>\(e(l.indicators))</figcaption>\(indicatorChart())</figure>
            <figure class="wide"><figcaption>\(e(l.tasks))</figcaption>\(taskTimeline())</figure>
            </section>

            """
        html += section(l.agencies, agencyTable())
        html += section(l.tasks, taskTable())
        html += section(l.indicators, indicatorTable())
        let f = report.contestFeedback
        html += section(
            l.contestFeedback,
            """
            <p>\(e(l.responses)): <b>\(f.responses)</b> · \(e(l.continueContest)): <b>\(f.continueContest)</b> · \(e(l.otherForm)): <b>\(f.otherForm)</b></p>
            \(feedbackArrivals())<p>\(e(l.withoutResponse)): \(e(f.agenciesWithoutResponse.isEmpty ? l.none : words.agencies(f.agenciesWithoutResponse)))</p>
            """)
        html += completenessSection()
        html += initiativesSection()
        html += section(l.silent, "<p>\(e(report.silentAgencies.isEmpty ? l.none : words.agencies(report.silentAgencies)))</p>")
        html += Self.findings(Findings(report, language: l.language), labels: l)
        for (title, explained, note) in [
            (l.checkpoint, l.checkpointNote, report.checkpoint), (l.witnessedCheckpoint, l.witnessedCheckpointNote, report.witnessedCheckpoint),
        ] {
            if let note { html += section(title, "<p>\(e(explained))</p>\n<pre class=\"checkpoint\">\(e(note))</pre>") }
        }
        return html
    }

    /// Who reported: the last four periods' counts and rates as a table, the rates as bars.
    func completenessSection() -> String {
        let l = labels
        guard !report.completeness.isEmpty else { return "" }
        var html = "<table class=\"completeness\"><thead><tr>"
        html += ReportWords.completenessHeader(l).map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in words.completenessRows(report) {
            html += "<tr><th scope=\"row\">\(e(row[0]))</th>" + row.dropFirst().map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody></table>\n"
        let rates = report.completeness.map { ($0.period.description, Self.permille($0.rate).map { $0 / 10 } ?? 0) }
        html +=
            "<figure><figcaption>\(e(l.submittedRate)) (%)</figcaption>\(bars(rates, title: l.submittedRate, column: l.period, color: "#1f6fb2", labelWidth: 90, scale: 100, fixedSize: true))</figure>\n"
        return section(l.completeness, html)
    }

    /// Models and initiatives: the period's counts, each shared one with who applies it, the proposals.
    func initiativesSection() -> String {
        let l = labels, initiatives = report.initiatives
        guard !initiatives.isEmpty else { return "" }
        var html = "<p>\(e(l.initiativesSummary(shared: initiatives.shared, applied: initiatives.applied, proposed: initiatives.proposed)))</p>\n"
        if !initiatives.byInitiative.isEmpty {
            html += "<table class=\"initiatives\"><thead><tr>"
            html += [l.initiativeCode, l.initiative, l.initiativeOrigin, l.appliedBy].map { "<th scope=\"col\">\(e($0))</th>" }.joined()
            html += "</tr></thead><tbody>\n"
            for row in words.initiativeRows(initiatives) { html += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
            html += "</tbody></table>\n"
        }
        if !initiatives.proposals.isEmpty { html += "<p>\(e(l.proposalsInPeriod)): \(e(words.proposals(initiatives.proposals, l)))</p>\n" }
        return section(l.initiatives, html)
    }

    /// The period's totals as tiles.
    func totalsSection() -> String {
        let l = labels
        return """
            <section class="totals">
            \(tile(l.events, report.totals.events, .total(.events)))\(tile(l.articles, report.totals.articles, .total(.articles)))\(tile(l.activities, report.totals.activities, .total(.activities)))\(tile(l.contests, report.totals.contests, .total(.contests)))\(tile(l.surveys, report.totals.surveys, .total(.surveys)))
            </section>

            """ + yearOverYear()
    }

    /// The totals beside the same period a year earlier, when the log has it.
    func yearOverYear() -> String {
        guard let comparison = YearOverYear(report) else { return "" }
        let l = labels
        var html = "<table class=\"year-over-year\"><thead><tr><th scope=\"col\"></th>"
        for label in [l.events, l.articles, l.activities, l.contests, l.surveys] { html += "<th scope=\"col\">\(e(label))</th>" }
        html += "</tr></thead><tbody>\n"
        for row in comparison.rows(l, numbers) {
            html += "<tr><th scope=\"row\">\(e(row.label))</th>" + row.figures.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody></table>\n"
        let details = comparison.details(l, numbers, words)
        guard !details.isEmpty else { return html }
        html += "<table class=\"year-over-year-details\"><thead><tr>"
        html += [l.comparedItem, l.currentPeriod, l.sameTimeLastYear, l.changeShort].map { "<th scope=\"col\">\(e($0))</th>" }.joined()
        html += "</tr></thead><tbody>\n"
        for row in details {
            html += "<tr><th scope=\"row\">\(e(row.label))</th><td>\(e(row.now))</td><td>\(e(row.before))</td><td>\(e(row.change))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// What a reader looks at first: the totals, then each indicator against its target,
    /// in words as well as marks (never by colour alone).
    func headline() -> String {
        let l = labels
        var html = totalsSection()
        guard !report.indicators.isEmpty else { return html }
        html += "<ul class=\"targets\">\n"
        for indicator in report.indicators {
            let ratio = indicator.denominator != nil
            // Against a target: the target and whether it is met, in words; without one, the value alone.
            let judged = indicator.target.map {
                "; \(l.target.lowercased()) \(numbers.indicator($0, isRatio: ratio)) — \(indicator.met ? l.targetMet : l.targetMissed)"
            }
            let state = indicator.target == nil ? "plain" : indicator.met ? "met" : "missed"
            html +=
                "<li class=\"\(state)\">\(e(words.indicator(indicator.indicator))): <b>\(e(numbers.indicator(indicator.value ?? String(indicator.numerator), isRatio: ratio)))</b>\(e(judged ?? ""))</li>\n"
        }
        return html + "</ul>\n"
    }

    /// A figure as text, or as a link to its events when the page traces them.
    private func figure(_ value: some BinaryInteger, _ figure: Figure) -> String {
        let text = numbers.count(value)
        guard let trace else { return text }
        return "<a href=\"\(e(trace(figure)))\">\(text)</a>"
    }

    private var numbers: HumanNumbers { HumanNumbers(labels.language) }

    /// The drafted findings as a section of three lists, marked as generated.
    static func findings(_ findings: Findings, labels l: ReportLabels) -> String {
        let e = { MarkupEscaping.escape($0) }
        var body = "<p class=\"draft\">\(e(l.draftNote))</p>\n"
        for (title, sentences) in [(l.achieved, findings.achieved), (l.shortcomings, findings.shortcomings), (l.proposals, findings.proposals)] {
            body += "<h3>\(e(title))</h3>\n<ul>\n" + sentences.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return "<section class=\"findings\">\n<h2>\(e(l.findings))</h2>\n\(body)</section>\n"
    }

    /// The feedback's due day and who met it, when the report tracks it.
    private func feedbackArrivals() -> String {
        guard let due = report.contestFeedback.due else { return "" }
        let l = labels
        var html = "<p>\(e(l.feedbackDue(due)))</p>\n"
        for (label, status) in [(l.feedbackOnTime, Arrival.Status.onTime), (l.feedbackLate, .late)] {
            let names = words.feedback(report, status)
            html += "<p>\(e(label)): \(e(names.isEmpty ? l.none : names.joined(separator: "; ")))</p>\n"
        }
        return html
    }

    // MARK: Tables

    private func agencyTable() -> String {
        let l = labels
        var rows =
            "<tr><th>\(e(l.code))</th><th>\(e(l.name))</th><th>\(e(l.articles))</th><th>\(e(l.byChannel))</th><th>\(e(l.activities))</th><th>\(e(l.byForm))</th><th>\(e(l.contests))</th><th>\(e(l.surveys))</th><th>\(e(l.periodReport(due: report.reportDue)))</th></tr>\n"
        for agency in report.agencies {
            rows +=
                "<tr><td>\(e(agency.code))</td><td>\(e(agency.name))</td><td class=\"n\">\(figure(agency.articles, .agency(agency.code, .articles)))</td><td>\(e(words.channels(agency.articlesByChannel)))</td><td class=\"n\">\(figure(agency.activities, .agency(agency.code, .activities)))</td><td>\(e(words.forms(agency.activitiesByForm)))</td><td class=\"n\">\(figure(agency.contests, .agency(agency.code, .contests)))</td><td class=\"n\">\(figure(agency.surveys, .agency(agency.code, .surveys)))</td><td class=\"r-\(agency.report.status.rawValue)\">\(e(words.arrival(of: agency)))</td></tr>\n"
        }
        return "<table>\n\(rows)</table>"
    }

    private func taskTable() -> String {
        let l = labels
        var rows = "<tr><th>\(e(l.task))</th><th>\(e(l.window))</th><th>\(e(l.statusByLead))</th><th>\(e(l.linkedEvents))</th></tr>\n"
        let w = words
        for task in report.tasks {
            let statuses = task.statusByLead.map { "<span class=\"s-\(e($0.1.rawValue))\">\(e(w.agency($0.0))): \(e(w.status($0.1)))</span>" }.joined(
                separator: " ")
            rows +=
                "<tr><td><b>\(e(task.task))</b> \(e(task.title))</td><td>\(e(l.window(task.window)))</td><td>\(statuses)</td><td class=\"n\">\(figure(task.linkedEvents, .task(task.task)))</td></tr>\n"
        }
        return "<table>\n\(rows)</table>"
    }

    private func indicatorTable() -> String {
        let l = labels
        var rows =
            "<tr><th>\(e(l.indicator))</th><th>\(e(l.numerator))</th><th>\(e(l.denominator))</th><th>\(e(l.value))</th><th>\(e(l.target))</th><th>\(e(l.met))</th></tr>\n"
        let w = words
        for indicator in report.indicators {
            rows +=
                "<tr><td>\(e(w.indicator(indicator.indicator)))</td><td class=\"n\">\(figure(indicator.numerator, .indicator(indicator.indicator)))</td><td class=\"n\">\(indicator.denominator.map(numbers.count) ?? "–")</td><td class=\"n\">\(e(numbers.indicator(indicator.value, isRatio: indicator.denominator != nil)))</td><td class=\"n\">\(e(numbers.indicator(indicator.target, isRatio: indicator.denominator != nil)))</td><td>\(indicator.met ? "✔" : "✘")</td></tr>\n"
        }
        return "<table>\n\(rows)</table>"
    }

    // MARK: Charts (inline SVG)

    /// Horizontal bars; `items` are (label, value) already in display order.
    /// Horizontal bars, one per item. `scale` fixes the full bar (100 for percentages);
    /// else the largest item fills it. `fixedSize` draws at the viewBox's own size, so a
    /// chart of one or two bars is not blown up to the page's width.
    private func bars(
        _ items: [(String, Int)], title: String, column: String, color: String, labelWidth: Int = 150, scale: Int? = nil, fixedSize: Bool = false
    ) -> String {
        guard !items.isEmpty, let largest = items.map(\.1).max(), (scale ?? largest) > 0 else { return "<p class=\"empty\">\(e(labels.none))</p>" }
        let maximum = scale ?? largest
        let rowHeight = 18, barWidth = 410 - labelWidth
        let height = items.count * rowHeight + 4
        let size = fixedSize ? " width=\"\(labelWidth + barWidth + 50)\" height=\"\(height)\"" : ""
        var svg = "<svg viewBox=\"0 0 \(labelWidth + barWidth + 50) \(height)\"\(size) \(accessible(title))>"
        for (index, item) in items.enumerated() {
            let y = index * rowHeight + 2
            let width = max(1, min(item.1, maximum) * barWidth / maximum)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(e(item.0))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(rowHeight - 5)\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(labelWidth + width + 4)\" y=\"\(y + 13)\">\(numbers.count(item.1))</text>"
        }
        return svg + "</svg>" + dataTable([column, labels.total], items.map { [$0.0, numbers.count($0.1)] })
    }

    /// What a chart's `<svg>` carries for a reader that cannot see it: an image role and a
    /// name; the figures themselves follow in `dataTable`.
    private func accessible(_ title: String) -> String {
        "role=\"img\" aria-label=\"\(e(title))\" xmlns=\"http://www.w3.org/2000/svg\""
    }

    /// The figures of a chart as a table, folded under the chart.
    private func dataTable(_ header: [String], _ rows: [[String]]) -> String {
        var html = "<details class=\"chart-data\"><summary>\(e(labels.chartFigures))</summary><table>\n<tr>"
        html += header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
        return html + "</table></details>"
    }

    private func channelChart(title: String) -> String {
        var totals: [String: Int] = [:]
        for agency in report.agencies { for (channel, count) in agency.articlesByChannel { totals[channel, default: 0] += count } }
        let w = words
        return bars(
            totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (w.channel($0.key), $0.value) }, title: title, column: labels.byChannel,
            color: "#1f6fb2")
    }

    private func agencyChart(title: String) -> String {
        let items = report.agencies.map { ($0.code, $0.name, $0.articles + $0.activities + $0.contests + $0.surveys) }.filter { $0.2 > 0 }
        return bars(items.sorted { ($1.2, $0.0) < ($0.2, $1.0) }.map { ($0.1, $0.2) }, title: title, column: labels.name, color: "#2e8b57", labelWidth: 250)
    }

    /// n/d in thousandths, at most 1000, without multiplying the sums (see `Ratio`).
    static func permille(_ numerator: Int128, _ denominator: Int128) -> Int {
        guard denominator > 0, numerator > 0 else { return 0 }
        guard numerator < denominator else { return 1000 }
        var value = 0, remainder = numerator
        for _ in 0..<3 {
            let (digit, rest) = Ratio.nextDigit(remainder, denominator)
            value = value * 10 + Int(digit)
            remainder = rest
        }
        return value
    }

    /// Each ratio indicator as a bar from 0 to 100 % under its name, with its target as a red tick.
    private func indicatorChart() -> String {
        let ratios = report.indicators.filter { $0.denominator != nil }
        guard !ratios.isEmpty else { return "<p class=\"empty\">\(e(labels.none))</p>" }
        let rowHeight = 36, barWidth = 400
        let w = words
        var svg = "<svg viewBox=\"0 0 \(barWidth + 60) \(ratios.count * rowHeight + 4)\" \(accessible(labels.indicators))>"
        for (index, indicator) in ratios.enumerated() {
            let y = index * rowHeight + 2
            let permille = indicator.denominator.map { Self.permille(indicator.numerator, $0) } ?? 0
            svg += "<text x=\"0\" y=\"\(y + 11)\" class=\"small\">\(e(w.indicator(indicator.indicator)))</text>"
            svg += "<rect x=\"0\" y=\"\(y + 16)\" width=\"\(barWidth)\" height=\"14\" fill=\"#e6e6e6\"/>"
            svg += "<rect x=\"0\" y=\"\(y + 16)\" width=\"\(permille * barWidth / 1000)\" height=\"14\" fill=\"\(indicator.met ? "#2e8b57" : "#d08c1f")\"/>"
            if let target = indicator.target, let targetPermille = Self.permille(target) {
                let x = min(1000, targetPermille) * barWidth / 1000
                svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(y + 13)\" y2=\"\(y + 33)\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
            }
            svg += "<text x=\"\(barWidth + 4)\" y=\"\(y + 28)\">\(e(numbers.indicator(indicator.value, isRatio: true)))</text>"
        }
        let rows = ratios.map { indicator in
            [
                w.indicator(indicator.indicator), numbers.indicator(indicator.value, isRatio: true), numbers.indicator(indicator.target, isRatio: true),
                indicator.met ? labels.targetMet : labels.targetMissed,
            ]
        }
        return svg + "</svg>" + legend([("#2e8b57", labels.targetMet), ("#d08c1f", labels.targetMissed), ("#c0392b", labels.target)])
            + dataTable([labels.indicator, labels.value, labels.target, labels.met], rows)
    }

    /// The tasks across the twelve months of the period's year, coloured by overall status.
    private func taskTimeline() -> String {
        guard !report.tasks.isEmpty else { return "<p class=\"empty\">\(e(labels.none))</p>" }
        let labelWidth = 90, monthWidth = 50, rowHeight = 20, top = 18
        let year = report.period.year
        var svg =
            "<svg viewBox=\"0 0 \(labelWidth + monthWidth * 12 + 10) \(top + report.tasks.count * rowHeight + 4)\" \(accessible(labels.tasks))>"
        for month in 1...12 {
            let x = labelWidth + (month - 1) * monthWidth
            svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(top - 4)\" y2=\"\(top + report.tasks.count * rowHeight)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(x + monthWidth / 2)\" y=\"12\" text-anchor=\"middle\">\(e(labels.month(month, year: year)))</text>"
        }
        for (index, task) in report.tasks.enumerated() {
            let y = top + index * rowHeight
            let overall = TaskStatus.overall(task.statusByLead.map(\.1))
            var first = 1, last = 12
            if case .months(let from, let to) = task.window {
                first = from.year < year ? 1 : from.year > year ? 13 : from.month
                last = to.year > year ? 12 : to.year < year ? 0 : to.month
            }
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(e(task.task))</text>"
            if first <= last {
                svg +=
                    "<rect class=\"s-\(e(overall.rawValue))\" x=\"\(labelWidth + (first - 1) * monthWidth + 2)\" y=\"\(y + 3)\" width=\"\((last - first + 1) * monthWidth - 4)\" height=\"\(rowHeight - 6)\" rx=\"3\"><title>\(e(task.title)) — \(e(words.status(overall)))</title></rect>"
            }
        }
        let statuses = TaskStatus.allCases.map { (Self.statusColours[$0] ?? "#999", words.status($0)) }
        let rows = report.tasks.map { task in
            ["\(task.task) \(task.title)", labels.window(task.window), words.status(TaskStatus.overall(task.statusByLead.map(\.1)))]
        }
        return svg + "</svg>" + legend(statuses) + dataTable([labels.task, labels.window, labels.status], rows)
    }

    /// The fill of each status in the timeline; the same colours as the `.s-…` classes.
    static let statusColours: [TaskStatus: String] = [
        .done: "#2e8b57", .overdue: "#c0392b", .inProgress: "#d08c1f", .ongoing: "#1f6fb2", .notStarted: "#9aa0a6",
    ]

    /// A chart's key: a swatch and the words of each colour.
    private func legend(_ entries: [(String, String)]) -> String {
        // A class per colour, not a style attribute: the portal's policy forbids inline style.
        let items = entries.map { "<span><i class=\"sw-\($0.0.dropFirst())\"></i>\(e($0.1))</span>" }.joined()
        return "<p class=\"legend\">\(items)</p>"
    }

    // MARK: Helpers

    private func tile(_ label: String, _ value: Int, _ total: Figure) -> String {
        "<div class=\"tile\"><span class=\"v\">\(figure(value, total))</span><span class=\"k\">\(e(label))</span></div>"
    }

    private func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>\(e(title))</h2>\n\(body)\n</section>\n"
    }

    /// A decimal target as thousandths ("0.8" → 800), for drawing only.
    static func permille(_ decimal: String) -> Int? {
        let parts = decimal.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]) else { return nil }
        let fraction = parts.count > 1 ? String((parts[1] + "000").prefix(3)) : "000"
        return Int(fraction).map { whole * 1000 + $0 }
    }

    /// Escapes text for HTML content and attribute values.
    func e(_ text: String) -> String { MarkupEscaping.escape(text) }

    static let css = """
        body{font-family:"Times New Roman",Times,serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
        h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
        .subtitle{margin:.3rem 0;color:#555}.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.9rem}
        .meta dt{color:#555}.meta dd{margin:0}code{font-size:.8rem;word-break:break-all}
        .totals{display:flex;gap:1rem;flex-wrap:wrap;margin:1.2rem 0}.tile{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;min-width:7rem}
        .tile .v{display:block;font-size:1.6rem;font-weight:bold}.tile .k{color:#555;font-size:.9rem}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(420px,100%),1fr));gap:1.2rem}.charts .wide{grid-column:1/-1}
        figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:.6rem}figcaption{font-weight:bold;margin-bottom:.4rem}
        svg{width:100%;height:auto;font-family:Arial,Helvetica,sans-serif;font-size:11px}
        table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left}
        th{background:#f3f3f3}td.n{text-align:right}.empty{color:#6b6b6b}
        .s-done{fill:#2e8b57;color:#1e6b41}.s-overdue{fill:#c0392b;color:#a8321f}.s-in_progress{fill:#d08c1f;color:#8a5700}
        .s-ongoing{fill:#1f6fb2;color:#1a5f99}.s-not_started{fill:#9aa0a6;color:#5f5f5f}svg .small{font-size:10px}
        .chart-data{font-size:.85rem;margin-top:.3rem}.chart-data summary{cursor:pointer;color:#1a5f99}
        .targets{padding-left:1.2rem}.targets .met b{color:#1e6b41}.targets .missed b{color:#a8321f}
        .legend{font-family:Arial,Helvetica,sans-serif;font-size:.75rem;color:#444;margin:.3rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
        .r-on_time{color:#1e6b41}.r-late{color:#8a5700;font-weight:bold}.r-missing{color:#a8321f}
        .findings .draft{font-style:italic;color:#555;border-left:3px solid #d08c1f;padding-left:.6rem}h3{font-size:1rem;margin:1rem 0 .3rem}
        .findings li{margin:.2rem 0;text-align:justify}
        .legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.1rem;border-radius:2px}
        .sw-2e8b57{background:#2e8b57}.sw-d08c1f{background:#d08c1f}.sw-c0392b{background:#c0392b}.sw-1f6fb2{background:#1f6fb2}.sw-9aa0a6{background:#9aa0a6}
        @media (max-width:700px){body{margin:1rem auto;padding:0 .6rem}table{display:block;overflow-x:auto;max-width:100%}
        .meta{grid-template-columns:1fr}.tile{min-width:5.5rem;padding:.4rem .6rem}.tile .v{font-size:1.3rem}}
        @media print{body{margin:0;max-width:none}.charts{grid-template-columns:1fr 1fr}figure,tr{break-inside:avoid}}
        """
}
