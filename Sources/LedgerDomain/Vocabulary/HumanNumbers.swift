/// Figures as the reader of a report writes them: in Vietnamese `84,17%` and `1.234`, in
/// English `84.17%` and `1,234`. Only the human-facing outputs (HTML, Markdown, DOCX, the
/// pages) use it; the JSON and CSV keep the contract's machine form (`0.8417`, `1234`).
public struct HumanNumbers: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private var decimalMark: String { language == .vi ? "," : "." }
    private var groupMark: String { language == .vi ? "." : "," }

    /// `1234567` → `1.234.567` (vi) / `1,234,567`.
    /// A change written with its sign: "+12", "−3" (a true minus), "0".
    public func change(_ value: Int) -> String {
        value > 0 ? "+" + count(value) : value < 0 ? "−" + count(-value) : "0"
    }

    public func count(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += groupMark }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A ratio written as a decimal (`0.8333`, `1`) → `83,33%`; `0.8` → `80%`. Text that is
    /// not such a decimal is given back as it is.
    public func percent(_ decimal: String) -> String {
        let parts = decimal.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0,
            parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return decimal }
        let fraction = Array((parts.count > 1 ? String(parts[1]) : "") + "00")
        let hundreds = whole * 100 + (Int(String(fraction[0...1])) ?? 0)
        var rest = String(fraction.dropFirst(2))
        while rest.hasSuffix("0") { rest.removeLast() }
        return rest.isEmpty ? "\(count(hundreds))%" : "\(count(hundreds))\(decimalMark)\(rest)%"
    }

    /// A decimal count or target (`5`, `12.5`) with the reader's marks.
    public func decimal(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]) else { return text }
        return parts.count == 2 ? "\(count(whole))\(decimalMark)\(parts[1])" : count(whole)
    }

    /// An indicator's value or target: a percentage for a ratio indicator (one with a
    /// denominator), a number for a count.
    public func indicator(_ text: String?, isRatio: Bool) -> String {
        guard let text else { return "–" }
        return isRatio ? percent(text) : decimal(text)
    }
}
