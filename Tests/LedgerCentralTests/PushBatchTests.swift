import Foundation
import NIOCore
import Testing

@testable import LedgerCentral
@testable import LedgerStore

/// The wire form of a push and the rows it carries into PostgreSQL's COPY.
struct PushBatchTests {
    static let event = StoredEvent(
        seq: 3, agency: "BST", id: "a/1", type: "article.published", occurredAt: "2025-03-04", recordedAt: "2025-03-05T01:02:03.004Z",
        corrects: nil, data: #"{"channel":"zalo","title":"Tin \"CCHC\"\n\tdòng 2 \\ x"}"#, sourceFile: "tệp 1.csv", sourceSHA256: nil, sourceLine: 7,
        hash: String(repeating: "ab", count: 32), sourceSheet: "Tin bài")

    @Test func aBatchReadsBackAsSent() throws {
        var second = Self.event
        second.seq = 4
        second.corrects = "a/1"
        second.sourceLine = nil
        second.sourceSheet = nil
        let batch = PushBatch(
            origin: "o.example/l", checkpoint: "o.example/l\n4\nAAAA\n\n— o x\n", coordinators: ["SNV", "UBND"], events: [Self.event, second])
        let read = try PushBatch(decoding: batch.encoded())
        #expect(read.origin == batch.origin)
        #expect(read.checkpoint == batch.checkpoint)
        #expect(read.coordinators == ["SNV", "UBND"])
        #expect(read.events == batch.events)
    }

    @Test func aLineThatIsNotAnEventIsRefusedByNumber() throws {
        var body = PushBatch(origin: "o", checkpoint: "c", coordinators: [], events: [Self.event]).encoded()
        body += Array(#"{"seq":"4"}"#.utf8) + [0x0A]
        do {
            _ = try PushBatch(decoding: body)
            Issue.record("a bad line was taken")
        } catch {
            #expect(error.kind == .rejected)
            #expect(error.description.contains("line 3"))
        }
        #expect(throws: CentralError.self) { try PushBatch(decoding: Array("not json\n".utf8)) }
    }

    @Test func copyTextEscapesWhatItsFormatReserves() {
        var buffer = ByteBuffer()
        CopyText.row(["a\tb", nil, "c\\d\ne\rf", ""], into: &buffer)
        #expect(String(buffer: buffer) == "a\\tb\t\\N\tc\\\\d\\ne\\rf\t\n")
    }
}
