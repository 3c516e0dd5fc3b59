import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// `reformledger plan list` and `plan show` on a log with the 2024 plan's tasks and a 2025
/// plan adopted by SNV's file: counts, a carried task, targets, and a plan that is not there.
struct PlanCommandTests {
    @Test func plansAreListedAndShownWithTheirTasksAndTargets() throws {
        let fixture = try CLIFixture()
        let file = fixture.folder.write(
            "ke-hoach-2025.ndjson",
            [
                #"{"id":"plan-2025","type":"plan.adopted","occurred_at":"2025-01-02","data":{"plan":"KH-TTCCHC-2025","title":"Kế hoạch tuyên truyền CCHC năm 2025","year":2025,"document":"12/KH-UBND","signed":"2025-01-02"}}"#,
                #"{"id":"t25-1","type":"task.assigned","occurred_at":"2025-01-02","data":{"task":"KH2025-01","title":"Tiếp tục tuyên truyền","plan":"KH-TTCCHC-2025","lead":["BST"],"window":{"from":"2025-01","to":"2025-06"},"carried_from":"KH2024-01"}}"#,
                #"{"id":"t25-2","type":"task.assigned","occurred_at":"2025-01-02","data":{"task":"KH2025-02","title":"Khảo sát","plan":"KH-TTCCHC-2025","lead":["SNV"],"window":"ongoing"}}"#,
                #"{"id":"g25-1","type":"target.set","occurred_at":"2025-01-05","data":{"indicator":"awareness.citizens","min":"0.9","plan":"KH-TTCCHC-2025"}}"#,
            ].joined(separator: "\n"))
        let ingested = try fixture.run(["ingest", "--agency", "UBND", file])
        #expect(ingested.status == 0, "\(ingested.stdout) \(ingested.stderr)")

        let list = try fixture.run(["plan", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        guard case .array(let plans)? = try fixture.json(list.stdout).objectValue?["plans"], let plan = plans.last?.objectValue else {
            Issue.record("no plans in \(list.stdout)")
            return
        }
        // The bundled 2024 plan, then 2025's (by year).
        #expect(plans.compactMap { $0.objectValue?["plan"]?.stringValue } == ["KH-TTCCHC-2024", "KH-TTCCHC-2025"])
        #expect(plans.first?.objectValue?["tasks"] == .integer(12) && plans.first?.objectValue?["targets"] == .integer(0))
        #expect(plan["plan"] == .string("KH-TTCCHC-2025") && plan["year"] == .integer(2025) && plan["document"] == .string("12/KH-UBND"))
        #expect(plan["tasks"] == .integer(2) && plan["targets"] == .integer(1))

        let show = try fixture.run(["plan", "show", "KH-TTCCHC-2025", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let shown = try fixture.json(show.stdout).objectValue
        guard case .array(let tasks)? = shown?["tasks"] else {
            Issue.record("no tasks in \(show.stdout)")
            return
        }
        #expect(tasks.compactMap { $0.objectValue?["task"]?.stringValue } == ["KH2025-01", "KH2025-02"])
        #expect(tasks.first?.objectValue?["carried_from"] == .string("KH2024-01"))
        #expect(tasks.first?.objectValue?["status_by_lead"]?.objectValue?["BST"] != nil)
        #expect(show.stdout.contains(#""min": "0.9""#))
        let text = try fixture.run(["plan", "show", "KH-TTCCHC-2025"])
        #expect(text.status == 0 && text.stdout.contains("KH2025-01 (carried from KH2024-01)"))

        let missing = try fixture.run(["plan", "show", "KH-KHONG-CO"])
        #expect(missing.status == 2 && missing.stderr.contains("KH-KHONG-CO"))  // a usage error, as an unknown period is
    }
}
