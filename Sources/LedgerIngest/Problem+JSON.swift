import LedgerDomain

extension Problem {
    /// `{"line","field","code","message"}` as in `errors.json` (CONTRACT §6.2).
    public func json(language: Language) -> JSONValue {
        .object([
            "line": .optional(line), "field": .optional(field), "code": .string(code.rawValue),
            "message": .string(message(in: language)),
        ])
    }
}

extension FileOutcome {
    /// The content of `<name>.errors.json`.
    public func errorsDocument(language: Language) -> JSONValue {
        var document: JSONObject = [
            "file": .string(fileName), "sha256": .optional(sha256),
            "errors": .array(problems.map { $0.json(language: language) }),
        ]
        if unlistedProblems > 0 { document.append("unlisted_errors", .integer(unlistedProblems)) }
        return .object(document)
    }

    /// One entry of `ingest --json` (CONTRACT §8).
    public func summary(language: Language) -> JSONValue {
        .object([
            "file": .string(path), "status": .string(status.rawValue), "appended": .integer(appended),
            "duplicates": .integer(duplicates), "errors": .array(problems.map { $0.json(language: language) }),
        ])
    }
}
