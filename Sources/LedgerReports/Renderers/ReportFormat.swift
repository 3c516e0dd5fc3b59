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

    /// An agency's own report; it has no CSV (the consolidated CSV holds every agency's row).
    public func render(_ report: AgencyReport, language: Language) throws -> [UInt8] {
        switch self {
        case .json: Array((JSONWriter.string(report.json, pretty: true) + "\n").utf8)
        case .md: Array(AgencyMarkdownReport(report: report, labels: ReportLabels(language)).render().utf8)
        case .html: Array(AgencyHTMLReport(report: report, labels: ReportLabels(language)).render().utf8)
        case .docx: try AgencyDocxReport(report: report, labels: ReportLabels(language)).render()
        case .csv: throw RenderFailure(format: "csv", reason: "an agency report has no CSV; its row is in the consolidated CSV")
        }
    }

    /// The formats of an agency report.
    public static let agencyFormats: [ReportFormat] = [.json, .md, .html, .docx]
}
