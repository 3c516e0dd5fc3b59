/// JSON parser: any bytes parse or fail cleanly; a parsed value's canonical form (RFC 8785)
/// parses back to the same value and is a fixed point; arrays stream like they parse.
enum FuzzJSON {
    static func run(_ input: UnsafeRawBufferPointer) {
        let bytes = Array(input)
        let parser = JSONParser()
        guard let value = try? parser.parse(bytes) else { return }
        let canonical = CanonicalJSON.encode(value)
        guard let again = try? parser.parse(canonical) else { fuzzFailure("canonical form does not parse") }
        guard CanonicalJSON.encode(again) == canonical else { fuzzFailure("canonical form is not a fixed point") }
        if case .array(let items) = value {
            var streamed: [JSONValue] = []
            let wasArray =
                (try? bytes.withUnsafeBufferPointer { buffer in
                    try parser.forEachArrayElement(in: buffer) { _, element in streamed.append(element) }
                }) ?? false
            guard wasArray, streamed == items else { fuzzFailure("streamed array differs from the parsed one") }
        }
    }
}
