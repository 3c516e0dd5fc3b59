import Testing

@testable import LedgerDomain

struct EventAdmissionTests {
    let article = #"{"id":"a1","type":"article.published","occurred_at":"2024-02-01","data":{"title":"T","channel":"zalo"}}"#

    func givenPlan() throws -> AdmissionHarness {
        var harness = AdmissionHarness()
        for (code, kind) in [("BST", "press"), ("DPTTH", "press"), ("UBND-MX", "district"), ("UBND-TD", "district"), ("SGDDT", "department")] {
            #expect(try harness.send(AdmissionHarness.register(code, kind: kind), as: "UBND") == .append)
        }
        #expect(
            try harness.send(
                #"{"id":"t1","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"KH2024-01","title":"T","plan":"P","lead":["BST"],"coordinating":["kind:district"],"window":{"from":"2024-01","to":"2024-02"}}}"#,
                as: "UBND") == .append)
        return harness
    }

    @Test func coordinatorsAreKnownBeforeTheyAreRegistered() throws {
        var harness = AdmissionHarness()
        #expect(try harness.send(article, as: "SNV") == .append)
        #expect(try harness.send(article, as: "BST").codes == [.unknownAgency])
    }

    @Test func identicalResubmissionIsADuplicateAndChangedContentConflicts() throws {
        var harness = try givenPlan()
        #expect(try harness.send(article, as: "BST") == .append)
        #expect(try harness.send(article, as: "BST") == .duplicate)
        let changed = article.replacingOccurrences(of: "zalo", with: "facebook")
        #expect(try harness.send(changed, as: "BST").codes == [.idConflict])
        // The same id in another agency is another event.
        #expect(try harness.send(article, as: "DPTTH") == .append)
    }

    @Test func clerksCannotSendCoordinatorOrSystemTypes() throws {
        var harness = try givenPlan()
        #expect(try harness.send(AdmissionHarness.register("NEW"), as: "BST").codes == [.notPermitted])
        #expect(
            try harness.send(#"{"id":"k","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","min":"1"}}"#, as: "BST").codes == [
                .notPermitted
            ])
        #expect(
            try harness.send(
                #"{"id":"g","type":"report.generated","occurred_at":"2024-01-01","data":{"period":"2024-Q1","edition":1,"through_seq":1,"head_hash":"ab"}}"#,
                as: "SNV"
            ).codes == [.notPermitted])
        #expect(try harness.send(article, as: "SYSTEM").codes == [.notPermitted])
    }

    @Test func taskReportsComeFromLeadsOrCoordinatorsIncludingKindGroups() throws {
        var harness = try givenPlan()
        let report = #"{"id":"r","type":"task.reported","occurred_at":"2024-02-10","data":{"task":"KH2024-01","status":"done"}}"#
        #expect(try harness.send(report, as: "BST") == .append)
        #expect(try harness.send(report, as: "UBND-TD") == .append)  // a district: kind:district coordinates
        #expect(try harness.send(report, as: "SGDDT").codes == [.notPermitted])
        let unknown = #"{"id":"r2","type":"task.reported","occurred_at":"2024-02-10","data":{"task":"KH2024-99","status":"done"}}"#
        #expect(try harness.send(unknown, as: "BST").codes == [.unknownTask])
        let linked = #"{"id":"a9","type":"article.published","occurred_at":"2024-02-01","data":{"title":"T","channel":"zalo","task":"KH2024-77"}}"#
        #expect(try harness.send(linked, as: "BST").fields == ["data.task"])
    }

    @Test func correctionsAndRetractionsMustNameAnEarlierEventOfTheSameAgency() throws {
        var harness = try givenPlan()
        #expect(try harness.send(article, as: "BST") == .append)
        let correction = #"{"id":"a2","type":"article.published","corrects":"a1","occurred_at":"2024-02-02","data":{"title":"T2","channel":"zalo"}}"#
        #expect(try harness.send(correction, as: "BST") == .append)
        #expect(try harness.send(correction, as: "DPTTH").codes == [.unknownEvent])
        let wrongType = #"{"id":"h2","type":"activity.held","corrects":"a1","occurred_at":"2024-02-02","data":{"form":"video","title":"T"}}"#
        #expect(try harness.send(wrongType, as: "BST").codes == [.unknownEvent])
        let retraction = #"{"id":"x1","type":"event.retracted","occurred_at":"2024-02-03","data":{"event":"a2","reason":"r"}}"#
        #expect(try harness.send(retraction, as: "BST") == .append)
        #expect(
            try harness.send(retraction.replacingOccurrences(of: "x1", with: "x2").replacingOccurrences(of: "a2", with: "zz"), as: "BST").codes == [
                .unknownEvent
            ])
        let retractRetraction = #"{"id":"x3","type":"event.retracted","occurred_at":"2024-02-03","data":{"event":"x1","reason":"r"}}"#
        #expect(try harness.send(retractRetraction, as: "BST").fields == ["data.event"])
    }

    @Test func mergedAgenciesMayNotReportOnOrAfterTheEffectiveDate() throws {
        var harness = try givenPlan()
        #expect(
            try harness.send(
                #"{"id":"m","type":"agency.merged","occurred_at":"2024-06-01","data":{"from":["UBND-TD"],"into":"UBND-MX","effective":"2024-07-01"}}"#,
                as: "UBND") == .append)
        #expect(
            try harness.send(#"{"id":"b","type":"activity.held","occurred_at":"2024-06-30","data":{"form":"video","title":"T"}}"#, as: "UBND-TD") == .append)
        #expect(
            try harness.send(#"{"id":"c","type":"activity.held","occurred_at":"2024-07-01","data":{"form":"video","title":"T"}}"#, as: "UBND-TD").codes == [
                .notPermitted
            ])
    }

    @Test func eventsMoreThanADayAheadOfTheClockAreRefused() throws {
        var harness = try givenPlan()
        #expect(try harness.send(#"{"id":"f1","type":"activity.held","occurred_at":"2025-01-01","data":{"form":"video","title":"T"}}"#, as: "BST") == .append)
        #expect(
            try harness.send(#"{"id":"f2","type":"activity.held","occurred_at":"2025-01-02","data":{"form":"video","title":"T"}}"#, as: "BST").codes == [
                .invalidDate
            ])
    }

    @Test func registryReferencesMustBeKnown() throws {
        var harness = try givenPlan()
        #expect(
            try harness.send(
                #"{"id":"t2","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"KH2024-02","title":"T","plan":"P","lead":["NOPE"],"window":"ongoing"}}"#,
                as: "UBND"
            ).fields == ["data.lead[1]"])
        #expect(
            try harness.send(
                #"{"id":"t3","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"KH2024-01","title":"T","plan":"P","lead":["BST"],"window":"ongoing"}}"#,
                as: "UBND"
            ).fields == ["data.task"])
        #expect(try harness.send(AdmissionHarness.register("BST", id: "again"), as: "UBND").fields == ["data.code"])
        #expect(
            try harness.send(#"{"id":"n","type":"agency.renamed","occurred_at":"2024-01-01","data":{"code":"NOPE","name":"X"}}"#, as: "UBND").codes == [
                .unknownAgency
            ])
        #expect(
            try harness.send(#"{"id":"k","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"task:KH2024-09:video","min":"2"}}"#, as: "UBND")
                .codes == [.unknownTask])
        #expect(
            try harness.send(
                #"{"id":"c","type":"contest.held","occurred_at":"2024-01-01","data":{"title":"T","start":"2024-01-01","end":"2024-01-01","participants":1,"awards":[{"rank":"1","winner":"W","agency":"NOPE"}]}}"#,
                as: "BST"
            ).fields == ["data.awards[1].agency"])
    }
}
