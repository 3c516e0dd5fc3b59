import Testing

@testable import LedgerDomain

struct AgencyRegistryTests {
    @Test func correctionReplacesAndRetractionOfTheCorrectionBringsTheOriginalBack() throws {
        var harness = AdmissionHarness()
        try harness.send(AdmissionHarness.register("BST"), as: "UBND")
        #expect(harness.registry.agencies["BST"]?.name == "Tên BST")
        try harness.send(
            #"{"id":"fix","type":"agency.registered","corrects":"reg-BST","occurred_at":"2024-01-01","data":{"code":"BST","name":"Báo Sóc Trăng","kind":"press"}}"#,
            as: "UBND")
        #expect(harness.registry.agencies["BST"]?.name == "Báo Sóc Trăng")
        try harness.send(#"{"id":"undo","type":"event.retracted","occurred_at":"2024-01-02","data":{"event":"fix","reason":"r"}}"#, as: "UBND")
        #expect(harness.registry.agencies["BST"]?.name == "Tên BST")
        try harness.send(#"{"id":"gone","type":"event.retracted","occurred_at":"2024-01-02","data":{"event":"reg-BST","reason":"r"}}"#, as: "UBND")
        #expect(harness.registry.agencies["BST"] == nil)
    }

    @Test func renamesKeepTheirDatesAndMergesMarkTheOldCode() throws {
        var harness = AdmissionHarness()
        try harness.send(AdmissionHarness.register("UBND-TD", kind: "district"), as: "UBND")
        try harness.send(AdmissionHarness.register("UBND-CT", kind: "district"), as: "UBND")
        try harness.send(
            #"{"id":"n","type":"agency.renamed","occurred_at":"2024-06-01","data":{"code":"UBND-TD","name":"UBND huyện Trần Đề (mới)"}}"#, as: "UBND")
        #expect(
            try harness.send(
                #"{"id":"m","type":"agency.merged","occurred_at":"2024-12-01","data":{"from":["UBND-TD"],"into":"UBND-CT","effective":"2025-07-01"}}"#,
                as: "UBND") == .append)
        let agency = try #require(harness.registry.agencies["UBND-TD"])
        #expect(agency.name(on: LocalDate(year: 2024, month: 5, day: 31)!) == "Tên UBND-TD")
        #expect(agency.name(on: LocalDate(year: 2024, month: 6, day: 1)!) == "UBND huyện Trần Đề (mới)")
        #expect(agency.isMergedAway(on: LocalDate(year: 2025, month: 7, day: 1)!))
        #expect(!agency.isMergedAway(on: LocalDate(year: 2025, month: 6, day: 30)!))
        #expect(harness.registry.codes(ofKind: .district) == ["UBND-CT", "UBND-TD"])
        #expect(harness.registry.resolve([.kind(.district), .agency("SNV")]) == ["UBND-CT", "UBND-TD", "SNV"])
    }
}
