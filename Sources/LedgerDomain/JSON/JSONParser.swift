/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// The ledger has its own parser rather than Foundation's because it must reject nesting
/// deeper than the contract allows before recursing, reject duplicate keys, keep integers
/// exact, and parse a million events quickly without bridging through `Any`.
public struct JSONParser {
    /// Why a document could not be parsed.
    public struct Failure: Error, Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            case unexpectedEnd
            case unexpectedByte(UInt8)
            case tooDeep(limit: Int)
            case duplicateKey(String)
            case invalidEscape
            case invalidNumber
            case trailingContent
            case controlCharacterInString
        }

        public var reason: Reason
        /// Byte offset in the document where the problem was found.
        public var offset: Int
    }

    /// Deepest container allowed; the event object itself is depth 1.
    public let maxDepth: Int

    public init(maxDepth: Int = 32) {
        self.maxDepth = maxDepth
    }

    /// Parses one complete document.
    ///
    /// - Parameter topLevelArrayIsFree: when true, a top-level array does not count as a
    ///   level, so the events inside a JSON array file start at depth 1 like a lone object.
    public func parse(_ bytes: some Collection<UInt8>, topLevelArrayIsFree: Bool = false) throws(Failure) -> JSONValue {
        let buffer = Array(bytes)
        return try buffer.withUnsafeBufferPointer { (pointer) throws(Failure) -> JSONValue in
            var cursor = Cursor(bytes: pointer, maxDepth: maxDepth)
            cursor.skipWhitespace()
            let startDepth = (topLevelArrayIsFree && cursor.peek() == UInt8(ascii: "[")) ? -1 : 0
            let value = try cursor.parseValue(depth: startDepth)
            cursor.skipWhitespace()
            if cursor.position != pointer.count { throw Failure(reason: .trailingContent, offset: cursor.position) }
            return value
        }
    }
}

extension JSONParser {
    /// Streams the elements of a top-level JSON array, one at a time, so that a large
    /// array file is validated element by element with its 1-based position.
    ///
    /// - Returns: false when the document is not an array (the caller parses it whole).
    public func forEachArrayElement(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (Int, JSONValue) throws -> Void
    ) throws -> Bool {
        var cursor = Cursor(bytes: bytes, maxDepth: maxDepth)
        cursor.skipWhitespace()
        guard cursor.peek() == UInt8(ascii: "[") else { return false }
        cursor.position += 1
        cursor.skipWhitespace()
        var index = 0
        if cursor.peek() == UInt8(ascii: "]") {
            cursor.position += 1
        } else {
            while true {
                index += 1
                let element: JSONValue
                do { element = try cursor.parseValue(depth: 0) } catch let failure {
                    throw ArrayElementFailure(position: index, failure: failure)
                }
                try body(index, element)
                cursor.skipWhitespace()
                guard let next = cursor.peek() else {
                    throw ArrayElementFailure(position: index, failure: Failure(reason: .unexpectedEnd, offset: cursor.position))
                }
                cursor.position += 1
                if next == UInt8(ascii: "]") { break }
                if next != UInt8(ascii: ",") {
                    throw ArrayElementFailure(position: index, failure: Failure(reason: .unexpectedByte(next), offset: cursor.position - 1))
                }
                cursor.skipWhitespace()
            }
        }
        cursor.skipWhitespace()
        if cursor.position != bytes.count {
            throw ArrayElementFailure(position: nil, failure: Failure(reason: .trailingContent, offset: cursor.position))
        }
        return true
    }

    /// A syntax error inside a streamed array, with the element's position when known.
    public struct ArrayElementFailure: Error, Sendable {
        public var position: Int?
        public var failure: Failure
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    func fail(_ reason: JSONParser.Failure.Reason) -> JSONParser.Failure {
        JSONParser.Failure(reason: reason, offset: position)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParser.Failure) -> JSONValue {
        skipWhitespace()
        guard let byte = peek() else { throw fail(.unexpectedEnd) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail(.unexpectedByte(byte))
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParser.Failure) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail(.unexpectedEnd) }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != expected[offset] {
            position += offset
            throw fail(.unexpectedByte(bytes[position]))
        }
        position += count
    }

    mutating func parseObject(depth: Int) throws(JSONParser.Failure) -> JSONValue {
        if depth > maxDepth { throw fail(.tooDeep(limit: maxDepth)) }
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard let quote = peek() else { throw fail(.unexpectedEnd) }
            guard quote == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(quote)) }
            let keyOffset = position
            let key = try parseString()
            if object[key] != nil { throw JSONParser.Failure(reason: .duplicateKey(key), offset: keyOffset) }
            skipWhitespace()
            guard let colon = peek() else { throw fail(.unexpectedEnd) }
            guard colon == UInt8(ascii: ":") else { throw fail(.unexpectedByte(colon)) }
            position += 1
            let value = try parseValue(depth: depth)
            object.append(key, value)
            skipWhitespace()
            guard let next = peek() else { throw fail(.unexpectedEnd) }
            position += 1
            if next == UInt8(ascii: "}") { return .object(object) }
            guard next == UInt8(ascii: ",") else {
                position -= 1
                throw fail(.unexpectedByte(next))
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParser.Failure) -> JSONValue {
        if depth > maxDepth { throw fail(.tooDeep(limit: maxDepth)) }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard let next = peek() else { throw fail(.unexpectedEnd) }
            position += 1
            if next == UInt8(ascii: "]") { return .array(elements) }
            guard next == UInt8(ascii: ",") else {
                position -= 1
                throw fail(.unexpectedByte(next))
            }
        }
    }

    mutating func parseString() throws(JSONParser.Failure) -> String {
        position += 1
        let start = position
        // Fast path: no escapes, the bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail(.controlCharacterInString) }
            position += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard let escape = peek() else { throw fail(.unexpectedEnd) }
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    scalars.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    position -= 1
                    throw fail(.invalidEscape)
                }
            default:
                if byte < 0x20 { throw fail(.controlCharacterInString) }
                scalars.append(byte)
                position += 1
            }
        }
        throw fail(.unexpectedEnd)
    }

    mutating func parseHex4() throws(JSONParser.Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail(.unexpectedEnd) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidEscape)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Decodes `\uXXXX`, joining surrogate pairs; a lone surrogate is an error because
    /// the ledger stores only well-formed Unicode.
    mutating func parseUnicodeEscape() throws(JSONParser.Failure) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw fail(.invalidEscape)
            }
            position += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw fail(.invalidEscape) }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else { throw fail(.invalidEscape) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw fail(.invalidEscape) }
        return scalar
    }

    mutating func parseNumber() throws(JSONParser.Failure) -> JSONValue {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { throw fail(.invalidNumber) }
        if first == UInt8(ascii: "0") {
            position += 1
        } else {
            while let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { position += 1 }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { throw fail(.invalidNumber) }
            while let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { position += 1 }
        }
        if let exponent = peek(), exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { throw fail(.invalidNumber) }
            while let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, text.utf8.count <= 17, let value = Int(text), abs(value) <= JSONValue.maxExactInteger {
            return .integer(value)
        }
        return .number(text)
    }
}

extension JSONValue {
    /// The largest integer every JSON reader (and RFC 8785) represents exactly: 2^53 − 1.
    public static let maxExactInteger = 9_007_199_254_740_991
}
