import Foundation
import LedgerDomain
import LedgerFiles
import LedgerWorkbook

/// `.xlsx`: every visible sheet whose header names an event type's columns, row by row,
/// with the same conversion as CSV (`CSVRowConverter`), so both are checked alike.
///
/// A sheet's events have the type of its `type` column, or of the sheet's own name (the
/// code or the Vietnamese label, "Hoạt động tuyên truyền"). Date fields read Excel's
/// serial numbers as dates (a fraction of a day is a local time in the configured `timezone`) as
/// well as text. Problems carry the sheet and the cell.
struct XLSXFileReader: RecordReader {
    var limits = WorkbookLimits()
    /// The configured `timezone`: a serial date-time is a wall-clock time there.
    var zone: LocalZone = .hoChiMinh

    /// Fields whose cells may hold serial dates.
    static let dateFields: Set<String> = {
        var names: Set<String> = ["occurred_at", "window_from", "window_to"]
        for type in EventType.allCases {
            for spec in EventSchema.allFields(for: type) {
                if case .date = spec.kind { names.insert(spec.name) }
            }
        }
        return names
    }()

    func read(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws {
        do {
            try readWorkbook(file, emit: emit)
        } catch let failure as WorkbookReadFailure {
            try emit(.problem(failure.problem))
        }
    }

    private func readWorkbook(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws {
        var archive = try WorkbookArchive(file, limits: limits)
        let index = try WorkbookIndex(&archive)
        var matched = false
        for sheet in index.sheets where !sheet.hidden {
            let grid = SheetGrid(sheet: sheet.name, part: sheet.part, sharedStrings: index.sharedStrings, limits: limits)
            // The reader lives only for this sheet's loop.
            try withoutActuallyEscaping(emit) { emit in
                var reader = SheetReader(sheet: sheet, date1904: index.date1904, zone: zone, emit: emit)
                guard try grid.read(from: &archive, { try reader.take($0) }) else { return }
                try reader.finish()
                matched = matched || reader.matched
            }
        }
        if !matched { try emit(.problem(.malformed(ProblemDetail.noEventSheet(index.sheets.map(\.name))))) }
    }

    /// One sheet's rows as they arrive: rows 1 and 2 are held until the header is known
    /// (row 2 may be the template's hidden row of codes), then every row is converted and
    /// emitted at once.
    private struct SheetReader {
        let sheet: WorkbookIndex.Sheet
        let date1904: Bool
        let zone: LocalZone
        let emit: (FileRecord) throws -> Void
        private var heading: [SheetGrid.Row] = []
        private var reading: Reading?
        /// Whether the sheet's header names an event type's columns.
        private(set) var matched = false
        /// True once the header was judged (kept or skipped).
        private var decided = false

        init(sheet: WorkbookIndex.Sheet, date1904: Bool, zone: LocalZone, emit: @escaping (FileRecord) throws -> Void) {
            self.sheet = sheet
            self.date1904 = date1904
            self.zone = zone
            self.emit = emit
        }

        /// What a sheet with a header reads its rows with.
        struct Reading {
            let header: TableHeader
            let converter: CSVRowConverter
            let place: SheetColumns
            let sheetType: EventType?
            let addsType: Bool
        }

        mutating func take(_ row: SheetGrid.Row) throws {
            if !decided {
                if row.number <= 2 {
                    heading.append(row)
                    return
                }
                try decide()
            }
            try convert(row)
        }

        mutating func finish() throws {
            if !decided { try decide() }
        }

        private static func texts(_ row: SheetGrid.Row?) -> [String]? {
            guard let row else { return nil }
            var cells = [String](repeating: "", count: (row.cells.map(\.column).max() ?? -1) + 1)
            for cell in row.cells { cells[cell.column] = cell.text }
            return cells
        }

        private mutating func decide() throws {
            decided = true
            guard let headerCells = Self.texts(heading.first { $0.number == 1 }) else { return }
            let header = TableHeader(first: headerCells, second: Self.texts(heading.first { $0.number == 2 }))
            var codes = header.codes
            let sheetType = EventType.named(TextNormalizer.normalize(sheet.name))
            guard codes.contains("id"), codes.contains("occurred_at"), codes.contains("type") || sheetType != nil else { return }
            matched = true
            // A sheet named after its type: the type is one more column of every row.
            let addsType = !codes.contains("type")
            if addsType { codes.append("type") }
            let converter = CSVRowConverter(header: codes)
            var columns: [String: String] = [:]
            for (column, code) in header.codes.enumerated() where !code.isEmpty && columns[code] == nil {
                columns[code] = SheetColumns.letters(of: column)
            }
            // The plan workbook's window is two month columns: its problems point at the first.
            if columns["window"] == nil { columns["window"] = columns["window_from"] ?? columns["window_to"] }
            let place = SheetColumns(name: sheet.name, columns: columns)
            for problem in converter.headerProblems() { try emit(.problem(problem.at(row: header.firstDataRow - 1, of: place))) }
            guard converter.headerProblems().isEmpty else { return }
            reading = Reading(header: header, converter: converter, place: place, sheetType: sheetType, addsType: addsType)
            for row in heading { try convert(row) }
            heading = []
        }

        private func convert(_ row: SheetGrid.Row) throws {
            guard let reading, row.number >= reading.header.firstDataRow else { return }
            let header = reading.header
            var cells = [String](repeating: "", count: max(header.codes.count, (row.cells.map(\.column).max() ?? -1) + 1))
            for cell in row.cells {
                let code = cell.column < header.codes.count ? header.codes[cell.column] : ""
                if cell.isNumber, XLSXFileReader.dateFields.contains(code),
                    let date = ExcelDate.text(serial: cell.text, date1904: date1904, withTime: code == "occurred_at", zone: zone)
                {
                    cells[cell.column] = date
                } else if cell.isISODate, XLSXFileReader.dateFields.contains(code) {
                    cells[cell.column] = ExcelDate.text(iso: cell.text, withTime: code == "occurred_at", zone: zone)
                } else {
                    cells[cell.column] = cell.text
                }
            }
            if header.isEmpty(cells) { return }
            if reading.addsType, let type = reading.sheetType {
                if cells.count > header.codes.count {
                    cells.insert(type.rawValue, at: header.codes.count)
                } else {
                    cells.append(type.rawValue)
                }
            }
            switch reading.converter.convert(CSVParser.Record(line: row.number, fields: cells)) {
            case .success(let value): try emit(.value(value, line: row.number, sheet: reading.place))
            case .failure(let failure): for problem in failure.problems { try emit(.problem(problem.at(row: row.number, of: reading.place))) }
            }
        }
    }
}
