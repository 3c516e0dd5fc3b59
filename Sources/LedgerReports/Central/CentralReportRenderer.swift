import LedgerDomain

/// The centre's report in the five formats, from one list of tables (so every format
/// holds the same rows): totals, by region, by ledger, surveys, indicators, and the
/// agencies that have not reported, qualified by their ledger.
public struct CentralReportRenderer: Sendable {
    public let report: CentralReport
    public let language: Language

    public init(report: CentralReport, language: Language = .vi) {
        self.report = report
        self.language = language
    }

    struct Table {
        var title: String
        var header: [String]
        var rows: [[String]]
    }

    private var words: CentralReportWords { CentralReportWords(language) }

    public func render(_ format: ReportFormat) throws -> [UInt8] {
        switch format {
        case .json: Array((JSONWriter.string(report.json, pretty: true) + "\n").utf8)
        case .md: Array(markdown().utf8)
        case .html: Array(html().utf8)
        case .csv: Array(csv().utf8)
        case .docx: try CentralDocx(title: title, lines: headLines, tables: tables).render()
        }
    }

    var title: String { words.title(report.period.description) }

    var headLines: [String] {
        let range = report.period.range(report.mode)
        return [
            words.scope(region: report.region, ledgers: report.ledgers.count),
            words.range(range.lowerBound.description, range.upperBound.description), words.source,
        ]
    }

    private func rate(_ part: Int64, _ whole: Int64) -> String {
        CentralReport.rate(part, of: whole).map { HumanNumbers(language).percent($0) } ?? "—"
    }

    /// An audience's name (the code when it is none the vocabulary knows).
    private func audience(_ code: String) -> String { Audience(rawValue: code)?.label.text(in: language) ?? code }

    private func indicator(_ code: String) -> String { TargetIndicator.parse(code)?.label(in: language) ?? code }

    var tables: [Table] {
        let w = words, t = report.totals
        let n = HumanNumbers(language)
        var tables = [
            Table(
                title: w.totals, header: [w.articles, w.activities, w.contests, w.expected, w.submitted, w.rate],
                rows: [
                    [
                        n.count(t.articles), n.count(t.activities), n.count(t.contests), n.count(report.expected), n.count(report.submitted),
                        rate(Int64(report.submitted), Int64(report.expected)),
                    ]
                ]),
            Table(
                title: w.byRegion, header: [w.region, w.ledgers, w.articles, w.activities, w.contests, w.expected, w.submitted, w.rate],
                rows: report.regions.map { line in
                    [
                        line.region, n.count(line.ledgers), n.count(line.figures.articles), n.count(line.figures.activities),
                        n.count(line.figures.contests), n.count(line.expected), n.count(line.submitted),
                        rate(Int64(line.submitted), Int64(line.expected)),
                    ]
                }),
            Table(
                title: w.byLedger,
                header: [w.name, w.ledger, w.region, w.size, w.articles, w.activities, w.contests, w.expected, w.submitted, w.rate],
                rows: report.ledgers.map { line in
                    [
                        line.name, line.origin, line.region ?? "—", n.count(line.size), n.count(line.figures.articles),
                        n.count(line.figures.activities), n.count(line.figures.contests), n.count(line.expected), n.count(line.submitted),
                        rate(Int64(line.submitted), Int64(line.expected)),
                    ]
                }),
        ]
        if !t.surveys.isEmpty {
            tables.append(
                Table(
                    title: w.surveys, header: [w.audience, w.respondents, w.aware, w.rate],
                    rows: t.surveys.sorted { $0.key < $1.key }.map {
                        [$0.key, n.count($0.value.first), n.count($0.value.second), rate($0.value.second, $0.value.first)]
                    }))
        }
        if !t.indicators.isEmpty {
            tables.append(
                Table(
                    title: w.indicators, header: [w.indicator, w.numerator, w.denominator, w.rate],
                    rows: t.indicators.sorted { $0.key < $1.key }.map {
                        [$0.key, n.count($0.value.first), n.count($0.value.second), rate($0.value.first, $0.value.second)]
                    }))
        }
        let missing = report.ledgers.flatMap { line in line.missing.map { [line.origin, "\(line.origin):\($0)"] } }
        tables.append(Table(title: w.missing, header: [w.ledger, w.qualifiedAgency], rows: missing))
        return tables
    }

    func markdown() -> String {
        var out = "# \(title)\n\n" + headLines.map { "\($0)\n" }.joined(separator: "\n") + "\n"
        for table in tables {
            out += "## \(table.title)\n\n"
            guard !table.rows.isEmpty else {
                out += "\(words.none)\n\n"
                continue
            }
            func line(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
            out += line(table.header) + line(table.header.map { _ in "---" }) + table.rows.map(line).joined() + "\n"
        }
        return out
    }

    func html() -> String {
        func e(_ text: String) -> String { MarkupEscaping.escape(text) }
        var body = "<h1>\(e(title))</h1>\n" + headLines.map { "<p>\(e($0))</p>\n" }.joined()
        for table in tables {
            body += "<h2>\(e(table.title))</h2>\n"
            guard !table.rows.isEmpty else {
                body += "<p>\(e(words.none))</p>\n"
                continue
            }
            body += "<div class=\"wide\"><table>\n<thead><tr>" + table.header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            // Figures right-aligned, as in the province's reports.
            body +=
                table.rows.map { row in
                    "<tr>"
                        + row.map { cell in cell.first.map { $0.isNumber || $0 == "—" } == true ? "<td class=\"n\">\(e(cell))</td>" : "<td>\(e(cell))</td>" }
                        .joined()
                        + "</tr>\n"
                }.joined() + "</tbody></table></div>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>body{font-family:"Times New Roman",serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}
            .wide{overflow-x:auto}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #555;padding:.25rem .5rem;text-align:left}
            th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}</style></head>
            <body><main>
            \(body)</main></body></html>

            """
    }

    /// One row per ledger, machine-readable: plain numbers, rates as decimals.
    func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var out = "origin,name,region,size,articles,activities,contests,respondents,aware,expected,submitted,rate\r\n"
        for line in report.ledgers {
            let f = line.figures
            let respondents = f.surveys.values.reduce(0) { $0 + $1.first }, aware = f.surveys.values.reduce(0) { $0 + $1.second }
            let cells = [
                line.origin, line.name, line.region ?? "", String(line.size), String(f.articles), String(f.activities), String(f.contests),
                String(respondents), String(aware), String(line.expected), String(line.submitted),
                CentralReport.rate(Int64(line.submitted), of: Int64(line.expected)) ?? "",
            ]
            out += cells.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

/// The DOCX of the centre's report: the same tables on the page of Decree 30.
struct CentralDocx: WordprocessingDocument {
    let title: String
    let lines: [String]
    let tables: [CentralReportRenderer.Table]

    func render() throws -> [UInt8] {
        var body = paragraph(run(title.uppercased(), bold: true), align: "center")
        for line in lines { body += paragraph(run(line, italic: true), align: "center") }
        for table in tables {
            body += heading(table.title)
            guard !table.rows.isEmpty else {
                body += paragraph(run("—"))
                continue
            }
            let width = 9_354 / max(1, table.header.count)
            body += self.table(
                widths: Array(repeating: width, count: table.header.count),
                rows: [table.header.map { cell($0, bold: true) }] + table.rows.map { $0.map { cell($0) } }, size: 20)
        }
        return try package(documentXML(body))
    }
}
