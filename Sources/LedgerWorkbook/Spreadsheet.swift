import Foundation
import LedgerDomain

/// A workbook as typed values — sheets, columns, rows, cells, list validations — and its
/// SpreadsheetML package (ECMA-376 Part 1, the parts Excel and LibreOffice need and no
/// more). Written only by `ClerkTemplate`; a small writer of our own because no Swift
/// package writes XLSX on Linux, and this subset is a few elements.
public struct Spreadsheet: Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    public struct Sheet: Sendable {
        public var name: String
        public var hidden = false
        public var columns: [Column] = []
        public var rows: [Row] = []
        public var validations: [ListValidation] = []
        /// Ranges shown as one cell (`A4:C4`).
        public var merged: [String] = []
        /// Rows kept in view when scrolling (the headers).
        public var frozenRows = 0
        /// Printed landscape, all columns on one page's width (a form sheet).
        public var printsWide = false

        public init(
            name: String, hidden: Bool = false, columns: [Column] = [], rows: [Row] = [], validations: [ListValidation] = [],
            merged: [String] = [], frozenRows: Int = 0, printsWide: Bool = false
        ) {
            self.name = name
            self.hidden = hidden
            self.columns = columns
            self.rows = rows
            self.validations = validations
            self.merged = merged
            self.frozenRows = frozenRows
            self.printsWide = printsWide
        }
    }

    public struct Column: Sendable {
        public var width: Double
        public var hidden = false
        /// The style of the empty cells a clerk types into.
        public var style: Style = .plain

        public init(width: Double, hidden: Bool = false, style: Style = .plain) {
            self.width = width
            self.hidden = hidden
            self.style = style
        }
    }

    public struct Row: Sendable {
        public var number: Int
        public var cells: [Cell]
        public var hidden = false
        /// Points; nil lets the application choose.
        public var height: Double?

        public init(number: Int, cells: [Cell], hidden: Bool = false, height: Double? = nil) {
            self.number = number
            self.cells = cells
            self.hidden = hidden
            self.height = height
        }
    }

    public struct Cell: Sendable {
        /// Zero-based column.
        public var column: Int
        public var value: Value
        public var style: Style = .plain

        public init(column: Int, value: Value, style: Style = .plain) {
            self.column = column
            self.value = value
            self.style = style
        }
    }

    public enum Value: Sendable {
        case text(String)
        case number(Int)
    }

    /// The cell formats of `styles.xml`, by their index in `cellXfs`.
    public enum Style: Int, Sendable {
        case plain = 0
        case header = 1
        /// `DD/MM/YYYY`, as the plan's documents write dates.
        case date = 2
        case wrapped = 3
        case title = 4
        /// Text, so that an id such as `001` stays text.
        case text = 5
    }

    /// A drop-down list on a range, its values taken from a range of another sheet.
    public struct ListValidation: Sendable {
        public var range: String
        public var source: String
        /// A closed vocabulary stops a value outside the list; a list of tasks only warns.
        public var strict: Bool
        public var errorTitle: String
        public var error: String

        public init(range: String, source: String, strict: Bool, errorTitle: String, error: String) {
            self.range = range
            self.source = source
            self.strict = strict
            self.errorTitle = errorTitle
            self.error = error
        }
    }

    /// `'Danh mục'!$A$2:$A$15`: an absolute range of a sheet, quoted as formulas need.
    public static func absoluteRange(sheet: String, column: Int, rows: ClosedRange<Int>) -> String {
        let letters = SheetColumns.letters(of: column)
        return "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!$\(letters)$\(rows.lowerBound):$\(letters)$\(rows.upperBound)"
    }

    // MARK: The package

    public func package() throws -> [UInt8] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes.document), ("_rels/.rels", Self.packageRelationships.document),
            ("xl/workbook.xml", workbook.document), ("xl/_rels/workbook.xml.rels", workbookRelationships.document),
            ("xl/styles.xml", Self.styles.document),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0).document))
        }
        return try OfficePackage.zip(parts, format: "xlsx")
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private var contentTypes: XMLTree {
        var children = [
            XMLTree("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]),
            XMLTree("Default", [("Extension", "xml"), ("ContentType", "application/xml")]),
            XMLTree(
                "Override",
                [("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]),
            XMLTree(
                "Override", [("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")]),
        ]
        for index in sheets.indices {
            children.append(
                XMLTree(
                    "Override",
                    [
                        ("PartName", "/xl/worksheets/sheet\(index + 1).xml"),
                        ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                    ]))
        }
        return XMLTree("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], children)
    }

    private static let packageRelationships = XMLTree(
        "Relationships", [("xmlns", packageNamespace)],
        [XMLTree("Relationship", [("Id", "rId1"), ("Type", relationshipsNamespace + "/officeDocument"), ("Target", "xl/workbook.xml")])])

    private var workbookRelationships: XMLTree {
        var children = sheets.indices.map { index in
            XMLTree(
                "Relationship",
                [("Id", "rId\(index + 1)"), ("Type", Self.relationshipsNamespace + "/worksheet"), ("Target", "worksheets/sheet\(index + 1).xml")])
        }
        children.append(
            XMLTree("Relationship", [("Id", "rId\(sheets.count + 1)"), ("Type", Self.relationshipsNamespace + "/styles"), ("Target", "styles.xml")]))
        return XMLTree("Relationships", [("xmlns", Self.packageNamespace)], children)
    }

    private var workbook: XMLTree {
        let entries = sheets.enumerated().map { index, sheet in
            var attributes = [("name", sheet.name), ("sheetId", "\(index + 1)")]
            if sheet.hidden { attributes.append(("state", "hidden")) }
            attributes.append(("r:id", "rId\(index + 1)"))
            return XMLTree("sheet", attributes)
        }
        return XMLTree(
            "workbook", [("xmlns", Self.main), ("xmlns:r", Self.relationshipsNamespace)],
            [XMLTree("bookViews", [], [XMLTree("workbookView", [("activeTab", "0")])]), XMLTree("sheets", [], entries)])
    }

    private func worksheet(_ sheet: Sheet, selected: Bool) -> XMLTree {
        var view = XMLTree("sheetView", selected ? [("tabSelected", "1"), ("workbookViewId", "0")] : [("workbookViewId", "0")])
        if sheet.frozenRows > 0 {
            view.children = [
                .element(
                    XMLTree(
                        "pane",
                        [("ySplit", "\(sheet.frozenRows)"), ("topLeftCell", "A\(sheet.frozenRows + 1)"), ("activePane", "bottomLeft"), ("state", "frozen")]
                    ))
            ]
        }
        var children: [XMLTree] = []
        if sheet.printsWide { children.append(XMLTree("sheetPr", [], [XMLTree("pageSetUpPr", [("fitToPage", "1")])])) }
        children.append(XMLTree("sheetViews", [], [view]))
        if !sheet.columns.isEmpty {
            children.append(
                XMLTree(
                    "cols", [],
                    sheet.columns.enumerated().map { index, column in
                        var attributes = [("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", "\(column.width)")]
                        if column.style != .plain { attributes.append(("style", "\(column.style.rawValue)")) }
                        if column.hidden { attributes.append(("hidden", "1")) }
                        attributes.append(("customWidth", "1"))
                        return XMLTree("col", attributes)
                    }))
        }
        children.append(XMLTree("sheetData", [], sheet.rows.map(Self.row)))
        if !sheet.merged.isEmpty {
            children.append(XMLTree("mergeCells", [("count", "\(sheet.merged.count)")], sheet.merged.map { XMLTree("mergeCell", [("ref", $0)]) }))
        }
        if !sheet.validations.isEmpty {
            children.append(
                XMLTree(
                    "dataValidations", [("count", "\(sheet.validations.count)")],
                    sheet.validations.map { validation in
                        XMLTree(
                            "dataValidation",
                            [
                                ("type", "list"), ("errorStyle", validation.strict ? "stop" : "warning"), ("allowBlank", "1"),
                                ("showInputMessage", "1"), ("showErrorMessage", "1"), ("errorTitle", validation.errorTitle),
                                ("error", validation.error), ("sqref", validation.range),
                            ], [XMLTree("formula1", text: validation.source)])
                    }))
        }
        if sheet.printsWide {
            children.append(
                XMLTree("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3")]))
            children.append(XMLTree("pageSetup", [("paperSize", "9"), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0")]))
        }
        return XMLTree("worksheet", [("xmlns", Self.main), ("xmlns:r", Self.relationshipsNamespace)], children)
    }

    private static func row(_ row: Row) -> XMLTree {
        var attributes = [("r", "\(row.number)")]
        if row.hidden { attributes.append(("hidden", "1")) }
        if let height = row.height { attributes += [("ht", "\(height)"), ("customHeight", "1")] }
        return XMLTree(
            "row", attributes,
            row.cells.map { cell in
                var attributes = [("r", SheetColumns.letters(of: cell.column) + "\(row.number)")]
                if cell.style != .plain { attributes.append(("s", "\(cell.style.rawValue)")) }
                switch cell.value {
                case .text(let text):
                    attributes.append(("t", "inlineStr"))
                    return XMLTree("c", attributes, [XMLTree("is", [], [XMLTree("t", [("xml:space", "preserve")], text: text)])])
                case .number(let number):
                    return XMLTree("c", attributes, [XMLTree("v", text: "\(number)")])
                }
            })
    }

    /// Fonts: regular, bold, bold 14 pt. Fills: the two SpreadsheetML requires, then the
    /// headers' pale blue. Formats: 164 is `dd/mm/yyyy`; 49 is text.
    private static let styles: XMLTree = {
        func font(bold: Bool, size: Int) -> XMLTree {
            XMLTree("font", [], (bold ? [XMLTree("b")] : []) + [XMLTree("sz", [("val", "\(size)")]), XMLTree("name", [("val", "Times New Roman")])])
        }
        func xf(numFmt: Int = 0, font: Int = 0, fill: Int = 0, wrap: Bool = false) -> XMLTree {
            var attributes = [("numFmtId", "\(numFmt)"), ("fontId", "\(font)"), ("fillId", "\(fill)"), ("borderId", "0"), ("xfId", "0")]
            if numFmt != 0 { attributes.append(("applyNumberFormat", "1")) }
            if font != 0 { attributes.append(("applyFont", "1")) }
            if fill != 0 { attributes.append(("applyFill", "1")) }
            guard wrap else { return XMLTree("xf", attributes) }
            attributes.append(("applyAlignment", "1"))
            return XMLTree("xf", attributes, [XMLTree("alignment", [("wrapText", "1"), ("vertical", "top")])])
        }
        return XMLTree(
            "styleSheet", [("xmlns", main)],
            [
                XMLTree("numFmts", [("count", "1")], [XMLTree("numFmt", [("numFmtId", "164"), ("formatCode", "dd/mm/yyyy")])]),
                XMLTree("fonts", [("count", "3")], [font(bold: false, size: 12), font(bold: true, size: 12), font(bold: true, size: 14)]),
                XMLTree(
                    "fills", [("count", "3")],
                    [
                        XMLTree("fill", [], [XMLTree("patternFill", [("patternType", "none")])]),
                        XMLTree("fill", [], [XMLTree("patternFill", [("patternType", "gray125")])]),
                        XMLTree(
                            "fill", [],
                            [
                                XMLTree(
                                    "patternFill", [("patternType", "solid")],
                                    [XMLTree("fgColor", [("rgb", "FFDDEBF7")]), XMLTree("bgColor", [("indexed", "64")])])
                            ]),
                    ]),
                XMLTree(
                    "borders", [("count", "1")],
                    [XMLTree("border", [], [XMLTree("left"), XMLTree("right"), XMLTree("top"), XMLTree("bottom"), XMLTree("diagonal")])]),
                XMLTree("cellStyleXfs", [("count", "1")], [XMLTree("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])]),
                XMLTree(
                    "cellXfs", [("count", "6")],
                    [xf(), xf(font: 1, fill: 2, wrap: true), xf(numFmt: 164), xf(wrap: true), xf(font: 2), xf(numFmt: 49)]),
                XMLTree("cellStyles", [("count", "1")], [XMLTree("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])]),
            ])
    }()
}
