/// CSV reader in every encoding: the bytes are decoded as the inbox does (UTF-8 with or
/// without BOM, UTF-16 with BOM, else Windows-1258), parsed, each row converted to an
/// event shape and decoded as an envelope. Nothing may trap; every row keeps its line.
enum FuzzCSV {
    static func run(_ input: UnsafeRawBufferPointer) {
        guard case .success(let text) = TextDecoder.utf8(Array(input), fallback: .windows1258) else { return }
        guard UTF8Validator.isValid(text) else { fuzzFailure("decoded text is not UTF-8") }
        for isTSV in [false, true] {
            let parser = CSVParser(separator: CSVParser.detectSeparator(header: text[...], isTSV: isTSV))
            var converter: CSVRowConverter?
            var lastLine = 0
            try? parser.parse(text) { record in
                guard record.line > lastLine else { fuzzFailure("lines must increase") }
                lastLine = record.line
                guard let current = converter else {
                    converter = CSVRowConverter(header: record.fields.map { TextNormalizer.normalize($0) })
                    _ = converter?.headerProblems()
                    return
                }
                if case .success(let value) = current.convert(record) {
                    _ = EnvelopeDecoder().decode(value, folderAgency: "BST")
                }
            }
        }
    }
}
