import Foundation
import LedgerFiles
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerWorkbook

/// SpreadsheetML written by `Spreadsheet` and read back by `WorkbookArchive`,
/// `WorkbookIndex` and `SheetGrid`, as a table: each case's cells come back with their
/// row, column, text and kind; hidden sheets stay hidden; a sheet past `maxRows` or a
/// column past `maxColumns` is refused with the cell named.
struct WorkbookRoundTripTests {
    static func write(_ sheets: [Spreadsheet.Sheet], in folder: TemporaryDirectory) throws -> String {
        let path = folder.file("book.xlsx")
        try Data(try Spreadsheet(sheets: sheets).package()).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every row of every sheet as "sheet!row:col=text(n)" — `n` marks a number cell.
    static func read(_ path: String, limits: WorkbookLimits = WorkbookLimits()) throws -> [String] {
        var archive = try WorkbookArchive(try SafeFile(path: path), limits: limits)
        let index = try WorkbookIndex(&archive)
        var lines: [String] = []
        for sheet in index.sheets {
            let grid = SheetGrid(sheet: sheet.name, part: sheet.part, sharedStrings: index.sharedStrings, limits: limits)
            _ = try grid.read(from: &archive) { row in
                for cell in row.cells {
                    lines.append("\(sheet.name)\(sheet.hidden ? "(hidden)" : "")!\(row.number):\(cell.column)=\(cell.text)\(cell.isNumber ? "(n)" : "")")
                }
            }
        }
        return lines
    }

    @Test(arguments: [
        (
            [Spreadsheet.Row(number: 1, cells: [.init(column: 0, value: .text("Tiêu đề")), .init(column: 2, value: .number(42))])], false,
            ["Tin!1:0=Tiêu đề", "Tin!1:2=42(n)"]
        ),
        ([Spreadsheet.Row(number: 3, cells: [.init(column: 511, value: .text("cột cuối"))])], false, ["Tin!3:511=cột cuối"]),
        ([Spreadsheet.Row(number: 2, cells: [.init(column: 1, value: .text("001"), style: .text)])], true, ["Tin(hidden)!2:1=001"]),
        ([Spreadsheet.Row(number: 5, cells: [.init(column: 0, value: .text("<&> \"trích\""))])], false, ["Tin!5:0=<&> \"trích\""]),
    ])
    func cellsComeBackAsWritten(rows: [Spreadsheet.Row], hidden: Bool, expected: [String]) throws {
        let folder = TemporaryDirectory("workbook")
        let path = try Self.write([Spreadsheet.Sheet(name: "Tin", hidden: hidden, rows: rows)], in: folder)
        #expect(try Self.read(path) == expected)
    }

    @Test func aSheetPastItsBoundsIsRefusedWithTheCell() throws {
        let folder = TemporaryDirectory("workbook-bounds")
        var limits = WorkbookLimits()
        limits.maxRows = 3
        limits.maxColumns = 4
        let rows = (1...4).map { Spreadsheet.Row(number: $0, cells: [.init(column: 0, value: .number($0))]) }
        let tooLong = try Self.write([Spreadsheet.Sheet(name: "Dài", rows: rows)], in: folder)
        #expect(throws: (any Error).self) { try Self.read(tooLong, limits: limits) }
        var atTheBound = limits
        atTheBound.maxRows = 4
        #expect(try Self.read(tooLong, limits: atTheBound).count == 4)
        try FileManager.default.removeItem(atPath: tooLong)
        let wide = try Self.write([Spreadsheet.Sheet(name: "Rộng", rows: [.init(number: 1, cells: [.init(column: 4, value: .text("x"))])])], in: folder)
        do {
            _ = try Self.read(wide, limits: limits)
            Issue.record("a cell past maxColumns was read")
        } catch {
            #expect("\(error)".contains("E1"), "\(error)")
        }
    }
}
