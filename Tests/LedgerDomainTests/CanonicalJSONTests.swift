import Testing

@testable import LedgerDomain

struct CanonicalJSONTests {
    @Test func sortsKeysByUTF16AndDropsWhitespace() throws {
        let value = try JSONParser().parse(Array(#"{ "b": 2, "a": {"z": null, "é": true, "A": [1, "x"]}, "\u20ac": 1, "\ud83d\ude00": 0 }"#.utf8))
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+20AC only by code point,
        // not by UTF-16 units: RFC 8785 wants UTF-16 order, so € (20AC) comes first.
        #expect(CanonicalJSON.string(value) == #"{"a":{"A":[1,"x"],"z":null,"é":true},"b":2,"€":1,"😀":0}"#)
    }

    @Test func escapesLikeECMAScript() {
        let text = "q\"b\\\u{08}\u{0C}\n\r\t\u{01}\u{1F}/é\u{7F}"
        #expect(CanonicalJSON.string(.string(text)) == #""q\"b\\\b\f\n\r\t\u0001\u001f/é"# + "\u{7F}\"")
    }

    /// Found by fuzzing: a 20-digit literal is past `Int`; ECMAScript still writes it whole.
    @Test(arguments: [
        ("11111111111111111111", "11111111111111110000"), ("-9223372036854775809", "-9223372036854776000"), ("123456789012", "123456789012"),
        ("1e20", "100000000000000000000"), ("1e21", "1e+21"), ("2.5", "2.5"),
    ])
    func numbersBeyondSixtyFourBitsAreWrittenWithoutTrapping(_ literal: String, _ canonical: String) throws {
        #expect(CanonicalJSON.string(try JSONParser().parse(Array(literal.utf8))) == canonical)
    }

    @Test func canonicalRecordMatchesTheGenericEncoder() {
        let data = JSONObject([("title", .string("Tin \"CCHC\"")), ("channel", .string("zalo"))])
        let record = CanonicalRecord(
            seq: 7, agency: "BST", id: "a-1", type: "article.published", occurredAt: "2024-01-02",
            recordedAt: "2024-01-03T00:00:00.000Z", corrects: "a-0",
            canonicalData: CanonicalJSON.string(.object(data)), sourceFile: "f.json", sourceSHA256: "ab", sourceLine: 3)
        let generic = JSONValue.object(
            JSONObject([
                ("seq", .integer(7)), ("agency", .string("BST")), ("id", .string("a-1")), ("type", .string("article.published")),
                ("occurred_at", .string("2024-01-02")), ("recorded_at", .string("2024-01-03T00:00:00.000Z")), ("corrects", .string("a-0")),
                ("data", .object(data)),
                ("source", .object(JSONObject([("file", .string("f.json")), ("sha256", .string("ab")), ("line", .integer(3))]))),
            ]))
        #expect(String(decoding: record.bytes(), as: UTF8.self) == CanonicalJSON.string(generic))
    }

    @Test func systemRecordHasNullSourceAndNoCorrects() {
        let record = CanonicalRecord(
            seq: 1, agency: "SYSTEM", id: "r", type: "report.generated", occurredAt: "2024-03-17",
            recordedAt: "2024-03-17T00:00:00.000Z", corrects: nil, canonicalData: "{}",
            sourceFile: nil, sourceSHA256: nil, sourceLine: nil)
        let text = String(decoding: record.bytes(), as: UTF8.self)
        #expect(text.contains(#""source":{"file":null,"line":null,"sha256":null}"#))
        #expect(!text.contains("corrects"))
    }
}
