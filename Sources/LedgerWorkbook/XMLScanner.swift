/// A pull scanner for the XML of SpreadsheetML parts: elements, attributes, text, CDATA,
/// the five predefined entities and character references — and nothing else.
///
/// Written here rather than taken from Foundation's `XMLParser` (libxml2) or the XML
/// packages built on it, because a workbook comes from anyone: a document type
/// declaration, and with it every entity expansion ("billion laughs") and external
/// fetch, is refused by construction instead of by configuration; the work is one pass
/// over bytes already bounded by `WorkbookLimits`; and a 50,000-row sheet is read without
/// building a tree. Office, LibreOffice and openpyxl write nothing this does not read.
///
/// It also reads a part as it is unpacked (`streaming`): bytes are appended chunk by
/// chunk, `next()` returns nil when the next event is not all there yet, and what was read
/// is dropped, so a sheet of 100 MiB costs a chunk and one token in memory. One token (a
/// cell's text, a tag) may not pass `maxToken`: Excel's own cell holds 32,767 characters.
public struct XMLScanner {
    public enum Event: Equatable {
        /// An element's local name (prefix dropped) and attributes; `selfClosing` for `<c/>`.
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    public enum Failure: Error, Equatable {
        /// `<!DOCTYPE` or `<!ENTITY`: never in a workbook, the carrier of entity bombs.
        case documentType
        /// `&name;` other than the five of XML, or a bad character reference.
        case unknownEntity(String)
        /// Not well-formed at this byte offset.
        case syntax(offset: Int)
        /// One tag or text longer than `maxToken` bytes.
        case tokenTooLong(offset: Int)
        /// Streaming: the event goes on past the bytes appended so far.
        case incomplete
    }

    private var bytes: [UInt8]
    private var index = 0
    /// False while more bytes may be appended.
    private var complete: Bool
    /// Bytes dropped from the front (streaming), for offsets in messages.
    private var dropped = 0
    public static let maxToken = 1 << 20

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        complete = true
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// A scanner fed with `append` as the part is unpacked, then `finish`.
    public init(streaming: Void) {
        bytes = []
        complete = false
    }

    /// Adds the next bytes of the part, dropping those already read.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) {
        if index > 0 {
            bytes.removeFirst(index)
            dropped += index
            index = 0
        }
        if dropped == 0, bytes.isEmpty, chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.append(contentsOf: chunk.dropFirst(3))
            dropped = 3
        } else {
            bytes.append(contentsOf: chunk)
        }
    }

    /// No more bytes will come: what is left must be whole.
    public mutating func finish() { complete = true }

    /// The next event, or nil at the end — or, streaming, when the next event is not all
    /// there yet (append more, then ask again).
    public mutating func next() throws(Failure) -> Event? {
        let start = index
        do {
            return try scan()
        } catch .incomplete {
            index = start
            if bytes.count - start > Self.maxToken { throw .tokenTooLong(offset: dropped + start) }
            return nil
        } catch {
            if case .syntax(let offset) = error { throw .syntax(offset: dropped + offset) }
            throw error
        }
    }

    /// A syntax error at the end of the bytes, or, while more may come, `incomplete`.
    private func endReached(_ offset: Int) -> Failure { complete ? .syntax(offset: offset) : .incomplete }

    private mutating func scan() throws(Failure) -> Event? {
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") { return .text(try text()) }
            guard index + 1 < bytes.count else { throw endReached(index) }
            switch bytes[index + 1] {
            case UInt8(ascii: "?"):
                try skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")])
            case UInt8(ascii: "!"):
                if !complete, bytes.count - index < 9 { throw .incomplete }
                if hasPrefix("<!--") {
                    try skip(past: Array("-->".utf8))
                } else if hasPrefix("<![CDATA[") {
                    index += 9
                    let start = index
                    try skip(past: Array("]]>".utf8))
                    return .text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))
                } else {
                    // <!DOCTYPE …>, <!ENTITY …>, <!ELEMENT …>: a document type declaration.
                    throw .documentType
                }
            case UInt8(ascii: "/"):
                index += 2
                let name = try self.name()
                skipSpace()
                guard index < bytes.count else { throw endReached(index) }
                guard bytes[index] == UInt8(ascii: ">") else { throw .syntax(offset: index) }
                index += 1
                return .end(name: name)
            default:
                return try startTag()
            }
        }
        return nil
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        let utf8 = Array(prefix.utf8)
        return index + utf8.count <= bytes.count && bytes[index..<(index + utf8.count)].elementsEqual(utf8)
    }

    private mutating func skip(past terminator: [UInt8]) throws(Failure) {
        let start = index
        while index + terminator.count <= bytes.count {
            if bytes[index] == terminator[0], bytes[index..<(index + terminator.count)].elementsEqual(terminator) {
                index += terminator.count
                return
            }
            index += 1
        }
        throw endReached(start)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// A name, returned without its namespace prefix (`x:row` → `row`).
    private mutating func name() throws(Failure) -> String {
        let start = index
        var localStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=")
            {
                break
            }
            if byte == UInt8(ascii: ":") { localStart = index + 1 }
            index += 1
        }
        if index == bytes.count, !complete { throw .incomplete }
        guard index > start, localStart < index else { throw .syntax(offset: start) }
        return String(decoding: bytes[localStart..<index], as: UTF8.self)
    }

    private mutating func startTag() throws(Failure) -> Event {
        index += 1
        let name = try self.name()
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard index < bytes.count else { throw endReached(index) }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return .start(name: name, attributes: attributes, selfClosing: false)
            }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < bytes.count else { throw endReached(index) }
                guard bytes[index + 1] == UInt8(ascii: ">") else { throw .syntax(offset: index) }
                index += 2
                return .start(name: name, attributes: attributes, selfClosing: true)
            }
            let key = try self.name()
            skipSpace()
            guard index < bytes.count else { throw endReached(index) }
            guard bytes[index] == UInt8(ascii: "=") else { throw .syntax(offset: index) }
            index += 1
            skipSpace()
            guard index < bytes.count else { throw endReached(index) }
            guard bytes[index] == 0x22 || bytes[index] == 0x27 else { throw .syntax(offset: index) }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "<") { throw .syntax(offset: index) }
                index += 1
            }
            guard index < bytes.count else { throw endReached(start) }
            attributes[key] = try decode(bytes[start..<index])
            index += 1
        }
    }

    private mutating func text() throws(Failure) -> String {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        // Text runs to the next tag, which may be in bytes still to come.
        if index == bytes.count, !complete { throw .incomplete }
        return try decode(bytes[start..<index])
    }

    /// Text with `&amp;` and friends and `&#…;` replaced.
    private func decode(_ raw: ArraySlice<UInt8>) throws(Failure) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = raw.startIndex
        while position < raw.endIndex {
            let byte = raw[position]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                position += 1
                continue
            }
            guard let semicolon = raw[position...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw .unknownEntity(String(decoding: raw[position...].prefix(12), as: UTF8.self))
            }
            let entity = String(decoding: raw[(position + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "amp": output.append(UInt8(ascii: "&"))
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "quot": output.append(0x22)
            case "apos": output.append(0x27)
            default:
                guard entity.hasPrefix("#") else { throw .unknownEntity(entity) }
                let digits = entity.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value) else { throw .unknownEntity(entity) }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            position = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
