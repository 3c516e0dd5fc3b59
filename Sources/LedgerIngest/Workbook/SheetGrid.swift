import LedgerDomain

/// The filled cells of one worksheet, row by row.
struct SheetGrid {
    struct Cell {
        /// The column, 0 for A.
        let column: Int
        let text: String
        /// A number cell (`t="n"` or none): a date field reads it as an Excel serial date.
        let isNumber: Bool
    }

    struct Row {
        /// The 1-based row number of the sheet.
        let number: Int
        let cells: [Cell]
    }

    let rows: [Row]

    /// - Throws: a problem of the whole file for bad XML, a row beyond `maxRows`, or a
    ///   shared-string index out of range (with its sheet and cell).
    init(_ bytes: [UInt8], sheet: String, part: String, sharedStrings: [String], limits: WorkbookLimits) throws(WorkbookReadFailure) {
        var scanner = XMLScanner(bytes)
        var rows: [Row] = []
        var cells: [Cell] = []
        var rowNumber = 0
        var cell: (reference: String?, column: Int, type: String)? = nil
        var value = "", inline = ""
        var inValue = false, inInlineText = false
        while let event = try WorkbookReadFailure.next(&scanner, part: part) {
            switch event {
            case .start("row", let attributes, let selfClosing):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                if rowNumber > limits.maxRows || rowNumber < 1 {
                    throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.tooManyRows(sheet: sheet, limit: limits.maxRows)))
                }
                cells = []
                if selfClosing { continue }
            case .end("row"):
                if !cells.isEmpty { rows.append(Row(number: rowNumber, cells: cells)) }
            case .start("c", let attributes, let selfClosing):
                let reference = attributes["r"]
                let column = reference.flatMap(Self.column(of:)) ?? (cells.last.map { $0.column + 1 } ?? 0)
                if column >= limits.maxColumns {
                    throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.tooManyRows(sheet: sheet, limit: limits.maxRows)))
                }
                cell = selfClosing ? nil : (reference, column, attributes["t"] ?? "n")
                value = ""
                inline = ""
            case .start("v", _, let selfClosing): inValue = !selfClosing
            case .end("v"): inValue = false
            case .start("t", _, let selfClosing): inInlineText = !selfClosing && cell != nil
            case .end("t"): inInlineText = false
            case .text(let text):
                if inValue { value += text } else if inInlineText { inline += text }
            case .end("c"):
                guard let current = cell else { continue }
                cell = nil
                let text: String
                switch current.type {
                case "s":
                    guard let index = Int(value.trimmingSpaces), index >= 0, index < sharedStrings.count else {
                        var problem = Problem.malformed(ProblemDetail.sharedString(Int(value.trimmingSpaces) ?? -1, count: sharedStrings.count))
                        problem.line = rowNumber
                        problem.sheet = sheet
                        problem.cell = current.reference ?? "\(SheetColumns.letters(of: current.column))\(rowNumber)"
                        throw WorkbookReadFailure(problem: problem)
                    }
                    text = sharedStrings[index]
                case "inlineStr": text = inline
                case "b": text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
                default: text = value
                }
                if !text.isEmpty { cells.append(Cell(column: current.column, text: text, isNumber: current.type == "n")) }
            default: break
            }
        }
        self.rows = rows
    }

    /// `C7` → 2; nil for a reference that is not letters then digits.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            if (0x41...0x5A).contains(byte) {
                column = column * 26 + Int(byte - 0x40)
                letters += 1
                if letters > 3 { return nil }
            } else {
                break
            }
        }
        return letters == 0 ? nil : column - 1
    }
}

extension String {
    fileprivate var trimmingSpaces: String { TextNormalizer.normalize(self) }
}

/// Excel's serial dates: days since 1899-12-30 in the 1900 system (whose fictitious
/// 29 February 1900 is serial 60), or since 1904-01-01.
enum ExcelDate {
    /// The date (and, with a fraction of a day, the local time) of a serial, as text the
    /// date rules read: `2024-03-15` or `2024-03-15T14:30:00+07:00`; nil if not a serial.
    static func text(serial text: String, date1904: Bool, withTime: Bool) -> String? {
        guard let serial = Double(text), serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if date1904 {
            days += 1462
        } else if days < 61 {
            days += 1
        }
        let date = LocalDate(daysSinceEpoch: days - 25_569)
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded())
        guard withTime, seconds > 0, seconds < 86_400 else { return date.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))+07:00"
    }
}
