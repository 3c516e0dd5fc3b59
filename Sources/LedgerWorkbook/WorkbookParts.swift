import LedgerDomain

/// The index of a workbook: its sheets in order with their names, visibility and parts,
/// its date system, and its shared strings.
public struct WorkbookIndex {
    public struct Sheet {
        public let name: String
        public let hidden: Bool
        /// The part's path in the package (`xl/worksheets/sheet1.xml`).
        public let part: String
    }

    public var sheets: [Sheet] = []
    /// Serial dates count from 1904-01-01 (old Mac workbooks) instead of 1900.
    public var date1904 = false
    public var sharedStrings: [String] = []

    public init(_ archive: inout WorkbookArchive) throws {
        let relationships = try Self.relationships(archive.requiredPart("xl/_rels/workbook.xml.rels"))
        var scanner = XMLScanner(try archive.requiredPart("xl/workbook.xml"))
        while let event = try WorkbookReadFailure.next(&scanner, part: "xl/workbook.xml") {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let flag = attributes["date1904"] { date1904 = flag == "1" || flag == "true" }
            guard name == "sheet", let sheetName = attributes["name"], let id = attributes["id"], let target = relationships[id] else {
                continue
            }
            let state = attributes["state"] ?? "visible"
            if sheets.count == archive.limits.maxSheets {
                throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.tooManySheets(sheets.count + 1, limit: archive.limits.maxSheets)))
            }
            sheets.append(Sheet(name: TextNormalizer.normalize(sheetName), hidden: state != "visible", part: Self.resolve(target)))
        }
        sharedStrings = try Self.sharedStrings(&archive)
    }

    /// `Id → Target` of the workbook's relationships.
    private static func relationships(_ bytes: [UInt8]) throws(WorkbookReadFailure) -> [String: String] {
        var scanner = XMLScanner(bytes)
        var targets: [String: String] = [:]
        while let event = try WorkbookReadFailure.next(&scanner, part: "xl/_rels/workbook.xml.rels") {
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
        return targets
    }

    /// A relationship target as a package path: relative to `xl/`, or absolute from the root.
    private static func resolve(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// Every `<si>`'s text: plain `<t>` or the runs of rich text, without phonetic guides.
    /// Read as the part is unpacked: the strings are kept (cells look them up by index),
    /// the XML they came in is not.
    private static func sharedStrings(_ archive: inout WorkbookArchive) throws -> [String] {
        let part = "xl/sharedStrings.xml"
        var scanner = XMLScanner(streaming: ())
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        var kept = 0
        let limit = archive.limits.maxSharedStringBytes
        func handle(_ event: XMLScanner.Event) throws {
            switch event {
            case .start("si", _, let selfClosing):
                current = ""
                if selfClosing { strings.append("") }
            case .end("si"):
                kept += current.utf8.count
                if kept > limit {
                    throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.sharedStringsSize(limit: limit)))
                }
                strings.append(current)
            case .start("rPh", _, false): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let selfClosing): inText = !selfClosing
            case .end("t"): inText = false
            case .text(let text) where inText && !inPhonetic: current += text
            default: break
            }
        }
        let found = try archive.stream(part) { chunk in
            scanner.append(chunk)
            while let event = try WorkbookReadFailure.next(&scanner, part: part) { try handle(event) }
        }
        guard found else { return [] }
        scanner.finish()
        while let event = try WorkbookReadFailure.next(&scanner, part: part) { try handle(event) }
        return strings
    }
}

/// Why a workbook could not be read: one problem of the whole file.
public struct WorkbookReadFailure: Error {
    public let problem: Problem

    /// The scanner's next event, a problem naming the part when the XML is refused.
    public static func next(_ scanner: inout XMLScanner, part: String) throws(WorkbookReadFailure) -> XMLScanner.Event? {
        do {
            return try scanner.next()
        } catch {
            switch error {
            case .documentType: throw WorkbookReadFailure(problem: .malformed(ProblemDetail.documentType))
            case .unknownEntity(let entity): throw WorkbookReadFailure(problem: .malformed(ProblemDetail.unknownEntity(entity)))
            case .syntax(let offset): throw WorkbookReadFailure(problem: .malformed(ProblemDetail.xmlSyntax(part: part, offset: offset)))
            case .tokenTooLong(let offset):
                throw WorkbookReadFailure(
                    problem: .workbookTooLarge(ProblemDetail.xmlTokenTooLong(part: part, offset: offset, limit: XMLScanner.maxToken)))
            case .incomplete: throw WorkbookReadFailure(problem: .malformed(ProblemDetail.xmlSyntax(part: part, offset: 0)))
            }
        }
    }
}
