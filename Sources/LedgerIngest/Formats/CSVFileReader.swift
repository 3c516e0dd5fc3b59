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
        // The header is decided on the second record: a template saved as CSV has its
        // Vietnamese labels in row 1 and the codes in row 2 (TableHeader).
        var first: CSVParser.Record?
        var table: (header: TableHeader, converter: CSVRowConverter)?
        var headerIsValid = false
        func start(second: CSVParser.Record?) throws {
            let header = TableHeader(first: first?.fields ?? [], second: second?.fields)
            let converter = CSVRowConverter(header: header.codes)
            table = (header, converter)
            let problems = converter.headerProblems()
            headerIsValid = problems.isEmpty
            for problem in problems { try emit(.problem(problem)) }
        }
        func convert(_ record: CSVParser.Record) throws {
            guard headerIsValid, let (header, converter) = table, !header.isEmpty(record.fields) else { return }
            switch converter.convert(record) {
            case .success(let value): try emit(.value(value, line: record.line))
            case .failure(let failure): for problem in failure.problems { try emit(.problem(problem.at(line: record.line))) }
            }
        }
        do {
            try parser.parse(bytes) { record in
                if first == nil {
                    first = record
                } else if table == nil {
                    try start(second: record)
                    if !(table?.header.isTemplate ?? false) { try convert(record) }
                } else {
                    try convert(record)
                }
            }
            if first != nil, table == nil { try start(second: nil) }
        } catch CSVParser.Failure.unterminatedQuote(let line) {
            try emit(.problem(Problem.malformed(ProblemDetail.unclosedQuote).at(line: line)))
        } catch CSVParser.Failure.quoteInsideField(let line) {
            try emit(.problem(Problem.malformed(ProblemDetail.quoteInsideCell).at(line: line)))
        }
        if first == nil {
            try emit(.problem(.malformed(ProblemDetail.noHeader)))
        }
    }
}
