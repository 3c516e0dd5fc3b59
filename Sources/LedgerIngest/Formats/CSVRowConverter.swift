import LedgerDomain

/// Turns a CSV row into the JSON shape of an event, using the schema table so that
/// CSV and JSON files are validated by exactly the same rules (CONTRACT §4.1, §12).
///
/// Columns: `id`, `type`, `occurred_at`, optional `agency` and `corrects`, then `data`
/// fields by name. An empty cell means the field is absent; list fields are split on `;`;
/// whole-number fields become integers; `window` is `2024-06..2024-09`, `2024-05` or `ongoing`,
/// or the plan workbook's two month columns `window_from` and `window_to` ("03/2025",
/// "Thường xuyên"). A cell picked from a template's list ("SNV — Sở Nội vụ") keeps what
/// comes before the dash; an agency group may be written in words ("Tất cả UBND cấp xã").
struct CSVRowConverter {
    static let envelopeColumns: Set<String> = ["id", "type", "occurred_at", "agency", "corrects"]
    static let windowColumns: Set<String> = ["window_from", "window_to"]

    let header: [String]

    /// Problems with the header itself, which make every row meaningless.
    func headerProblems() -> [Problem] {
        var problems: [Problem] = []
        var seen = Set<String>()
        for column in header where !seen.insert(column).inserted {
            problems.append(.malformed(ProblemDetail.repeatedColumn(column)).at(line: 1))
        }
        for required in ["id", "type", "occurred_at"] where !seen.contains(required) {
            problems.append(Problem.missingField(required).at(line: 1))
        }
        return problems
    }

    func convert(_ record: CSVParser.Record) -> Result<JSONValue, DecodingProblems> {
        if record.fields.count > header.count {
            return .failure(DecodingProblems([.malformed(ProblemDetail.tooManyCells(record.fields.count, columns: header.count))]))
        }
        var cells: [String: String] = [:]
        for (index, column) in header.enumerated() where index < record.fields.count {
            let cell = TextNormalizer.normalize(record.fields[index])
            if !cell.isEmpty { cells[column] = cell }
        }
        var envelope = JSONObject()
        for column in ["id", "type", "agency", "occurred_at", "corrects"] {
            if let cell = cells[column] { envelope.append(column, .string(cell)) }
        }
        let type = cells["type"].flatMap(EventType.named)
        let specs = type.map { Dictionary(EventSchema.allFields(for: $0).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }) } ?? [:]
        var data = JSONObject()
        var problems: [Problem] = []
        for column in header where !Self.envelopeColumns.contains(column) && !Self.windowColumns.contains(column) {
            guard let cell = cells[column] else { continue }
            guard let spec = specs[column] else {
                if type != nil { problems.append(.unknownField("data.\(column)")) }
                continue
            }
            if case .awards = spec.kind {
                problems.append(.invalidValue("data.\(column)", ProblemDetail.awardsInJSONOnly))
                continue
            }
            data.append(column, Self.value(of: cell, for: spec))
        }
        if let window = Self.window(from: cells["window_from"], to: cells["window_to"]) {
            if let spec = specs["window"], cells["window"] == nil {
                data.append("window", Self.value(of: window, for: spec))
            } else if type != nil {
                problems.append(.unknownField("data.\(cells["window_from"] == nil ? "window_to" : "window_from")"))
            }
        }
        if !problems.isEmpty { return .failure(DecodingProblems(problems)) }
        envelope.append("data", .object(data))
        return .success(.object(envelope))
    }

    /// A template's drop-down entry reads "KH2024-05 — title" or "SNV — Sở Nội vụ"; a code
    /// has no spaces, so what comes before the first dash is the code.
    static func chosen(_ cell: String) -> String {
        if let dash = cell.range(of: TaskChoice.separator) { return String(cell[..<dash.lowerBound]) }
        return cell
    }

    /// `window` from the plan workbook's month columns: both months, one of them, or
    /// "Thường xuyên"; a cell that names no month is passed on as written, to be refused
    /// with the window's message.
    static func window(from: String?, to: String?) -> String? {
        guard from != nil || to != nil else { return nil }
        let first = from.map { PlanTemplateWords.windowMonth($0) ?? $0 }
        let last = to.map { PlanTemplateWords.windowMonth($0) ?? $0 }
        if first == "ongoing" || (first == nil && last == "ongoing") { return "ongoing" }
        return "\(first ?? last ?? "")..\(last ?? first ?? "")"
    }

    static func value(of cell: String, for spec: FieldSpec) -> JSONValue {
        if spec.isList {
            let items = cell.split(separator: ";").map { TextNormalizer.normalize(String($0)) }.filter { !$0.isEmpty }
            switch spec.kind {
            case .agencyReferenceList:
                return .array(items.map { item in .string(PlanTemplateWords.kind(ofGroup: item).map { "kind:\($0.rawValue)" } ?? chosen(item)) })
            case .agencyCodeList: return .array(items.map { .string(chosen($0)) })
            default: return .array(items.map { .string($0) })
            }
        }
        switch spec.kind {
        case .identifier, .agencyCode, .targetIndicator:
            return .string(chosen(cell))
        case .count:
            if let number = Int(cell), abs(number) <= JSONValue.maxExactInteger { return .integer(number) }
            return .string(cell)
        case .window:
            if cell == "ongoing" { return .string(cell) }
            let bounds = cell.components(separatedBy: "..")
            if bounds.count == 2 { return .object(JSONObject([("from", .string(bounds[0])), ("to", .string(bounds[1]))])) }
            if bounds.count == 1, YearMonth.parse(cell) != nil { return .object(JSONObject([("from", .string(cell)), ("to", .string(cell))])) }
            return .string(cell)
        default:
            return .string(cell)
        }
    }
}
