import LedgerDomain

/// The WordprocessingML of the DOCX reports (consolidated and per agency): runs,
/// paragraphs, headings, tables and the package around `word/document.xml`, written so
/// that the same content always gives the same bytes (Decree 30/2020 page: A4, Times New
/// Roman 13 pt, margins 20/15/30/20 mm).
protocol WordprocessingDocument {}

extension WordprocessingDocument {
    /// The DOCX archive of one document body.
    func package(_ document: String) throws -> [UInt8] {
        try OfficePackage.zip(
            [
                ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
                ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
                ("word/document.xml", document),
            ], format: "docx")
    }

    func documentXML(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    /// The drafted findings as section `number`: the note that they are generated, then
    /// three subsections of "- " lines, justified and indented as body text.
    func findings(_ findings: Findings, number: String, labels l: ReportLabels) -> String {
        var xml = heading("\(number). \(l.findings.uppercased())")
        xml += paragraph(run(l.draftNote, italic: true, size: 22), align: "both")
        let parts = [(l.achieved, findings.achieved), (l.shortcomings, findings.shortcomings), (l.proposals, findings.proposals)]
        for (index, (title, sentences)) in parts.enumerated() {
            xml += paragraph(run("\(index + 1). \(title)", bold: true), indent: true)
            xml += sentences.map { paragraph(run("- " + $0), align: "both", indent: true) }.joined()
        }
        return xml
    }

    /// The indicators against their targets, one row each, as both documents show them.
    func indicatorTable(_ indicators: [ConsolidatedReport.IndicatorLine], words w: ReportWords, labels l: ReportLabels) -> String {
        var rows = [[l.indicator, l.numerator, l.denominator, l.value, l.target, l.met].map { cell($0, bold: true) }]
        for indicator in indicators {
            rows.append([
                cell(w.indicator(indicator.indicator)), cell(String(indicator.numerator), align: "right"),
                cell(indicator.denominator.map(String.init) ?? "–", align: "right"), cell(indicator.value ?? "–", align: "right"),
                cell(indicator.target ?? "–", align: "right"), cell(indicator.met ? l.yes : l.no, align: "center"),
            ])
        }
        return table(widths: [3000, 1100, 1100, 1200, 1200, 1500], rows: rows, size: 22)
    }

    func run(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil) -> String {
        var properties = ""
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return "<w:r>\(properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")<w:t xml:space=\"preserve\">\(Self.escape(text))</w:t></w:r>"
    }

    func monospaced(_ text: String) -> String {
        "<w:r><w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/><w:sz w:val=\"18\"/></w:rPr>"
            + "<w:t xml:space=\"preserve\">\(Self.escape(text))</w:t></w:r>"
    }

    func paragraph(_ runs: String, align: String? = nil, indent: Bool = false) -> String {
        var properties = "<w:spacing w:before=\"0\" w:after=\"60\"/>"
        if indent { properties += "<w:ind w:firstLine=\"567\"/>" }
        if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
        return "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
    }

    func heading(_ text: String) -> String {
        "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr>\(run(text, bold: true))</w:p>"
    }

    func cell(_ text: String, bold: Bool = false, align: String? = nil) -> String {
        paragraph(run(text, bold: bold), align: align)
    }

    /// A table; cells are paragraphs already. `size` (half-points) applies to the whole table.
    func table(widths: [Int], borders: Bool = true, rows: [[String]], size: Int? = nil) -> String {
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

    static var contentTypes: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
        """
    }

    static var packageRelationships: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """
    }

    static var documentRelationships: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """
    }

    /// Times New Roman 13 pt (26 half-points) for the whole document.
    static var styles: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
        """
    }

}
