import LedgerDomain

struct HTMLReport {
    let report: ConsolidatedReport
    let labels: ReportLabels
    func render() throws -> String { throw ReportFormat.Unavailable(format: "html") }
}

struct DocxReport {
    let report: ConsolidatedReport
    let labels: ReportLabels
    func render() throws -> [UInt8] { throw ReportFormat.Unavailable(format: "docx") }
}
