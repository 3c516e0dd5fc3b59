import LedgerDomain

/// The filled cells of one worksheet, row by row, read as the sheet is unpacked: a row is
/// handed on as soon as it ends, and nothing of it is kept.
public struct SheetGrid {
    public struct Cell {
        /// The column, 0 for A.
        public let column: Int
        public let text: String
        /// A number cell (`t="n"` or none): a date field reads it as an Excel serial date.
        public let isNumber: Bool
        /// An ISO 8601 date cell (`t="d"`, written by some tools instead of a serial).
        public var isISODate = false
    }

    public struct Row {
        /// The 1-based row number of the sheet.
        public let number: Int
        public let cells: [Cell]
    }

    public let sheet: String
    public let part: String
    public let sharedStrings: [String]
    public let limits: WorkbookLimits

    public init(sheet: String, part: String, sharedStrings: [String], limits: WorkbookLimits) {
        self.sheet = sheet
        self.part = part
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    /// Reads the sheet's part from `archive`, calling `row` for each row with cells.
    /// - Throws: a problem of the whole file for bad XML, a row beyond `maxRows`, a cell
    ///   beyond `maxColumns` or a shared-string index out of range (with its sheet and
    ///   cell), or whatever `row` throws.
    /// - Returns: false when the package lacks the part.
    public func read(from archive: inout WorkbookArchive, _ row: (Row) throws -> Void) throws -> Bool {
        var scanner = XMLScanner(streaming: ())
        var state = State()
        let found = try archive.stream(part) { chunk in
            scanner.append(chunk)
            while let event = try WorkbookReadFailure.next(&scanner, part: part) { try handle(event, &state, row) }
        }
        guard found else { return false }
        scanner.finish()
        while let event = try WorkbookReadFailure.next(&scanner, part: part) { try handle(event, &state, row) }
        return true
    }

    /// Where the scan is inside the sheet.
    private struct State {
        var cells: [Cell] = []
        var rowNumber = 0
        var cell: (reference: String?, column: Int, type: String)? = nil
        var value = "", inline = ""
        var inValue = false, inInlineText = false
    }

    private func handle(_ event: XMLScanner.Event, _ s: inout State, _ row: (Row) throws -> Void) throws {
        switch event {
        case .start("row", let attributes, let selfClosing):
            s.rowNumber = attributes["r"].flatMap { Int($0) } ?? s.rowNumber + 1
            if s.rowNumber > limits.maxRows || s.rowNumber < 1 {
                throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.tooManyRows(sheet: sheet, limit: limits.maxRows)))
            }
            s.cells = []
            if selfClosing { return }
        case .end("row"):
            if !s.cells.isEmpty { try row(Row(number: s.rowNumber, cells: s.cells)) }
            s.cells = []
        case .start("c", let attributes, let selfClosing):
            let reference = attributes["r"]
            let column = reference.flatMap(Self.column(of:)) ?? (s.cells.last.map { $0.column + 1 } ?? 0)
            if column >= limits.maxColumns {
                var problem = Problem.malformed(ProblemDetail.tooManyColumns(sheet: sheet, limit: limits.maxColumns))
                problem.line = s.rowNumber
                problem.sheet = sheet
                problem.cell = reference.map { String($0.prefix(16)) } ?? "\(SheetColumns.letters(of: column))\(s.rowNumber)"
                throw WorkbookReadFailure(problem: problem)
            }
            if s.cells.count >= limits.maxColumns {
                throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.tooManyColumns(sheet: sheet, limit: limits.maxColumns)))
            }
            s.cell = selfClosing ? nil : (reference, column, attributes["t"] ?? "n")
            s.value = ""
            s.inline = ""
        case .start("v", _, let selfClosing): s.inValue = !selfClosing
        case .end("v"): s.inValue = false
        case .start("t", _, let selfClosing): s.inInlineText = !selfClosing && s.cell != nil
        case .end("t"): s.inInlineText = false
        case .text(let text):
            if s.inValue { s.value += text } else if s.inInlineText { s.inline += text }
            if s.value.utf8.count + s.inline.utf8.count > XMLScanner.maxToken {
                throw WorkbookReadFailure(
                    problem: .workbookTooLarge(ProblemDetail.xmlTokenTooLong(part: part, offset: 0, limit: XMLScanner.maxToken)))
            }
        case .end("c"):
            guard let current = s.cell else { return }
            s.cell = nil
            let text: String
            switch current.type {
            case "s":
                guard let index = Int(s.value.trimmingSpaces), index >= 0, index < sharedStrings.count else {
                    var problem = Problem.malformed(ProblemDetail.sharedString(String(s.value.trimmingSpaces.prefix(24)), count: sharedStrings.count))
                    problem.line = s.rowNumber
                    problem.sheet = sheet
                    problem.cell = current.reference ?? "\(SheetColumns.letters(of: current.column))\(s.rowNumber)"
                    throw WorkbookReadFailure(problem: problem)
                }
                text = sharedStrings[index]
            case "inlineStr": text = s.inline
            case "b": text = s.value == "1" ? "TRUE" : s.value == "0" ? "FALSE" : s.value
            case "d": text = s.value.trimmingSpaces
            default: text = s.value
            }
            if !text.isEmpty {
                s.cells.append(Cell(column: current.column, text: text, isNumber: current.type == "n", isISODate: current.type == "d"))
            }
        default: break
        }
    }

    /// `C7` → 2; nil for a reference that is not letters then digits; `Int.max` for more
    /// than three letters (past any sheet's last column, XFD).
    public static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            if (0x41...0x5A).contains(byte) {
                column = column * 26 + Int(byte - 0x40)
                letters += 1
                if letters > 3 { return Int.max }
            } else {
                break
            }
        }
        return letters == 0 ? nil : column - 1
    }
}

extension String {
    fileprivate var trimmingSpaces: String { TextNormalizer.normalize(self) }
}

/// Excel's serial dates: days since 1899-12-30 in the 1900 system (whose fictitious
/// 29 February 1900 is serial 60), or since 1904-01-01.
public enum ExcelDate {
    /// The date (and, with a fraction of a day, the local time in `zone`, the configured
    /// `timezone`) of a serial, as text the date rules read: `2024-03-15` or
    /// `2024-03-15T14:30:00+07:00`; nil if not a serial.
    public static func text(serial text: String, date1904: Bool, withTime: Bool, zone: LocalZone = .hoChiMinh) -> String? {
        guard let serial = Double(text), serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if date1904 {
            days += 1462
        } else if days < 61 {
            days += 1
        }
        let date = LocalDate(daysSinceEpoch: days - 25_569)
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded())
        guard withTime, seconds > 0, seconds < 86_400 else { return date.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        // The offset the zone has at that wall-clock time (found as `LocalZone.instant` does).
        let instant = zone.instant(of: date, hour: seconds / 3600, minute: seconds / 60 % 60)
        let offset = zone.offsetSeconds(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let zoneText = "\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))\(zoneText)"
    }

    /// An ISO 8601 cell (`2024-03-15`, `2024-03-15T14:30:00`): the date, or with a time
    /// other than midnight and no offset of its own, the local time in `zone`; anything
    /// else is left as written for the date rules to judge.
    public static func text(iso value: String, withTime: Bool, zone: LocalZone = .hoChiMinh) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count >= 10, let date = LocalDate.parse(String(decoding: bytes[0..<10], as: UTF8.self)) else { return value }
        guard bytes.count > 10 else { return date.description }
        guard bytes[10] == UInt8(ascii: "T"), bytes.count >= 16 else { return value }
        let time = String(decoding: bytes[11...], as: UTF8.self)
        if time.hasPrefix("00:00:00") && (time.count == 8 || time.dropFirst(8).allSatisfy { $0 == "0" || $0 == "." || $0 == "Z" }) || !withTime {
            return date.description
        }
        if time.contains("Z") || time.contains("+") || time.dropFirst(5).contains("-") { return value }
        let hour = Int(time.prefix(2)) ?? 0, minute = Int(time.dropFirst(3).prefix(2)) ?? 0
        let second = time.count >= 8 ? Int(time.dropFirst(6).prefix(2)) ?? 0 : 0
        let serialLike = Double(date.daysSinceEpoch + 25_569) + Double(hour * 3600 + minute * 60 + second) / 86_400
        return text(serial: String(serialLike), date1904: false, withTime: true, zone: zone) ?? value
    }
}
