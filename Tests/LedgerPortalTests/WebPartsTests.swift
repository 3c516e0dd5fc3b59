import Foundation
import Hummingbird
import Testing

@testable import LedgerDomain
@testable import LedgerPortal

/// The small parts every page relies on: escaping, query strings, the trail's filter,
/// sessions and their tokens, the upload form's parts.
struct WebPartsTests {
    @Test func everyMarkupCharacterIsEscapedAndPlainTextIsLeftAlone() {
        #expect(h(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        #expect(h("Sở Văn hóa, Thể thao và Du lịch") == "Sở Văn hóa, Thể thao và Du lịch")
        #expect(q("Sở & ?=/") == "S%E1%BB%9F%20%26%20%3F%3D%2F")
    }

    @Test func aQueryStringReadsAsBrowsersWriteIt() {
        let values = QueryString.parse("q=b%C3%A1o+c%C3%A1o&agency=BST&agency=SNV&empty=&bad=%ZZ&plus=%2B")
        #expect(values["q"] == "báo cáo")
        #expect(values["agency"] == "BST")
        #expect(values["empty"] == "")
        #expect(values["bad"] == "", "a value that does not decode reads as empty")
        #expect(values["plus"] == "+")
        #expect(QueryString.parse(nil).isEmpty)
    }

    @Test func theTrailFilterTakesValidPartsAndRefusesTheRest() throws {
        let query = try #require(
            EventQueryParameters.parse([
                "agency": "UBND-MX", "type": "article.published", "from": "01/02/2024", "to": "2024-03-31", "q": "hội thi", "before": "90", "limit": "20",
            ]))
        #expect(query.agency == "UBND-MX")
        #expect(query.from == LocalDate.parse("2024-02-01"))
        #expect(query.to == LocalDate.parse("2024-03-31"))
        #expect(query.text == "hội thi")
        #expect(query.before == 90)
        #expect(query.limit == 20)
        #expect(EventQueryParameters.parse(["agency": "", "type": " "])?.agency == nil)
        for bad in [
            ["agency": "bst"], ["type": "article"], ["from": "31/02/2024"], ["before": "0"], ["limit": "5000"], ["q": String(repeating: "x", count: 201)],
        ] {
            #expect(EventQueryParameters.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func sessionsAreRandomEndOnSignOutAndExpireWhenIdle() async throws {
        let store = SessionStore(idle: .milliseconds(200), lifetime: .seconds(60))
        let (token, session) = store.start(login: "lan.bst", credential: "h1")
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        #expect(session.csrf.count == 64 && session.csrf != token)
        #expect(store.start(login: "lan.bst", credential: "h1").token != token)
        #expect(store.session(token: token)?.login == "lan.bst")
        // One digit changed (to another digit: a token starting with 0 changes to 1).
        #expect(store.session(token: (token.first == "0" ? "1" : "0") + token.dropFirst()) == nil)
        try await Task.sleep(for: .milliseconds(400))
        #expect(store.session(token: token) == nil, "idle for longer than allowed")
        let (other, _) = store.start(login: "snv", credential: "h2")
        store.end(token: other)
        #expect(store.session(token: other) == nil)
        #expect(SessionStore.same("abc", "abc") && !SessionStore.same("abc", "abd") && !SessionStore.same("abc", "abcd"))
    }

    /// Feeds `body` in chunks of `size` bytes to a parser staging into a new folder.
    private func receive(_ body: String, chunk size: Int, limit: Int = 1 << 20) throws -> (MultipartUpload, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let upload = MultipartUpload(boundary: "b", stagingFolder: folder, limit: limit)
        let bytes = Array(body.utf8)
        for start in stride(from: 0, to: bytes.count, by: size) {
            try upload.feed(ByteBuffer(bytes: bytes[start..<min(bytes.count, start + size)]))
        }
        return (upload, folder)
    }

    @Test(arguments: [1, 7, 4096])
    func theUploadFormGivesEveryFileAndItsFieldsWhateverTheChunks(size: Int) throws {
        let body = [
            "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mot.ndjson\"\r\n\r\n{\"a\":1}\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hai.csv\"\r\n\r\nx;y\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.csv\r\n\r\nz\r\n",
            "--b--\r\n",
        ].joined()
        let (form, folder) = try receive(body, chunk: size)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(form.fields["csrf"] == "abc123")
        #expect(form.files.map(\.fileName) == ["mot.ndjson", "hai.csv", "báo-cáo.csv"])
        #expect(try form.files.map { try String(contentsOfFile: $0.path, encoding: .utf8) } == [#"{"a":1}"#, "x;y", "z"])
        form.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing staged stays behind")
    }

    @Test func aBodyCutOffOrPastTheLimitGivesNoFile() throws {
        // A body cut off before its part ends yields no file (the upload is then malformed).
        let (cut, folder) = try receive("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\nabc", chunk: 5)
        #expect(cut.files.isEmpty)
        cut.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // Files together past the limit: refused as the bytes arrive, not after.
        let big = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n" + String(repeating: "a", count: 5000) + "\r\n--b--\r\n"
        #expect(throws: MultipartUpload.Failure.self) { _ = try receive(big, chunk: 512, limit: 4096) }
    }
}
