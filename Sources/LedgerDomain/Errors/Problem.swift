/// One problem found in an event file: the unit of `errors.json` (CONTRACT §6.2).
public struct Problem: Sendable, Equatable, Error {
    /// 1-based physical line (NDJSON, CSV) or array position (JSON); nil for the whole file.
    public var line: Int?
    /// Dotted path from the event (`data.awards[1].rank`); nil when no field is at fault.
    public var field: String?
    public var code: ErrorCode
    public var text: LocalizedText
    /// For a workbook: the sheet's name and the cell (`C7`) at fault; nil for other files.
    public var sheet: String? = nil
    public var cell: String? = nil

    public init(line: Int? = nil, field: String?, code: ErrorCode, text: LocalizedText) {
        self.line = line
        self.field = field
        self.code = code
        self.text = text
    }

    public func message(in language: Language) -> String { text.text(in: language) }

    /// The same problem placed on a line of the file.
    public func at(line: Int?) -> Problem {
        var copy = self
        copy.line = line
        return copy
    }

    /// The same problem placed on a row of a sheet, in the cell of its field when the
    /// field has a column there (`data.awards[1].rank` is in the `awards` column).
    public func at(row: Int, of sheet: SheetColumns) -> Problem {
        var copy = self
        copy.line = row
        copy.sheet = sheet.name
        copy.cell = field.flatMap(sheet.column(of:)).map { "\($0)\(row)" }
        return copy
    }
}

/// A sheet of a workbook and the column letter of each field code it holds.
public struct SheetColumns: Sendable, Equatable {
    public let name: String
    public let columns: [String: String]

    public init(name: String, columns: [String: String]) {
        self.name = name
        self.columns = columns
    }

    /// The column of a problem's field path: `id`, `data.channel`, `data.lead[2]`.
    public func column(of field: String) -> String? {
        var key = Substring(field)
        if key.hasPrefix("data.") { key = key.dropFirst(5) }
        if let end = key.firstIndex(where: { $0 == "." || $0 == "[" }) { key = key[..<end] }
        return columns[String(key)]
    }

    /// A zero-based column as a spreadsheet names it: 0 → `A`, 25 → `Z`, 26 → `AA`. The
    /// one spelling of column letters, for the reader's cells and the template's ranges.
    public static func letters(of column: Int) -> String {
        var number = column + 1
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }
}
