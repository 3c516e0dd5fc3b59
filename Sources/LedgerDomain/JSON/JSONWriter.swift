/// Writes JSON for people and tools in the member order given (errors.json, `--json`
/// output), optionally indented. Hashing uses `CanonicalJSON` instead.
public enum JSONWriter {
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var output: [UInt8] = []
        write(value, pretty: pretty, indent: 0, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, pretty: Bool, indent: Int, to output: inout [UInt8]) {
        func newline(_ level: Int) {
            guard pretty else { return }
            output.append(0x0A)
            output.append(contentsOf: Array(repeating: UInt8(ascii: " "), count: level * 2))
        }
        switch value {
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, pretty: pretty, indent: indent + 1, to: &output)
            }
            if !elements.isEmpty { newline(indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                CanonicalJSON.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, pretty: pretty, indent: indent + 1, to: &output)
            }
            if !object.isEmpty { newline(indent) }
            output.append(UInt8(ascii: "}"))
        default:
            CanonicalJSON.write(value, to: &output)
        }
    }
}

extension JSONValue {
    /// `.string`, or `.null` for nil.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// `.integer`, or `.null` for nil.
    public static func optional(_ number: Int?) -> JSONValue { number.map(JSONValue.integer) ?? .null }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Keeps the order written, which is the order the contract lists keys in.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
