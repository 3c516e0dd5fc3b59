import Foundation
import LedgerDomain

/// An administrative report in the layout of Decree 30/2020/NĐ-CP: issuing body and
/// national motto header, number line, place and date, title, numbered sections with
/// tables, "Nơi nhận" and signature; Times New Roman 13 pt on A4.
///
/// Written as WordprocessingML into a ZIP whose entries carry a fixed date, so the same
/// report always gives the same bytes.
struct DocxReport {
    let report: ConsolidatedReport
    let labels: ReportLabels

    func render() throws -> [UInt8] {
        try OfficePackage.zip(
            [
                ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
                ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
                ("word/document.xml", document()),
            ], format: "docx")
    }

    // MARK: The document

    func document() -> String {
        let l = labels
        let w = ReportWords(report, language: l.language)
        let vi = l.language == .vi
        let province = report.agencies.first { $0.code == "UBND" }.map { Self.province(from: $0.name) } ?? "…"
        // Header lines use the customary abbreviation: "UBND TỈNH SÓC TRĂNG".
        let superior = (report.agencies.first { $0.code == "UBND" }?.name ?? "Ủy ban nhân dân tỉnh").uppercased()
            .replacingOccurrences(of: "ỦY BAN NHÂN DÂN", with: "UBND")
        let issuer = (report.agencies.first { $0.code == "SNV" }?.name ?? "Sở Nội vụ").uppercased()
        var body = ""
        // Header: issuing body (left) and national motto (right), per Decree 30/2020.
        body += table(
            widths: [3900, 5200], borders: false,
            rows: [
                [
                    paragraph(run(superior, size: 24), align: "center") + paragraph(run(issuer, bold: true, size: 24), align: "center")
                        + paragraph(run("———"), align: "center") + paragraph(run("Số: …/BC-SNV"), align: "center"),
                    paragraph(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24), align: "center")
                        + paragraph(run("Độc lập - Tự do - Hạnh phúc", bold: true, size: 26), align: "center")
                        + paragraph(run("———————————"), align: "center")
                        + paragraph(run(Self.placeAndDate(province: province, date: report.to, vietnamese: vi), italic: true), align: "center"),
                ]
            ])
        body += paragraph("")
        body += paragraph(run(vi ? "BÁO CÁO" : "REPORT", bold: true, size: 28), align: "center")
        body += paragraph(
            run(
                vi
                    ? "Kết quả công tác tuyên truyền cải cách hành chính \(l.periodInWords(report.period))"
                    : "Results of administrative-reform communication, \(l.periodInWords(report.period))", bold: true), align: "center")
        body += paragraph(
            run(
                "\(l.period): \(report.period) (\(l.date(report.from)) – \(l.date(report.to)), \(l.mode(report.mode))); \(l.edition): \(report.edition.map(String.init) ?? l.adHoc)",
                italic: true, size: 22), align: "center")
        body += paragraph(run("\(l.throughSeq): \(report.throughSeq); \(l.headHash): \(report.headHash)", size: 18), align: "center")

        body += heading("I. \(l.totals.uppercased())")
        let t = report.totals
        body += table(
            widths: [1820, 1820, 1820, 1820, 1820],
            rows: [
                [l.events, l.articles, l.activities, l.contests, l.surveys].map { cell($0, bold: true) },
                [t.events, t.articles, t.activities, t.contests, t.surveys].map { cell(String($0), align: "center") },
            ])

        body += heading("II. \(l.agencies.uppercased())")
        var agencyRows = [[l.code, l.name, l.articles, l.activities, l.contests, l.surveys, l.reportSubmitted].map { cell($0, bold: true) }]
        for agency in report.agencies {
            agencyRows.append([
                cell(agency.code), cell(agency.name), cell(String(agency.articles), align: "right"),
                cell(String(agency.activities), align: "right"), cell(String(agency.contests), align: "right"),
                cell(String(agency.surveys), align: "right"), cell(agency.reportSubmitted ? l.yes : l.no, align: "center"),
            ])
        }
        body += table(widths: [1300, 3300, 900, 1000, 800, 900, 900], rows: agencyRows, size: 22)

        body += heading("III. \(l.tasks.uppercased())")
        var taskRows = [[l.task, l.window, l.statusByLead, l.linkedEvents].map { cell($0, bold: true) }]
        for task in report.tasks {
            taskRows.append([
                cell("\(task.task): \(task.title)"), cell(l.window(task.window)),
                cell(w.statuses(task.statusByLead)),
                cell(String(task.linkedEvents), align: "right"),
            ])
        }
        body += table(widths: [3600, 1400, 3200, 900], rows: taskRows, size: 22)

        body += heading("IV. \(l.indicators.uppercased())")
        var indicatorRows = [[l.indicator, l.numerator, l.denominator, l.value, l.target, l.met].map { cell($0, bold: true) }]
        for indicator in report.indicators {
            indicatorRows.append([
                cell(w.indicator(indicator.indicator)), cell(String(indicator.numerator), align: "right"),
                cell(indicator.denominator.map(String.init) ?? "–", align: "right"), cell(indicator.value ?? "–", align: "right"),
                cell(indicator.target ?? "–", align: "right"), cell(indicator.met ? l.yes : l.no, align: "center"),
            ])
        }
        body += table(widths: [3000, 1100, 1100, 1200, 1200, 1500], rows: indicatorRows, size: 22)

        body += heading("V. \(l.contestFeedback.uppercased())")
        let f = report.contestFeedback
        body += paragraph(
            run("\(l.responses): \(f.responses); \(l.continueContest): \(f.continueContest); \(l.otherForm): \(f.otherForm)."), align: "both", indent: true)
        body += paragraph(
            run("\(l.withoutResponse): \(f.agenciesWithoutResponse.isEmpty ? l.none : w.agencies(f.agenciesWithoutResponse))."), align: "both",
            indent: true)

        body += heading("VI. \(l.silent.uppercased())")
        body += paragraph(run(report.silentAgencies.isEmpty ? l.none : w.agencies(report.silentAgencies)), align: "both", indent: true)
        body += paragraph("")

        // Recipients (left) and signature (right).
        let recipients =
            vi
            ? ["- Ủy ban nhân dân tỉnh (b/c);", "- Các sở, ban ngành tỉnh;", "- UBND các huyện, thị xã, thành phố;", "- Lưu: VT, CCHC."]
            : ["- Provincial People's Committee (for report);", "- Provincial departments;", "- District people's committees;", "- Archive."]
        body += table(
            widths: [4500, 4600], borders: false,
            rows: [
                [
                    paragraph(run(vi ? "Nơi nhận:" : "Recipients:", bold: true, italic: true, size: 24))
                        + recipients.map { paragraph(run($0, size: 22)) }.joined(),
                    paragraph(run(vi ? "GIÁM ĐỐC" : "DIRECTOR", bold: true), align: "center"),
                ]
            ])
        if let checkpoint = report.checkpoint {
            // Every line in a fixed-width font, so that a paper copy can be typed back in.
            body += heading(l.checkpoint)
            body += paragraph(run(l.checkpointNote, italic: true, size: 20), align: "both")
            for line in checkpoint.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                body += paragraph(monospaced(String(line)))
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }

    /// "Sóc Trăng, ngày 14 tháng 3 năm 2024": day below 10 and months 1–2 take a leading zero (Decree 30/2020).
    static func placeAndDate(province: String, date: LocalDate, vietnamese: Bool) -> String {
        guard vietnamese else { return "\(province), \(date)" }
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "\(province), ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// "Ủy ban nhân dân tỉnh Sóc Trăng" → "Sóc Trăng".
    static func province(from name: String) -> String {
        for prefix in ["Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ", "UBND tỉnh "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    // MARK: WordprocessingML helpers

    private func run(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil) -> String {
        var properties = ""
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return "<w:r>\(properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")<w:t xml:space=\"preserve\">\(Self.escape(text))</w:t></w:r>"
    }

    private func monospaced(_ text: String) -> String {
        "<w:r><w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/><w:sz w:val=\"18\"/></w:rPr>"
            + "<w:t xml:space=\"preserve\">\(Self.escape(text))</w:t></w:r>"
    }

    private func paragraph(_ runs: String, align: String? = nil, indent: Bool = false) -> String {
        var properties = "<w:spacing w:before=\"0\" w:after=\"60\"/>"
        if indent { properties += "<w:ind w:firstLine=\"567\"/>" }
        if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
        return "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
    }

    private func heading(_ text: String) -> String {
        "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr>\(run(text, bold: true))</w:p>"
    }

    private func cell(_ text: String, bold: Bool = false, align: String? = nil) -> String {
        paragraph(run(text, bold: bold), align: align)
    }

    /// A table; cells are paragraphs already. `size` (half-points) applies to the whole table.
    private func table(widths: [Int], borders: Bool = true, rows: [[String]], size: Int? = nil) -> String {
        let border = borders ? "single" : "nil"
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr>\(index == 0 && borders ? "<w:trPr><w:tblHeader/></w:trPr>" : "")"
            for (column, content) in row.enumerated() {
                var body = content
                if let size {
                    body = body.replacingOccurrences(of: "<w:r><w:t", with: "<w:r><w:rPr><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr><w:t")
                        .replacingOccurrences(
                            of: "<w:r><w:rPr><w:b/></w:rPr>", with: "<w:r><w:rPr><w:b/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>")
                }
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/></w:tcPr>\(body)</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text, apostrophe: false, replacingControls: true) }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """

    /// Times New Roman 13 pt (26 half-points) for the whole document.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
        """
}
