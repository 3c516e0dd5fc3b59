/// RFC 4180 CSV with a detected separator; records remember the physical line they start on.
struct CSVParser {
    struct Record {
        var line: Int
        var fields: [String]
    }

    enum Failure: Error {
        case unterminatedQuote(line: Int)
        case quoteInsideField(line: Int)
    }

    let separator: UInt8

    /// `,` or `;` (Excel in a Vietnamese locale writes `;`), or tab, whichever the header
    /// uses most outside quotes.
    static func detectSeparator(header: ArraySlice<UInt8>, isTSV: Bool) -> UInt8 {
        if isTSV { return 0x09 }
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in header {
            if byte == 0x0A { break }
            if byte == 0x22 { quoted.toggle() }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! }!
    }

    func parse(_ bytes: [UInt8], _ body: (Record) throws -> Void) throws {
        var line = 1
        var index = 0
        let count = bytes.count
        while index < count {
            let recordLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var endOfRecord = false
            while !endOfRecord {
                if index < count, bytes[index] == 0x22 {
                    index += 1
                    while true {
                        guard index < count else { throw Failure.unterminatedQuote(line: recordLine) }
                        let byte = bytes[index]
                        if byte == 0x22 {
                            if index + 1 < count, bytes[index + 1] == 0x22 {
                                field.append(0x22)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                        index += 1
                    }
                    if index < count, bytes[index] != separator, bytes[index] != 0x0A, bytes[index] != 0x0D {
                        throw Failure.quoteInsideField(line: recordLine)
                    }
                }
                while index < count, bytes[index] != separator, bytes[index] != 0x0A {
                    if bytes[index] == 0x22 { throw Failure.quoteInsideField(line: recordLine) }
                    field.append(bytes[index])
                    index += 1
                }
                if field.last == 0x0D, index >= count || bytes[index] == 0x0A { field.removeLast() }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                if index >= count {
                    endOfRecord = true
                } else if bytes[index] == separator {
                    index += 1
                } else {
                    index += 1
                    line += 1
                    endOfRecord = true
                }
            }
            if !(fields.count == 1 && fields[0].isEmpty) { try body(Record(line: recordLine, fields: fields)) }
        }
    }
}
