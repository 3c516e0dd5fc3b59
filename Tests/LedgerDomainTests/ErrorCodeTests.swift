import Testing

@testable import LedgerDomain

/// The error codes are a public contract; this pins them.
struct ErrorCodeTests {
    @Test func codesAreExactlyTheContractsList() {
        #expect(
            ErrorCode.allCases.map(\.rawValue) == [
                "malformed", "encoding", "too_large", "unsupported_format", "unknown_type", "unknown_field", "missing_field",
                "invalid_value", "invalid_date", "unknown_agency", "agency_mismatch", "not_permitted", "unknown_task", "unknown_initiative",
                "unknown_event", "id_conflict", "not_regular_file", "invalid_file_name",
            ])
    }

    @Test func everyMessageExistsInBothLanguages() {
        let problems: [Problem] = [
            .malformed(LocalizedText(vi: "x", en: "x")), .encoding(LocalizedText(vi: "x", en: "x")), .tooLarge(size: 2, limit: 1),
            .unsupportedFormat(name: "a.xlsx"), .unknownType("t"), .unknownField("f"), .missingField("f"),
            .invalidValue("f", LocalizedText(vi: "x", en: "x")), .invalidDate("f", LocalizedText(vi: "x", en: "x")),
            .unknownAgency("A", field: "agency"), .agencyMismatch(event: "A", folder: "B"),
            .notPermitted(LocalizedText(vi: "x", en: "x"), field: nil), .unknownTask("T", field: "data.task"),
            .unknownInitiative("MH-1", field: "data.initiative"),
            .unknownEvent("e", field: "corrects", LocalizedText(vi: "x", en: "x")), .idConflict(agency: "A", id: "i"),
            .notRegularFile(kind: "FIFO"), .invalidFileName(shownAs: "b%E1o.json"),
        ]
        #expect(Set(problems.map(\.code)) == Set(ErrorCode.allCases))
        for problem in problems {
            #expect(!problem.message(in: .vi).isEmpty && !problem.message(in: .en).isEmpty)
            #expect(problem.message(in: .vi) != problem.message(in: .en))
        }
    }
}
