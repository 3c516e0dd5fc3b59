import LedgerDomain

/// Markdown: readable in a terminal and in a code host.
struct MarkdownReport {
    let report: ConsolidatedReport
    let labels: ReportLabels

    func render() -> String {
        var lines: [String] = []
        let l = labels
        let w = ReportWords(report, language: l.language)
        let n = HumanNumbers(l.language)
        lines.append("# \(l.title) — \(l.periodInWords(report.period))")
        lines.append("")
        lines.append("- \(l.period): \(report.period) (\(l.date(report.from)) … \(l.date(report.to)), \(l.mode(report.mode)))")
        lines.append("- \(l.edition): \(report.edition.map(String.init) ?? l.adHoc)")
        lines.append("- \(l.throughSeq): \(report.throughSeq)")
        lines.append("- \(l.headHash): `\(report.headHash)`")
        lines.append("")
        lines.append("## \(l.totals)")
        lines.append("")
        lines.append("| \(l.events) | \(l.articles) | \(l.activities) | \(l.contests) | \(l.surveys) |")
        lines.append("|---:|---:|---:|---:|---:|")
        let t = report.totals
        lines.append("| \(n.count(t.events)) | \(n.count(t.articles)) | \(n.count(t.activities)) | \(n.count(t.contests)) | \(n.count(t.surveys)) |")
        lines.append("")
        if let comparison = YearOverYear(report) {
            lines.append("| | \(l.events) | \(l.articles) | \(l.activities) | \(l.contests) | \(l.surveys) |")
            lines.append("|---|---:|---:|---:|---:|---:|")
            for row in comparison.rows(l, n) { lines.append("| \(row.label) | " + row.figures.joined(separator: " | ") + " |") }
            lines.append("")
            let details = comparison.details(l, n, w)
            if !details.isEmpty {
                lines.append("| \(l.comparedItem) | \(l.currentPeriod) | \(l.sameTimeLastYear) | \(l.changeShort) |")
                lines.append("|---|---:|---:|---:|")
                for row in details { lines.append("| \(cell(row.label)) | \(row.now) | \(row.before) | \(row.change) |") }
                lines.append("")
            }
        }
        lines.append("## \(l.agencies)")
        lines.append("")
        lines.append(
            "| \(l.code) | \(l.name) | \(l.articles) | \(l.byChannel) | \(l.activities) | \(l.byForm) | \(l.contests) | \(l.surveys) | \(l.periodReport(due: report.reportDue)) |"
        )
        lines.append("|---|---|---:|---|---:|---|---:|---:|---|")
        for agency in report.agencies {
            lines.append(
                "| \(cell(agency.code)) | \(cell(agency.name)) | \(n.count(agency.articles)) | \(cell(w.channels(agency.articlesByChannel))) | \(n.count(agency.activities)) | \(cell(w.forms(agency.activitiesByForm))) | \(n.count(agency.contests)) | \(n.count(agency.surveys)) | \(cell(w.arrival(of: agency))) |"
            )
        }
        lines.append("")
        lines.append("## \(l.tasks)")
        lines.append("")
        lines.append("| \(l.task) | \(l.window) | \(l.statusByLead) | \(l.linkedEvents) |")
        lines.append("|---|---|---|---:|")
        for task in report.tasks {
            let statuses = w.statuses(task.statusByLead)
            lines.append(
                "| **\(cell(task.task))** \(cell(task.title)) | \(l.window(task.window)) | \(cell(statuses.isEmpty ? l.none : statuses)) | \(n.count(task.linkedEvents)) |"
            )
        }
        lines.append("")
        lines.append("## \(l.indicators)")
        lines.append("")
        lines.append("| \(l.indicator) | \(l.numerator) | \(l.denominator) | \(l.value) | \(l.target) | \(l.met) |")
        lines.append("|---|---:|---:|---:|---:|---|")
        for indicator in report.indicators {
            lines.append(
                "| \(cell(w.indicator(indicator.indicator))) | \(n.count(indicator.numerator)) | \(indicator.denominator.map(n.count) ?? "–") | \(n.indicator(indicator.value, isRatio: indicator.denominator != nil)) | \(n.indicator(indicator.target, isRatio: indicator.denominator != nil)) | \(indicator.met ? l.yes : l.no) |"
            )
        }
        lines.append("")
        lines.append("## \(l.contestFeedback)")
        lines.append("")
        let f = report.contestFeedback
        lines.append("- \(l.responses): \(f.responses); \(l.continueContest): \(f.continueContest); \(l.otherForm): \(f.otherForm)")
        if let due = f.due {
            lines.append("- \(l.feedbackDue(due))")
            for (label, status) in [(l.feedbackOnTime, Arrival.Status.onTime), (l.feedbackLate, .late)] {
                let names = w.feedback(report, status)
                lines.append("- \(label): \(names.isEmpty ? l.none : text(names.joined(separator: "; ")))")
            }
        }
        lines.append("- \(l.withoutResponse): \(f.agenciesWithoutResponse.isEmpty ? l.none : cell(w.agencies(f.agenciesWithoutResponse)))")
        lines.append("")
        if !report.completeness.isEmpty {
            let header = ReportWords.completenessHeader(l)
            lines += ["## \(l.completeness)", "", "| " + header.joined(separator: " | ") + " |", "|---|" + String(repeating: "---:|", count: header.count - 1)]
            for row in w.completenessRows(report) { lines.append("| " + row.joined(separator: " | ") + " |") }
            lines.append("")
        }
        let initiatives = report.initiatives
        if !initiatives.isEmpty {
            lines += [
                "## \(l.initiatives)", "", l.initiativesSummary(shared: initiatives.shared, applied: initiatives.applied, proposed: initiatives.proposed), "",
            ]
            if !initiatives.byInitiative.isEmpty {
                lines += ["| \(l.initiativeCode) | \(l.initiative) | \(l.initiativeOrigin) | \(l.appliedBy) |", "|---|---|---|---|"]
                for row in w.initiativeRows(initiatives) { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
                lines.append("")
            }
            if !initiatives.proposals.isEmpty { lines += ["- \(l.proposalsInPeriod): \(text(w.proposals(initiatives.proposals, l)))", ""] }
        }
        lines.append("## \(l.silent)")
        lines.append("")
        lines.append(report.silentAgencies.isEmpty ? l.none : text(w.agencies(report.silentAgencies)))
        lines.append("")
        lines.append(contentsOf: Self.findings(Findings(report, language: l.language), labels: l))
        if let checkpoint = report.checkpoint { lines += Self.note(checkpoint, title: l.checkpoint, explained: l.checkpointNote) }
        if let witnessed = report.witnessedCheckpoint { lines += Self.note(witnessed, title: l.witnessedCheckpoint, explained: l.witnessedCheckpointNote) }
        return lines.joined(separator: "\n")
    }

    /// A signed note (the checkpoint, the centre's cosigned one) as a fenced block under its heading.
    static func note(_ note: String, title: String, explained: String) -> [String] {
        ["## \(title)", "", explained, "", "```"] + note.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) + ["```", ""]
    }

    private func cell(_ text: String) -> String { Self.cell(text) }
    private func text(_ value: String) -> String { Self.text(value) }

    /// The drafted findings: a heading, the note that they are generated, three lists.
    static func findings(_ findings: Findings, labels l: ReportLabels) -> [String] {
        var lines = ["## \(l.findings)", "", "*\(l.draftNote)*", ""]
        for (title, sentences) in [(l.achieved, findings.achieved), (l.shortcomings, findings.shortcomings), (l.proposals, findings.proposals)] {
            lines.append("### \(title)")
            lines.append("")
            lines.append(contentsOf: sentences.map { "- " + text($0) })
            lines.append("")
        }
        return lines
    }

    /// Text a clerk or an agency wrote: Markdown viewers render HTML inside Markdown, so
    /// `<`, `>`, `&` and `"` are escaped as the HTML report escapes them — a title
    /// `<script>` or `<img onerror=…>` shows as text in every viewer.
    static func text(_ value: String) -> String {
        MarkupEscaping.escape(value, apostrophe: false)
    }

    /// Text inside a table cell: escaped as `text`, and pipes and line breaks would break the table.
    static func cell(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
