/// How one `data` field is written and checked. The same table drives JSON validation
/// and CSV cell conversion, so the two formats can never disagree.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        /// Free text, trimmed, NFC, 1–4,000 Unicode scalars.
        case text
        /// An id of `[A-Za-z0-9._:-]`, like task ids and event ids.
        case identifier
        case agencyCode
        case agencyCodeList(minimum: Int)
        /// Agency codes or `kind:<agency kind>` groups.
        case agencyReferenceList(minimum: Int)
        case textList
        /// A whole number from `minimum` to `maximum`.
        case count(minimum: Int, maximum: Int = FieldSpec.maxCount)
        /// A local date, stored `YYYY-MM-DD`.
        case date
        /// `{"from":"YYYY-MM","to":"YYYY-MM"}` or `"ongoing"`.
        case window
        /// A code of a closed vocabulary, written as the code or its Vietnamese label.
        case oneOf(Choices)
        /// A period like `2024-Q1`, `2024-H1`, `2024-9M` or `2024`.
        case period
        /// A decimal string such as `"0.8"` or `"5"`.
        case decimal
        case targetIndicator
        /// `[{"rank","winner","agency?"}]`; JSON files only.
        case awards
        /// `[{"name","sha256"}]` of `report.generated`.
        case reportFiles
    }

    /// The largest count a clerk may report (participants, respondents, numerators):
    /// one billion, more than any province counts, and small enough that sums over any
    /// log fit the report's arithmetic with room to spare.
    public static let maxCount = 1_000_000_000

    public let name: String
    public let kind: Kind
    public let required: Bool
    /// `data.<name>`, the field's path in error messages.
    public let path: String

    public init(_ name: String, _ kind: Kind, required: Bool = true) {
        self.name = name
        self.kind = kind
        self.required = required
        path = "data.\(name)"
    }

    static func optional(_ name: String, _ kind: Kind) -> FieldSpec {
        FieldSpec(name, kind, required: false)
    }

    /// True for fields whose CSV cell is split on `;`.
    public var isList: Bool {
        switch kind {
        case .agencyCodeList, .agencyReferenceList, .textList: true
        default: false
        }
    }
}
