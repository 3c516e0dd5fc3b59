import Testing

@testable import LedgerCentral
@testable import LedgerDomain
@testable import LedgerStore

/// The centre folds corrections and retractions as the province does: the tallies a batch
/// adds are the difference between what stood before and after.
struct CentralFoldTests {
    static func event(_ seq: Int64, _ id: String, channel: String = "zalo", day: String = "2025-03-04", corrects: String? = nil) -> StoredEvent {
        StoredEvent(
            seq: seq, agency: "BST", id: id, type: "article.published", occurredAt: day, recordedAt: "2025-03-05T00:00:00.000Z", corrects: corrects,
            data: #"{"channel":"\#(channel)","title":"t"}"#, sourceFile: nil, sourceSHA256: nil, sourceLine: nil, hash: "")
    }

    static func retraction(_ seq: Int64, of id: String) -> StoredEvent {
        StoredEvent(
            seq: seq, agency: "BST", id: "r\(seq)", type: "event.retracted", occurredAt: "2025-03-06", recordedAt: "2025-03-06T00:00:00.000Z",
            corrects: nil, data: #"{"event":"\#(id)","reason":"nhầm"}"#, sourceFile: nil, sourceSHA256: nil, sourceLine: nil, hash: "")
    }

    func count(_ fold: CentralFold, _ channel: String, bucket: String = "2025-03-01") -> Int64 {
        fold.deltas[TallyKey(bucket: bucket, agency: "", type: "article.published", measure: channel)]?.n ?? 0
    }

    @Test func aCorrectionInTheSameBatchMovesTheCount() {
        var fold = CentralFold(earlier: EarlierRows(), zone: .hoChiMinh)
        fold.fold(Self.event(1, "a"))
        fold.fold(Self.event(2, "b"))
        fold.fold(Self.event(3, "a2", channel: "web", day: "2025-03-20", corrects: "a"))
        #expect(count(fold, "zalo") == 1)
        #expect(count(fold, "web", bucket: "2025-03-15") == 1)
        // Retracting the correction brings back what it corrected.
        fold.fold(Self.retraction(4, of: "a2"))
        #expect(count(fold, "zalo") == 2)
        #expect(count(fold, "web", bucket: "2025-03-15") == 0)
    }

    @Test func aRetractionOfAnEarlierBatchsEventSubtractsItsFact() {
        var earlier = EarlierRows()
        earlier.seqByKey[EventKey(agency: "BST", id: "a")] = 1
        earlier.rows[1] = Self.event(1, "a")
        var fold = CentralFold(earlier: earlier, zone: .hoChiMinh)
        fold.fold(Self.retraction(9, of: "a"))
        #expect(count(fold, "zalo") == -1)
        #expect(fold.lineageWrites.map(\.seq) == [1])
        #expect(fold.lineageWrites.first?.retracted == true)
    }

    @Test func registryEventsFillTheRoster() {
        var fold = CentralFold(earlier: EarlierRows(), zone: .hoChiMinh)
        fold.fold(
            StoredEvent(
                seq: 1, agency: "SNV", id: "r1", type: "agency.registered", occurredAt: "2024-01-01", recordedAt: "2024-01-01T00:00:00.000Z",
                corrects: nil, data: #"{"code":"BST","kind":"department","name":"Sở X"}"#, sourceFile: nil, sourceSHA256: nil, sourceLine: nil, hash: ""))
        fold.fold(
            StoredEvent(
                seq: 2, agency: "SNV", id: "m1", type: "agency.merged", occurredAt: "2025-06-30", recordedAt: "2025-07-01T00:00:00.000Z",
                corrects: nil, data: #"{"from":["BST","X"],"into":"Y","effective":"2025-07-01"}"#, sourceFile: nil, sourceSHA256: nil, sourceLine: nil,
                hash: ""))
        #expect(fold.registered.map(\.code) == ["BST"])
        #expect(fold.ended.map(\.code) == ["BST", "X"])
        #expect(fold.ended.first?.until == "2025-07-01")
    }
}
