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
        let (token, session) = store.start(login: "lan.bst")
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        #expect(session.csrf.count == 64 && session.csrf != token)
        #expect(store.start(login: "lan.bst").token != token)
        #expect(store.session(token: token)?.login == "lan.bst")
        #expect(store.session(token: "0" + token.dropFirst()) == nil)
        try await Task.sleep(for: .milliseconds(400))
        #expect(store.session(token: token) == nil, "idle for longer than allowed")
        let (other, _) = store.start(login: "snv")
        store.end(token: other)
        #expect(store.session(token: other) == nil)
        #expect(SessionStore.same("abc", "abc") && !SessionStore.same("abc", "abd") && !SessionStore.same("abc", "abcd"))
    }

    @Test func theUploadFormGivesEveryFileAndItsFields() throws {
        let body = [
            "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mot.ndjson\"\r\n\r\n{\"a\":1}\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hai.csv\"\r\n\r\nx;y\r\n",
            "--b--\r\n",
        ].joined()
        let form = try #require(MultipartUpload.parseForm(ByteBuffer(string: body), boundary: "b"))
        #expect(form.fields["csrf"] == "abc123")
        #expect(form.files.map(\.fileName) == ["mot.ndjson", "hai.csv"])
        #expect(form.files.map { String(decoding: $0.bytes, as: UTF8.self) } == [#"{"a":1}"#, "x;y"])
        // A body cut off before its part ends yields no file (the upload is then malformed).
        #expect(
            MultipartUpload.parseForm(ByteBuffer(string: "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\nabc"), boundary: "b")?
                .files.isEmpty != false)
    }
}
