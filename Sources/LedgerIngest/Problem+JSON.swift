import LedgerDomain

extension Problem {
    /// `{"line","field","code","message"}` as in `errors.json` (CONTRACT §6.2).
    public func json(language: Language) -> JSONValue {
        var object: JSONObject = ["line": .optional(line)]
        // A workbook's problems name the sheet and the cell beside the row.
        if let sheet {
            object.append("sheet", .string(sheet))
            object.append("cell", .optional(cell))
        }
        object.append("field", .optional(field))
        object.append("code", .string(code.rawValue))
        object.append("message", .string(message(in: language)))
        return .object(object)
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
