import Testing

@testable import LedgerDomain

struct JSONParserTests {
    private func parse(_ text: String, topLevelArrayIsFree: Bool = false) throws -> JSONValue {
        try JSONParser().parse(Array(text.utf8), topLevelArrayIsFree: topLevelArrayIsFree)
    }

    @Test func keepsMemberOrderIntegersAndEscapes() throws {
        let value = try parse(#"{"b":1,"a":[true,null,-5],"s":"x\"\u00e9\ud83d\ude00\n"}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "s"])
        #expect(object["b"] == .integer(1))
        #expect(object["a"] == .array([.bool(true), .null, .integer(-5)]))
        #expect(object["s"] == .string("x\"é😀\n"))
    }

    @Test func keepsNonIntegersAsWritten() throws {
        #expect(try parse("1.50") == .number("1.50"))
        #expect(try parse("1e3") == .number("1e3"))
        #expect(try parse("9007199254740993") == .number("9007199254740993"))
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"a":1} x"#, "{\"a\":\"\u{01}\"}", #""\ud800""#, #"[1,]"#, #"{"a" 1}"#, "01", "-", #""\x""#, "",
    ])
    func rejectsMalformedDocuments(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func eventObjectCountsAsDepthOneAndThirtyTwoIsTheLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        }
        _ = try parse(nested(32))
        do {
            _ = try parse(nested(33))
            Issue.record("33 levels must be refused")
        } catch let failure as JSONParser.Failure {
            #expect(failure.reason == .tooDeep(limit: 32))
        }
        // In an array file the array itself is not a level.
        _ = try parse("[" + nested(32) + "]", topLevelArrayIsFree: true)
        #expect(throws: JSONParser.Failure.self) { try parse("[" + nested(33) + "]", topLevelArrayIsFree: true) }
    }

    @Test func streamsArrayElementsWithOneBasedPositions() throws {
        var seen: [(Int, JSONValue)] = []
        let bytes = Array(#" [ {"a":1}, 2 ,"x" ] "#.utf8)
        let wasArray = try bytes.withUnsafeBufferPointer { buffer in
            try JSONParser().forEachArrayElement(in: buffer) { seen.append(($0, $1)) }
        }
        #expect(wasArray)
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen[2].1 == .string("x"))
    }

    @Test func namesTheArrayPositionOfASyntaxError() throws {
        let bytes = Array(#"[{"a":1},{"a":}]"#.utf8)
        do {
            _ = try bytes.withUnsafeBufferPointer { buffer in try JSONParser().forEachArrayElement(in: buffer) { _, _ in } }
            Issue.record("expected a failure")
        } catch let failure as JSONParser.ArrayElementFailure {
            #expect(failure.position == 2)
        }
    }
}
