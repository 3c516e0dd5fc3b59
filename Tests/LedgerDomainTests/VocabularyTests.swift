import Testing

@testable import LedgerDomain

/// The one vocabulary: every code has words, and inputs accept the code or its
/// Vietnamese label and nothing else.
struct VocabularyTests {
    static let vocabularies: [(String, Choices)] = [
        ("channel", Channel.choices), ("form", ActivityForm.choices), ("kind", AgencyKind.choices),
        ("audience", Audience.choices), ("survey kind", SurveyKind.choices), ("recommendation", Recommendation.choices),
        ("reported status", ReportedTaskStatus.choices), ("indicator", ReportedIndicator.choices),
        ("event type", EventType.choices), ("task status", TaskStatus.choices),
    ]

    @Test func everyCodeHasItsOwnVietnameseAndEnglishWords() {
        for (name, choices) in Self.vocabularies {
            #expect(Set(choices.labels.map(\.vi)).count == choices.codes.count, "labels of \(name) repeat")
            for (code, label) in zip(choices.codes, choices.labels) {
                #expect(!label.vi.isEmpty && !label.en.isEmpty, "\(name) \(code)")
                // Words, not the code again (brand names such as Zalo excepted).
                if !["zalo", "facebook", "youtube"].contains(code) { #expect(label.vi.lowercased() != code, "\(name) \(code)") }
            }
        }
    }

    @Test func aLabelIsMatchedWhateverItsCaseSpacingAndNormalisation() {
        let training = ActivityForm.choices
        #expect(training.code(for: "Tập huấn, bồi dưỡng") == "training")
        #expect(training.code(for: "  tập HUẤN,   bồi dưỡng ") == "training")
        // The same words decomposed (NFD), as Windows-1258 text decodes.
        #expect(training.code(for: "Ta\u{0323}\u{0302}p huâ\u{0301}n, bô\u{0300}i dươ\u{0303}ng") == "training")
        #expect(training.code(for: "TRAINING") == "training")
        #expect(training.code(for: "Training course") == nil)
        #expect(training.code(for: "Tập huấn bồi dưỡng") == nil, "a missing comma is another word")
        // English labels are for reading only.
        #expect(Channel.choices.code(for: "Newspaper") == "newspaper")
        #expect(Channel.choices.code(for: "Local loudspeakers") == nil)
        #expect(EventType.named("Hoạt động tuyên truyền") == .activityHeld)
        #expect(EventType.named("activity held") == nil)
    }

    @Test func eventsWrittenInWordsAreStoredWithCodes() throws {
        let text = #"{"id":"a1","type":"Tin, bài tuyên truyền","occurred_at":"2024-02-01","data":{"title":"T","channel":"truyền thanh cơ sở"}}"#
        let draft = try EnvelopeDecoder().decode(JSONParser().parse(Array(text.utf8)), folderAgency: "BST").get()
        #expect(draft.type == .articlePublished)
        #expect(draft.data["channel"] == .string("loudspeaker"))
        let survey =
            #"{"id":"s1","type":"survey.submitted","occurred_at":"2024-05-01","data":{"kind":"Khảo sát nhận thức về CCHC","audience":"Người dân, tổ chức","respondents":10,"aware":9}}"#
        let decoded = try EnvelopeDecoder().decode(JSONParser().parse(Array(survey.utf8)), folderAgency: "BST").get()
        #expect(decoded.data["kind"] == .string("awareness") && decoded.data["audience"] == .string("citizens"))
    }

    @Test func anEnglishWordThatIsNoCodeStaysInvalidAndTheMessageListsTheWords() throws {
        let text = #"{"id":"a1","type":"activity.held","occurred_at":"2024-02-01","data":{"title":"T","form":"Training course"}}"#
        guard case .failure(let failure) = EnvelopeDecoder().decode(try JSONParser().parse(Array(text.utf8)), folderAgency: "BST") else {
            Issue.record("accepted")
            return
        }
        #expect(failure.problems.map(\.code) == [.invalidValue])
        #expect(failure.problems[0].message(in: .vi).contains("“Tập huấn, bồi dưỡng”"))
        #expect(failure.problems[0].message(in: .en).contains("training"))
    }

    @Test func everyHeaderLabelNamesOneFieldOfTheSchema() {
        for type in EventType.allCases {
            for field in EventSchema.allFields(for: type).map(\.name) + ["id", "type", "occurred_at", "agency", "corrects"] {
                let label = FieldLabels.label(of: field, type: type)
                #expect(label.vi != field, "\(type) \(field) has no words")
                #expect(FieldLabels.code(forHeader: label.vi) == field)
                #expect(FieldLabels.code(forHeader: field) == field)
            }
        }
        #expect(FieldLabels.code(forHeader: "ngày  THỰC HIỆN") == "occurred_at")
        #expect(FieldLabels.code(forHeader: "Date") == nil)
    }
}
