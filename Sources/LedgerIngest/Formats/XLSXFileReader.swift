import LedgerDomain
import LedgerFiles

/// `.xlsx`: every visible sheet whose header names an event type's columns, row by row,
/// with the same conversion as CSV (`CSVRowConverter`), so both are checked alike.
///
/// A sheet's events have the type of its `type` column, or of the sheet's own name (the
/// code or the Vietnamese label, "Hoạt động tuyên truyền"). Date fields read Excel's
/// serial numbers as dates (a fraction of a day is a local time in Vietnam, +07:00) as
/// well as text. Problems carry the sheet and the cell.
struct XLSXFileReader: RecordReader {
    var limits = WorkbookLimits()

    /// Fields whose cells may hold serial dates.
    static let dateFields: Set<String> = {
        var names: Set<String> = ["occurred_at"]
        for type in EventType.allCases {
            for spec in EventSchema.allFields(for: type) {
                if case .date = spec.kind { names.insert(spec.name) }
            }
        }
        return names
    }()

    func read(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws {
        do {
            try readWorkbook(try file.readAll(), emit: emit)
        } catch let failure as WorkbookReadFailure {
            try emit(.problem(failure.problem))
        }
    }

    private func readWorkbook(_ bytes: [UInt8], emit: (FileRecord) throws -> Void) throws {
        var archive = try WorkbookArchive(bytes, limits: limits)
        let index = try WorkbookIndex(&archive)
        var matched = false
        for sheet in index.sheets where !sheet.hidden {
            guard let part = try archive.part(sheet.part) else { continue }
            let grid = try SheetGrid(part, sheet: sheet.name, part: sheet.part, sharedStrings: index.sharedStrings, limits: limits)
            func texts(_ row: SheetGrid.Row?) -> [String]? {
                guard let row else { return nil }
                var cells = [String](repeating: "", count: (row.cells.map(\.column).max() ?? -1) + 1)
                for cell in row.cells { cells[cell.column] = cell.text }
                return cells
            }
            let first = grid.rows.first { $0.number == 1 }
            guard let headerCells = texts(first) else { continue }
            let header = TableHeader(first: headerCells, second: texts(grid.rows.first { $0.number == 2 }))
            var codes = header.codes
            let sheetType = EventType.named(TextNormalizer.normalize(sheet.name))
            guard codes.contains("id"), codes.contains("occurred_at"), codes.contains("type") || sheetType != nil else { continue }
            matched = true
            // A sheet named after its type: the type is one more column of every row.
            let addsType = !codes.contains("type")
            if addsType { codes.append("type") }
            let converter = CSVRowConverter(header: codes)
            var columns: [String: String] = [:]
            for (column, code) in header.codes.enumerated() where !code.isEmpty && columns[code] == nil {
                columns[code] = SheetColumns.letters(of: column)
            }
            let place = SheetColumns(name: sheet.name, columns: columns)
            for problem in converter.headerProblems() { try emit(.problem(problem.at(row: header.firstDataRow - 1, of: place))) }
            guard converter.headerProblems().isEmpty else { continue }
            for row in grid.rows where row.number >= header.firstDataRow {
                var cells = [String](repeating: "", count: max(header.codes.count, (row.cells.map(\.column).max() ?? -1) + 1))
                for cell in row.cells {
                    let code = cell.column < header.codes.count ? header.codes[cell.column] : ""
                    if cell.isNumber, Self.dateFields.contains(code),
                        let date = ExcelDate.text(serial: cell.text, date1904: index.date1904, withTime: code == "occurred_at")
                    {
                        cells[cell.column] = date
                    } else {
                        cells[cell.column] = cell.text
                    }
                }
                if header.isEmpty(cells) { continue }
                if addsType {
                    if cells.count > header.codes.count {
                        cells.insert(sheetType!.rawValue, at: header.codes.count)
                    } else {
                        cells.append(sheetType!.rawValue)
                    }
                }
                switch converter.convert(CSVParser.Record(line: row.number, fields: cells)) {
                case .success(let value): try emit(.value(value, line: row.number, sheet: place))
                case .failure(let failure): for problem in failure.problems { try emit(.problem(problem.at(row: row.number, of: place))) }
                }
            }
        }
        if !matched { try emit(.problem(.malformed(ProblemDetail.noEventSheet(index.sheets.map(\.name))))) }
    }
}
