import LedgerDomain
import LedgerFiles

/// `.csv` / `.tsv` (CONTRACT §4.1): decoded, parsed, and each row converted to an event shape.
struct CSVFileReader: RecordReader {
    let isTSV: Bool
    let fallback: TextDecoder.Fallback

    func read(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws {
        let bytes: [UInt8]
        switch TextDecoder.utf8(try file.readAll(), fallback: fallback) {
        case .failure(let problem):
            try emit(.problem(problem))
            return
        case .success(let decoded): bytes = decoded
        }
        let parser = CSVParser(separator: CSVParser.detectSeparator(header: bytes[...], isTSV: isTSV))
        var converter: CSVRowConverter?
        var headerIsValid = false
        do {
            try parser.parse(bytes) { record in
                guard let current = converter else {
                    let header = CSVRowConverter(header: record.fields.map { TextNormalizer.normalize($0) })
                    converter = header
                    let problems = header.headerProblems()
                    headerIsValid = problems.isEmpty
                    for problem in problems { try emit(.problem(problem)) }
                    return
                }
                guard headerIsValid else { return }
                switch current.convert(record) {
                case .success(let value): try emit(.value(value, line: record.line))
                case .failure(let failure): for problem in failure.problems { try emit(.problem(problem.at(line: record.line))) }
                }
            }
        } catch CSVParser.Failure.unterminatedQuote(let line) {
            try emit(.problem(Problem.malformed(ProblemDetail.unclosedQuote).at(line: line)))
        } catch CSVParser.Failure.quoteInsideField(let line) {
            try emit(.problem(Problem.malformed(ProblemDetail.quoteInsideCell).at(line: line)))
        }
        if converter == nil {
            try emit(.problem(.malformed(ProblemDetail.noHeader)))
        }
    }
}
