import LedgerDomain
import LedgerFiles

/// `.ndjson` / `.jsonl`: one event per line, blank lines allowed, streamed in chunks so
/// that a file of a million events is read in constant memory.
struct NDJSONReader: RecordReader {
    let parser = JSONParser()

    func read(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws {
        let head = file.prefix(2)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            switch TextDecoder.utf8(try file.readAll(), fallback: .none) {
            case .failure(let problem): try emit(.problem(problem))
            case .success(let bytes):
                var splitter = LineSplitter()
                try splitter.feed(bytes[...]) { try handle($0, line: $1, emit: emit) }
                try splitter.finish { try handle($0, line: $1, emit: emit) }
            }
            return
        }
        var splitter = LineSplitter()
        try file.forEachChunk { chunk in
            try splitter.feed(chunk.bindMemory(to: UInt8.self)[...]) { try handle($0, line: $1, emit: emit) }
        }
        try splitter.finish { try handle($0, line: $1, emit: emit) }
    }

    private func handle(_ line: UnsafeBufferPointer<UInt8>, line number: Int, emit: (FileRecord) throws -> Void) throws {
        var body = line
        if number == 1, body.starts(with: TextDecoder.utf8BOM) { body = UnsafeBufferPointer(rebasing: body[3...]) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        guard UTF8Validator.isValid(body) else {
            try emit(.problem(Problem.encoding(ProblemDetail.lineNotUTF8).at(line: number)))
            return
        }
        do {
            try emit(.value(try parser.parse(body), line: number))
        } catch let failure as JSONParser.Failure {
            try emit(.problem(Problem.malformed(failure.text).at(line: number)))
        }
    }
}

/// Splits a byte stream into lines (LF or CRLF) across chunk boundaries, numbering them.
struct LineSplitter {
    private var carry: [UInt8] = []
    private var lineNumber = 0

    mutating func feed(_ chunk: Slice<UnsafeBufferPointer<UInt8>>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        try feedBytes(UnsafeBufferPointer(rebasing: chunk), body)
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        try chunk.withUnsafeBufferPointer { try feedBytes($0, body) }
    }

    private mutating func feedBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            lineNumber += 1
            if carry.isEmpty {
                try body(Self.trimCR(UnsafeBufferPointer(rebasing: bytes[start..<newline])), lineNumber)
            } else {
                carry.append(contentsOf: bytes[start..<newline])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { try body(Self.trimCR($0), lineNumber) }
            }
            start = newline + 1
        }
        carry.append(contentsOf: bytes[start...])
    }

    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        guard !carry.isEmpty else { return }
        lineNumber += 1
        let line = carry
        carry.removeAll()
        try line.withUnsafeBufferPointer { try body(Self.trimCR($0), lineNumber) }
    }

    private static func trimCR(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        line.last == 0x0D ? UnsafeBufferPointer(rebasing: line[..<(line.count - 1)]) : line
    }
}
