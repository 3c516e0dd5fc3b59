/// RFC 8785 (JSON Canonicalization Scheme) serialisation.
///
/// The hash chain and the idempotency check both rest on this form: members sorted by
/// their UTF-16 code units, no whitespace, strings escaped exactly as ECMAScript's
/// `JSON.stringify` does, integers in plain decimal.
public enum CanonicalJSON {
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, to: &output)
        return output
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }

    public static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): writeInteger(number, to: &output)
        case .number(let text): output.append(contentsOf: canonicalNumber(text).utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            let sorted = object.members.sorted { utf16Precedes($0.key, $1.key) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.3: keys compare as arrays of UTF-16 code units.
    public static func utf16Precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    public static func writeInteger(_ number: Int, to output: inout [UInt8]) {
        output.append(contentsOf: String(number).utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                writeEscaped(byte, to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x22: output.append(contentsOf: [0x5C, 0x22])
        case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
        case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x00..<0x20:
            output.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        default: output.append(byte)
        }
    }

    /// `1.111e+19` → `11110000000000000000`, `42.0` → `42`: the shortest round-trip digits
    /// of an integral value padded with zeros, as ECMAScript's `Number::toString`.
    static func integralDigits(_ value: Double) -> String {
        if value == 0 { return "0" }
        let text = "\(abs(value))"
        let sign = value < 0 ? "-" : ""
        let parts = text.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else {
            return sign + (text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
        }
        let digits = parts[0].filter { $0 != "." }
        return sign + digits + String(repeating: "0", count: max(0, exponent - (digits.count - 1)))
    }

    /// Non-integer numbers never reach stored events (every numeric field is a whole
    /// number); this keeps the writer total by using the shortest round-trip form.
    private static func canonicalNumber(_ text: String) -> String {
        guard let double = Double(text), double.isFinite else { return "null" }
        // Below 10^21 ECMAScript writes an integral value in full: its shortest digits,
        // then zeros. (Through `Int` this trapped past 2^63, found by fuzzing.)
        if double == double.rounded(.towardZero), abs(double) < 1e21 {
            return integralDigits(double)
        }
        return "\(double)"
    }
}
