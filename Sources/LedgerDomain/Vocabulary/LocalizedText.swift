/// A message written in both languages, kept in this catalogue beside the others (the
/// problem catalogue, labels, page and report words), so both languages are reviewed in one place.
public struct LocalizedText: Sendable, Equatable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
