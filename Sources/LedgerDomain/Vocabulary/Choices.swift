/// A closed list of codes a person may write as the code or as its Vietnamese label.
///
/// Matching ignores case, runs of white space and Unicode normalisation, and nothing else:
/// "tập huấn,  BỒI DƯỠNG" is `training`, but "Training course" stays unknown — an English
/// word that is not a code is refused, so a typo never silently becomes another choice.
/// Stored data always keeps the code.
public struct Choices: Sendable {
    public let codes: [String]
    /// Vietnamese and English words for each code, in `codes` order.
    public let labels: [LocalizedText]
    private let byKey: [String: String]

    public init(_ terms: [(code: String, label: LocalizedText)]) {
        codes = terms.map(\.code)
        labels = terms.map(\.label)
        var byKey: [String: String] = [:]
        for term in terms {
            byKey[Self.key(term.code)] = term.code
            byKey[Self.key(term.label.vi)] = term.code
        }
        self.byKey = byKey
    }

    public init<Code: LabelledCode>(_ type: Code.Type) {
        self.init(Code.allCases.map { (code: $0.rawValue, label: $0.label) })
    }

    /// The code written as `input` (a code or a Vietnamese label), or nil.
    public func code(for input: String) -> String? {
        if let exact = byKey[input] { return exact }
        return byKey[Self.key(input)]
    }

    /// The Vietnamese (or English) label of a code; the code itself when it has none.
    public func label(of code: String, in language: Language) -> String {
        guard let index = codes.firstIndex(of: code) else { return code }
        return labels[index].text(in: language)
    }

    /// The comparison form: NFC, lower case, white space collapsed to one space.
    public static func key(_ text: String) -> String {
        TextNormalizer.normalize(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A closed vocabulary whose codes have words for people.
public protocol LabelledCode: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    var label: LocalizedText { get }
}

extension LabelledCode {
    /// Every code and label of the vocabulary, for validation and drop-down lists.
    public static var choices: Choices { Choices(Self.self) }
}
