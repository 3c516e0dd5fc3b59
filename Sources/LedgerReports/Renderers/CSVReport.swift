import LedgerDomain

/// CSV: UTF-8 with BOM (Excel opens it as Unicode), one row per agency, `through_seq` and
/// `head_hash` on every row, and cells starting with = + - @ neutralised against formula
/// injection.
struct CSVReport {
    let report: ConsolidatedReport
    let labels: ReportLabels

    func render() -> [UInt8] {
        let channels = Channel.allCases.map(\.rawValue), forms = ActivityForm.allCases.map(\.rawValue)
        var rows: [[String]] = []
        rows.append(
            ["period", "from", "to", "edition", "through_seq", "head_hash", "code", "name", "events", "articles"]
                + channels.map { "articles.\($0)" } + ["activities"] + forms.map { "activities.\($0)" }
                + ["contests", "surveys", "report_submitted", "silent", "tasks", "review", "review_reason", "initiatives_applied"])
        let silent = Set(report.silentAgencies)
        for agency in report.agencies {
            let byChannel = Dictionary(uniqueKeysWithValues: agency.articlesByChannel)
            let byForm = Dictionary(uniqueKeysWithValues: agency.activitiesByForm)
            let events = agency.articles + agency.activities + agency.contests + agency.surveys
            var row = [
                report.period.description, report.from.description, report.to.description, report.edition.map(String.init) ?? "",
                String(report.throughSeq), report.headHash, agency.code, agency.name, String(events), String(agency.articles),
            ]
            row += channels.map { String(byChannel[$0] ?? 0) }
            row.append(String(agency.activities))
            row += forms.map { String(byForm[$0] ?? 0) }
            row += [
                String(agency.contests), String(agency.surveys), agency.reportSubmitted ? "true" : "false",
                silent.contains(agency.code) ? "true" : "false",
                agency.tasks.map { "\($0.task):\($0.role):\($0.status.rawValue)" }.joined(separator: " "),
                agency.review?.rawValue ?? "", agency.reviewReason ?? "", agency.initiativesApplied.joined(separator: " "),
            ]
            rows.append(row)
        }
        let text = rows.map { $0.map(Self.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// RFC 4180 quoting, after prefixing a formula-looking cell with `'`.
    static func cell(_ raw: String) -> String {
        var text = raw
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
