/// The one way a word of this catalogue is put in the reader's language: each catalogue
/// (`PortalWords`, `ReportLabels`, `FindingPhrases`, …) states a word in Vietnamese and in
/// English side by side and `pick`s. `Scripts/check-layers.sh` refuses `pick(` and inline
/// `vi ? … : …` outside this folder, so a word a person reads is never written elsewhere.
public protocol Bilingual {
    var language: Language { get }
}

extension Bilingual {
    /// `vi` in Vietnamese (the default language), `en` otherwise.
    @inlinable public func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
}
