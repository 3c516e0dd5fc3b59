import LedgerDomain
import LedgerFiles

/// `.json`: one event object, or an array of them (errors name the 1-based position).
struct JSONFileReader: RecordReader {
    func read(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws {
        let bytes: [UInt8]
        switch TextDecoder.utf8(try file.readAll(), fallback: .none) {
        case .failure(let problem):
            try emit(.problem(problem))
            return
        case .success(let decoded): bytes = decoded
        }
        let parser = JSONParser()
        try bytes.withUnsafeBufferPointer { buffer in
            do {
                let wasArray = try parser.forEachArrayElement(in: buffer) { position, value in
                    try emit(.value(value, line: position))
                }
                if !wasArray { try emit(.value(try parser.parse(buffer), line: 1)) }
            } catch let failure as JSONParser.ArrayElementFailure {
                // A file that ends inside its array (cut off in transfer) is wrong as a whole,
                // not at its last element: line null, as for any problem of the whole file.
                let truncated = failure.failure.reason == .unexpectedEnd
                try emit(.problem(Problem.malformed(failure.failure.text).at(line: truncated ? nil : failure.position)))
            } catch let failure as JSONParser.Failure {
                // Not even one whole value: a problem of the whole file (CONTRACT §12: line null).
                try emit(.problem(Problem.malformed(failure.text).at(line: nil)))
            }
        }
    }
}
