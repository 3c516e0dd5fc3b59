import LedgerDomain
import LedgerWorkbook

/// The WordprocessingML of the DOCX reports (consolidated and per agency): runs,
/// paragraphs, headings, tables and the package around `word/document.xml`, written so
/// that the same content always gives the same bytes. The page of Decree 30/2020/NĐ-CP:
/// A4, Times New Roman 13 pt, margins top 20, bottom 20, left 30, right 15 mm (the usual
/// choice inside the decree's 20–25 / 20–25 / 30–35 / 15–20), the page number centred in
/// the top margin from the second page on, tables at 12 pt.
///
/// Every namespace Word itself declares on its parts is declared here too, used or not:
/// some readers (docx2python among them) look the prefixes up on the root element.
protocol WordprocessingDocument {}

extension WordprocessingDocument {
    /// The DOCX archive of one document body.
    func package(_ document: String) throws -> [UInt8] {
        try OfficePackage.zip(
            [
                ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
                ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
                ("word/header1.xml", Self.pageNumberHeader), ("word/document.xml", document),
            ], format: "docx")
    }

    func documentXML(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(Self.namespaces)><w:body>\(body)<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>
        """
    }

    /// The namespaces Word declares on the root of `document.xml`, `styles.xml` and a header.
    static var namespaces: String {
        [
            ("wpc", "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"),
            ("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"),
            ("o", "urn:schemas-microsoft-com:office:office"),
            ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
            ("m", "http://schemas.openxmlformats.org/officeDocument/2006/math"),
            ("v", "urn:schemas-microsoft-com:vml"),
            ("wp14", "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"),
            ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("w10", "urn:schemas-microsoft-com:office:word"),
            ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
            ("w14", "http://schemas.microsoft.com/office/word/2010/wordml"),
            ("wpg", "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"),
            ("wpi", "http://schemas.microsoft.com/office/word/2010/wordprocessingInk"),
            ("wne", "http://schemas.microsoft.com/office/word/2006/wordml"),
            ("wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"),
        ].map { "xmlns:\($0.0)=\"\($0.1)\"" }.joined(separator: " ") + " mc:Ignorable=\"w14 wp14\""
    }

    /// The default header: the page number, a PAGE field, centred in the body font. With
    /// `titlePg` in the section the first page takes its own (absent, so empty) header.
    static var pageNumberHeader: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr \(namespaces)><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
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
        let n = HumanNumbers(l.language)
        for indicator in indicators {
            let ratio = indicator.denominator != nil
            rows.append([
                cell(w.indicator(indicator.indicator)), cell(n.count(indicator.numerator), align: "right"),
                cell(indicator.denominator.map(n.count) ?? "–", align: "right"), cell(n.indicator(indicator.value, isRatio: ratio), align: "right"),
                cell(n.indicator(indicator.target, isRatio: ratio), align: "right"), cell(indicator.met ? l.yes : l.no, align: "center"),
            ])
        }
        return table(widths: [3000, 1100, 1100, 1200, 1200, 1500], rows: rows, size: Self.tableSize)
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

    /// The heading's two columns across the 165 mm of text (9,354 twips): the issuing body,
    /// and the national motto, whose first line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", about
    /// 250 pt of 12-pt bold Times) must stay on one line in Word and LibreOffice alike.
    static var headerWidths: [Int] { [3500, 5854] }

    /// Tables at 12 pt (24 half-points): smaller than the body's 13, as Decree 30 allows,
    /// not so small as to strain a reader.
    static var tableSize: Int { 24 }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text, apostrophe: false, replacingControls: true) }

    static var contentTypes: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>
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
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>
        """
    }

    /// Times New Roman 13 pt (26 half-points) for the whole document.
    static var styles: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles \(namespaces)><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
        """
    }

}
