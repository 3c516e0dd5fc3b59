import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerStore

struct FileIngestorTests {
    @Test func bundledPlanLoadsOnceAndAgainChangesNothing() throws {
        let fixture = try IngestFixture()
        #expect(fixture.headSeq == 49)
        for path in try BundledPlan.files(named: "soc-trang-2024") {
            let outcome = try fixture.ingestor.ingest(path: path, folderAgency: nil)
            #expect(outcome.status == .accepted && outcome.appended == 0 && outcome.duplicates > 0)
        }
        #expect(fixture.headSeq == 49)
    }

    @Test func aHundredLineFileWithOneBadLineAppendsNothing() throws {
        let fixture = try IngestFixture()
        var lines = (1...100).map { IngestFixture.article("a\($0)") }
        lines[56] = IngestFixture.article("a57", channel: "tiktok")
        let rejected = try fixture.ingest("week.ndjson", lines.joined(separator: "\n"))
        #expect(rejected.status == .rejected)
        #expect(rejected.places == ["57:data.channel:invalid_value"])
        #expect(rejected.appended == 0)
        #expect(fixture.headSeq == 49)

        lines[56] = IngestFixture.article("a57")
        let accepted = try fixture.ingest("week-fixed.ndjson", lines.joined(separator: "\n"))
        #expect(accepted.status == .accepted && accepted.appended == 100)
        #expect(fixture.headSeq == 149)
        #expect(try fixture.storedEvents(agency: "BST").map(\.id) == (1...100).map { "a\($0)" })
    }

    @Test func sameEventsUnderAnotherNameAreDuplicatesAndChangedOnesConflict() throws {
        let fixture = try IngestFixture()
        let text = [IngestFixture.article("a1"), IngestFixture.article("a2")].joined(separator: "\n")
        #expect(try fixture.ingest("one.ndjson", text).appended == 2)
        let again = try fixture.ingest("copy-with-other-name.jsonl", text)
        #expect(again.status == .accepted && again.appended == 0 && again.duplicates == 2)
        let changed = try fixture.ingest("changed.ndjson", [IngestFixture.article("a1"), IngestFixture.article("a2", title: "Khác")].joined(separator: "\n"))
        #expect(changed.places == ["2:id:id_conflict"])
        #expect(fixture.headSeq == 51)
    }

    @Test func eventsMayReferToEarlierEventsOfTheSameFile() throws {
        let fixture = try IngestFixture()
        let outcome = try fixture.ingest(
            "fix.ndjson",
            [
                IngestFixture.article("a1", title: "Sai tên"),
                #"{"id":"a2","type":"article.published","corrects":"a1","occurred_at":"2024-02-01","data":{"title":"Đúng tên","channel":"newspaper"}}"#,
                #"{"id":"a3","type":"event.retracted","occurred_at":"2024-02-02","data":{"event":"a2","reason":"gửi nhầm"}}"#,
            ].joined(separator: "\n"))
        #expect(outcome.status == .accepted && outcome.appended == 3)
    }

    @Test func aBadEventDoesNotHideLaterReferencesToIt() throws {
        // a1 is refused, so a2's correction of it is reported too: every problem, in one go.
        let fixture = try IngestFixture()
        let outcome = try fixture.ingest(
            "x.ndjson",
            [
                IngestFixture.article("a1", channel: "fax"),
                #"{"id":"a2","type":"article.published","corrects":"a1","occurred_at":"2024-02-01","data":{"title":"T","channel":"newspaper"}}"#,
            ].joined(separator: "\n"))
        #expect(outcome.places == ["1:data.channel:invalid_value", "2:corrects:unknown_event"])
    }

    @Test func provenanceAndTheIngestedFileAreRecorded() throws {
        let fixture = try IngestFixture()
        let text = "\n" + IngestFixture.article("a1") + "\n"
        let outcome = try fixture.ingest("p.ndjson", text)
        let event = try #require(try fixture.storedEvents(agency: "BST").first)
        #expect(event.sourceFile == "p.ndjson" && event.sourceLine == 2)
        #expect(event.sourceSHA256 == HashChain.sha256Hex(Data(text.utf8)))
        #expect(event.recordedAt == "2024-12-31T05:00:00.000Z")
        let record = try #require(try fixture.database.read { db in try IngestedFile.find(db, sha256: outcome.sha256!) })
        #expect(record.appended == 1 && record.firstSeq == 50 && record.lastSeq == 50 && record.agency == "BST")
    }

    @Test func anEventOfAnotherAgencyInAFolderIsRefused() throws {
        let fixture = try IngestFixture()
        let outcome = try fixture.ingest(
            "x.json", #"{"id":"a","agency":"DPTTH","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"radio"}}"#)
        #expect(outcome.places == ["1:agency:agency_mismatch"])
    }

    @Test func clerksCannotAssignTasksButCoordinatorsCan() throws {
        let fixture = try IngestFixture()
        let task =
            #"{"id":"t13","type":"task.assigned","occurred_at":"2024-03-01","data":{"task":"KH2024-13","title":"T","plan":"P","lead":["BST"],"window":"2024-05"}}"#
        // In JSON a window is an object or "ongoing"; the CSV shorthand "2024-05" is not JSON's.
        #expect(try fixture.ingest("t.json", task).places == ["1:data.window:invalid_value"])
        let byClerk = try fixture.ingest("t2.json", task.replacingOccurrences(of: #""2024-05""#, with: #"{"from":"2024-05","to":"2024-05"}"#))
        #expect(byClerk.places == ["1:type:not_permitted"])
        let byCoordinator = try fixture.ingest(
            "t3.json", task.replacingOccurrences(of: #""2024-05""#, with: #"{"from":"2024-05","to":"2024-05"}"#), agency: "SNV")
        #expect(byCoordinator.status == .accepted)
        #expect(
            try fixture.ingest("r.json", #"{"id":"r","type":"task.reported","occurred_at":"2024-05-20","data":{"task":"KH2024-13","status":"done"}}"#).status
                == .accepted)
    }

    @Test func districtsReportOnTaskFiveThroughTheirKindGroup() throws {
        let fixture = try IngestFixture()
        let report = #"{"id":"r5","type":"task.reported","occurred_at":"2024-07-20","data":{"task":"KH2024-05","status":"in_progress"}}"#
        #expect(try fixture.ingest("r.json", report, agency: "UBND-KS").status == .accepted)
        #expect(try fixture.ingest("r.json", report, agency: "BST").places == ["1:data.task:not_permitted"])
    }

    @Test func registeringAnAgencyMakesItKnownWithinTheSameFile() throws {
        let fixture = try IngestFixture()
        let outcome = try fixture.ingest(
            "reg.ndjson",
            [
                #"{"id":"reg-X","type":"agency.registered","occurred_at":"2024-02-01","data":{"code":"UBND-XA1","name":"UBND xã An Hiệp","kind":"commune","parent":"UBND-CT"}}"#,
                #"{"id":"t","type":"task.assigned","occurred_at":"2024-02-01","data":{"task":"KH2024-20","title":"T","plan":"P","lead":["UBND-XA1"],"window":"ongoing"}}"#,
            ].joined(separator: "\n"), agency: "SNV")
        #expect(outcome.status == .accepted && outcome.appended == 2)
    }

    @Test func aRegistryChangedByAnotherProcessIsSeenByALongLivedIngestor() throws {
        // The daemon's ingestor caches the registry by head seq; an `ingest` from another
        // process (another ingestor here) moves the head, so the cache must not be used.
        let fixture = try IngestFixture()
        let daemon = fixture.ingestor
        #expect(try daemon.ingest(path: fixture.folder.write("inbox/BST/a.ndjson", IngestFixture.article("a1")), folderAgency: "BST").status == .accepted)
        let other = fixture.ingestor
        let registration =
            #"{"id":"reg-XA2","type":"agency.registered","occurred_at":"2024-02-01","data":{"code":"UBND-XA2","name":"UBND xã Tham Đôn","kind":"commune"}}"#
        #expect(try other.ingest(path: fixture.folder.write("inbox/SNV/r.json", registration), folderAgency: "SNV").status == .accepted)
        let byNewAgency = try daemon.ingest(path: fixture.folder.write("inbox/UBND-XA2/x.ndjson", IngestFixture.article("x1")), folderAgency: "UBND-XA2")
        #expect(byNewAgency.status == .accepted, "\(byNewAgency.places)")
        #expect(try daemon.currentRegistry().agencies["UBND-XA2"] != nil)
        // And a retraction of that registration by the other process is seen too.
        let retraction = #"{"id":"undo-XA2","type":"event.retracted","occurred_at":"2024-02-02","data":{"event":"reg-XA2","reason":"nhầm"}}"#
        #expect(try other.ingest(path: fixture.folder.write("inbox/SNV/u.json", retraction), folderAgency: "SNV").status == .accepted)
        #expect(
            try daemon.ingest(path: fixture.folder.write("inbox/UBND-XA2/y.ndjson", IngestFixture.article("y1")), folderAgency: "UBND-XA2").places
                == ["1:agency:unknown_agency"])
    }
}
