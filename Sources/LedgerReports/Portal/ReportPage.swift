import LedgerDomain

/// The HTML reports as parts of the portal's pages: the same sections, tables and SVG
/// charts as the report files, without the document shell and its inline style (the
/// portal's policy allows only its own style sheet, which includes `css`).
public enum ReportPage {
    /// The consolidated report from `<header>` to its last section; each figure links to
    /// `trace(figure)` when given.
    public static func consolidated(
        _ report: ConsolidatedReport, language: Language, trace: (@Sendable (Figure) -> String)? = nil, withTotals: Bool = true
    ) -> String {
        "<header>\n" + HTMLReport(report: report, labels: ReportLabels(language), trace: trace).body(withTotals: withTotals)
    }

    /// The totals and each indicator against its target: what a dashboard shows first.
    public static func headline(_ report: ConsolidatedReport, language: Language, trace: (@Sendable (Figure) -> String)? = nil) -> String {
        HTMLReport(report: report, labels: ReportLabels(language), trace: trace).headline()
    }

    /// One agency's report from `<header>` to its last section.
    public static func agency(_ report: AgencyReport, language: Language) -> String {
        "<header>\n" + AgencyHTMLReport(report: report, labels: ReportLabels(language)).body()
    }

    /// The style of the report pages, to be served as a file.
    public static let css = HTMLReport.css
}
