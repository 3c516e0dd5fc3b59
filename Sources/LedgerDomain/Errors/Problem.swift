/// One problem found in an event file: the unit of `errors.json` (CONTRACT §6.2).
public struct Problem: Sendable, Equatable, Error {
    /// 1-based physical line (NDJSON, CSV) or array position (JSON); nil for the whole file.
    public var line: Int?
    /// Dotted path from the event (`data.awards[1].rank`); nil when no field is at fault.
    public var field: String?
    public var code: ErrorCode
    public var text: LocalizedText

    public init(line: Int? = nil, field: String?, code: ErrorCode, text: LocalizedText) {
        self.line = line
        self.field = field
        self.code = code
        self.text = text
    }

    public func message(in language: Language) -> String { text.text(in: language) }

    /// The same problem placed on a line of the file.
    public func at(line: Int?) -> Problem {
        var copy = self
        copy.line = line
        return copy
    }
}
