import LedgerDomain

/// The formats of CONTRACT §7.3; each renders the same `ConsolidatedReport`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json, md, html, csv, docx

    /// A renderer could not assemble its output (e.g. the DOCX archive).
    public struct RenderFailure: Error, CustomStringConvertible {
        public var format: String
        public var reason: String
        public var description: String { "cannot render the \(format) report: \(reason)" }
    }

    public func render(_ report: ConsolidatedReport, language: Language) throws -> [UInt8] {
        switch self {
        case .json: Array((JSONWriter.string(report.json, pretty: true) + "\n").utf8)
        case .md: Array(MarkdownReport(report: report, labels: ReportLabels(language)).render().utf8)
        case .csv: CSVReport(report: report, labels: ReportLabels(language)).render()
        case .html: Array(try HTMLReport(report: report, labels: ReportLabels(language)).render().utf8)
        case .docx: try DocxReport(report: report, labels: ReportLabels(language)).render()
        }
    }
}
