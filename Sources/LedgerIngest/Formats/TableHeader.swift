import LedgerDomain

/// The header of a table of events (a CSV file or a sheet): the field code of each column.
///
/// Row 1 may hold codes (`id`, `occurred_at`, `channel`) or their Vietnamese labels
/// ("Mã sự kiện", "Ngày thực hiện", "Kênh tuyên truyền"). A template has both: labels in
/// row 1 and the codes in a hidden row 2, which then is the header, and whose pre-filled
/// cells (`id`, `type`, `kind`) alone do not make a row.
struct TableHeader {
    let codes: [String]
    /// The first row of data (2, or 3 under a template's code row).
    let firstDataRow: Int
    let isTemplate: Bool

    /// Cells a template fills in ahead for every row; a row with nothing else is empty.
    static let prefilled: Set<String> = ["id", "type", "kind"]

    /// Column codes from the labels or codes of row 1.
    static func codes(ofLabels row: [String]) -> [String] {
        row.map { cell in
            let text = TextNormalizer.normalize(cell)
            return FieldLabels.code(forHeader: text) ?? text
        }
    }

    /// True when every filled cell of `row` is exactly a field code and `id` is among them.
    static func isCodeRow(_ row: [String]) -> Bool {
        let filled = row.map { TextNormalizer.normalize($0) }.filter { !$0.isEmpty }
        return filled.contains("id") && filled.allSatisfy { FieldLabels.code(forHeader: $0) == $0 }
    }

    init(first: [String], second: [String]?) {
        if let second, Self.isCodeRow(second) {
            codes = second.map { TextNormalizer.normalize($0) }
            firstDataRow = 3
            isTemplate = true
        } else {
            codes = Self.codes(ofLabels: first)
            firstDataRow = 2
            isTemplate = false
        }
    }

    /// Whether a row of cells (by column) carries anything a clerk wrote.
    func isEmpty(_ cells: [String]) -> Bool {
        for (index, cell) in cells.enumerated() where !TextNormalizer.normalize(cell).isEmpty {
            if !isTemplate || index >= codes.count || !Self.prefilled.contains(codes[index]) { return false }
        }
        return true
    }
}
