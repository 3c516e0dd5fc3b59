import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every hostile input found so far, dropped between good files into a running daemon:
/// every good file is ingested, every bad one rejected with a code, the daemon never
/// exits, and `verify` holds.
@Suite(.serialized)
struct HostileCorpusTests {
    static let hostile: [(agency: String, name: String, text: String)] = [
        ("BST", "year-one.ndjson", #"{"id":"h1","type":"article.published","occurred_at":"0001-01-01","data":{"title":"x","channel":"zalo"}}"#),
        (
            "BST", "huge.ndjson",
            #"{"id":"h2","type":"indicator.reported","occurred_at":"2024-02-01","data":{"indicator":"staff-trained","numerator":9007199254740991,"denominator":9007199254740991}}"#
        ),
        (
            "BST", "survey.ndjson",
            #"{"id":"h3","type":"survey.submitted","occurred_at":"2024-02-01","data":{"kind":"awareness","audience":"citizens","respondents":460000000000000,"aware":460000000000000}}"#
        ),
        (
            "UBND", "target.ndjson",
            #"{"id":"h4","type":"target.set","occurred_at":"2024-01-02","data":{"indicator":"awareness.officials","min":"0.8000000000000001"}}"#
        ),
        (
            "UBND", "target20.ndjson",
            #"{"id":"h5","type":"target.set","occurred_at":"2024-01-02","data":{"indicator":"awareness.officials","min":"0.80000000000000000001"}}"#
        ),
        (
            "UBND", "rename.ndjson",
            "{\"id\":\"h6\",\"type\":\"agency.renamed\",\"occurred_at\":\"2024-02-01\",\"data\":{\"code\":\"SNV\",\"name\":\"S\u{FFFE}NV\"}}"
        ),
        (
            "UBND", "control.ndjson",
            "{\"id\":\"h7\",\"type\":\"agency.renamed\",\"occurred_at\":\"2024-02-01\",\"data\":{\"code\":\"SNV\",\"name\":\"S\\u0001NV\"}}"
        ),
        ("BST", "system.ndjson", #"{"id":"h8","type":"report.generated","occurred_at":"2024-02-01","data":{}}"#),
        ("BST", "cut.json", #"{"id":"h9","type":"article.published","occ"#),
        ("BST", "name\nforged.ndjson", #"{"id":"h10","type":"article.published","occurred_at":"2024-02-02","data":{"title":"ok","channel":"zalo"}}"#),
    ]

    @Test func theDaemonSurvivesTheWholeCorpusBetweenGoodFiles() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        var good = 0
        for (index, item) in Self.hostile.enumerated() {
            dropFile(CLIFixture.articles(3, prefix: "good\(index)"), into: fixture.inbox + "/SNV", name: "good-\(index).ndjson")
            good += 1
            dropFile(item.text + "\n", into: fixture.inbox + "/" + item.agency, name: item.name)
        }
        // And a name that is not UTF-8.
        let raw = Array((fixture.inbox + "/BST/b").utf8) + [0xE1, 0x6F] + Array(".json".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        close(fd)
        dropFile(CLIFixture.articles(3, prefix: "last"), into: fixture.inbox + "/SNV", name: "good-last.ndjson")
        good += 1
        let settled = waitUntil(timeout: 30) {
            fixture.droppedFiles(under: "processed/SNV").count == good && fixture.entries(under: "inbox/BST").isEmpty
                && fixture.entries(under: "inbox/UBND").isEmpty
        }
        #expect(settled != nil, "\(fixture.entries(under: "inbox")) \(daemon.log.suffix(3000))")
        #expect(daemon.process.isRunning)
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'SNV' AND type = 'article.published'") == "\(good * 3)")
        // The forged-name file is a good file too; everything else was rejected with a reason.
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency IN ('BST', 'UBND') AND id LIKE 'h%'") == "1")
        let rejected = fixture.entries(under: "rejected").filter { $0.hasSuffix(".errors.json") }
        #expect(rejected.count == Self.hostile.count - 1 + 1, "\(rejected)")
        for file in rejected {
            let text = try String(contentsOfFile: fixture.state + "/rejected/" + file, encoding: .utf8)
            #expect(text.contains("\"code\""), "\(file)")
        }
        // Status, a report and verify all work on what was stored.
        #expect(try fixture.run(["status"]).status == 0)
        #expect(try fixture.run(["report", "--period", "2024-Q1", "--format", "docx", "--out", fixture.folder.file("out")]).status == 0)
        #expect(try fixture.run(["verify"]).status == 0)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }
}
