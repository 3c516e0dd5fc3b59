import Testing

@testable import LedgerDomain
@testable import LedgerIngest

/// How a row of SNV's plan workbook (or a CSV saved from it) becomes a `task.assigned`:
/// cells picked from the lists keep their code, groups may be written in words, and the
/// window is two month columns.
struct PlanCellsTests {
    let converter = CSVRowConverter(header: [
        "id", "type", "occurred_at", "task", "title", "plan", "lead", "coordinating", "window_from", "window_to", "carried_from",
    ])

    func data(_ cells: [String]) throws -> JSONObject {
        let row = ["NV-1", "task.assigned", "2025-01-06", "KH2025-01", "Nhiệm vụ", "KH-TTCCHC-2025"] + cells
        guard case .success(.object(let event)) = converter.convert(CSVParser.Record(line: 3, fields: row)),
            case .object(let data)? = event["data"]
        else {
            Issue.record("no event from \(cells)")
            return JSONObject()
        }
        return data
    }

    @Test func listEntriesGroupsInWordsAndTwoMonthColumnsBecomeTheContractsValues() throws {
        let task = try data([
            "SNV — Sở Nội vụ; BST", "Tất cả UBND cấp xã; tất cả  cơ quan BÁO CHÍ; All district committees", "03/2025", "2025-06-01",
            "KH2024-01 — Kết quả CCHC năm 2023",
        ])
        #expect(task["lead"] == .array([.string("SNV"), .string("BST")]))
        #expect(task["coordinating"] == .array([.string("kind:commune"), .string("kind:press"), .string("kind:district")]))
        #expect(task["window"] == .object(JSONObject([("from", .string("2025-03")), ("to", .string("2025-06"))])))
        #expect(task["carried_from"] == .string("KH2024-01"))
    }

    @Test(arguments: [
        (["Thường xuyên", ""], JSONValue.string("ongoing")), (["ongoing", "06/2025"], .string("ongoing")),
        (["5/2025", ""], .object(JSONObject([("from", .string("2025-05")), ("to", .string("2025-05"))]))),
        (["", "07/2025"], .object(JSONObject([("from", .string("2025-07")), ("to", .string("2025-07"))]))),
        // Not a month: passed on as written, for the window's own message.
        (["13/2025", "05/2025"], .object(JSONObject([("from", .string("13/2025")), ("to", .string("2025-05"))]))),
    ])
    func aWindowIsReadFromItsMonths(cells: [String], window: JSONValue) throws {
        #expect(try data(["SNV", ""] + cells + [""])["window"] == window)
    }

    @Test func monthColumnsOnATypeWithoutAWindowAreAnUnknownField() {
        let converter = CSVRowConverter(header: ["id", "type", "occurred_at", "title", "channel", "window_from"])
        let result = converter.convert(CSVParser.Record(line: 2, fields: ["a", "article.published", "2025-01-06", "T", "zalo", "03/2025"]))
        guard case .failure(let failure) = result else {
            Issue.record("an article with a month column was taken")
            return
        }
        #expect(failure.problems.map(\.code) == [.unknownField])
    }
}
