import LedgerDomain

/// An agency's report in Markdown (`report --agency --format md`).
struct AgencyMarkdownReport {
    let report: AgencyReport
    let labels: ReportLabels

    func render() -> String {
        let l = labels
        let c = report.consolidated, a = report.agency
        let w = ReportWords(c, language: l.language)
        let n = HumanNumbers(l.language)
        var lines = [
            "# \(l.agencyTitle): \(MarkdownReport.text(a.name)) — \(l.periodInWords(c.period))", "",
            "- \(l.period): \(c.period) (\(l.date(c.from)) … \(l.date(c.to)), \(l.mode(c.mode)))",
            "- \(l.edition): \(c.edition.map(String.init) ?? l.adHoc)",
            "- \(l.throughSeq): \(c.throughSeq)", "- \(l.headHash): `\(c.headHash)`",
            "- \(l.reportArrival(due: c.reportDue)): \(w.arrival(a.report))",
        ]
        if let feedback = a.feedback, let due = c.contestFeedback.due { lines.append("- \(l.feedbackArrival(due: due)): \(w.arrival(feedback))") }
        lines += [
            "", "## \(l.results)", "", "| | \(l.total) | \(l.details) |", "|---|---:|---|",
            "| \(l.articles) | \(n.count(a.articles)) | \(cell(w.channels(a.articlesByChannel))) |",
            "| \(l.activities) | \(n.count(a.activities)) | \(cell(w.forms(a.activitiesByForm))) |",
            "| \(l.contests) | \(n.count(a.contests)) | |", "| \(l.surveys) | \(n.count(a.surveys)) | |", "",
            "## \(l.tasks)", "",
        ]
        if report.tasks.isEmpty {
            lines.append(l.noTasks)
        } else {
            lines += ["| \(l.task) | \(l.roleHeader) | \(l.window) | \(l.status) |", "|---|---|---|---|"]
            for task in report.tasks {
                lines.append(
                    "| **\(cell(task.line.task))** \(cell(task.line.title)) | \(l.role(task.role)) | \(l.window(task.line.window)) | \(w.status(task.status)) |"
                )
            }
        }
        lines += ["", "## \(l.indicators)", ""]
        if report.indicators.isEmpty {
            lines.append(l.none)
        } else {
            lines += ["| \(l.indicator) | \(l.numerator) | \(l.denominator) | \(l.value) | \(l.target) | \(l.met) |", "|---|---:|---:|---:|---:|---|"]
            for indicator in report.indicators {
                lines.append(
                    "| \(cell(w.indicator(indicator.indicator))) | \(n.count(indicator.numerator)) | \(indicator.denominator.map(n.count) ?? "–") | \(n.indicator(indicator.value, isRatio: indicator.denominator != nil)) | \(n.indicator(indicator.target, isRatio: indicator.denominator != nil)) | \(indicator.met ? l.yes : l.no) |"
                )
            }
        }
        lines.append("")
        lines += MarkdownReport.findings(Findings(report, language: l.language), labels: l)
        return lines.joined(separator: "\n")
    }

    private func cell(_ text: String) -> String { MarkdownReport.cell(text) }
}
