/// The syntax of reporting periods (CONTRACT §7.1): `2024-Q1`…`2024-Q4`, `2024-H1`, `2024-9M`, `2024`.
public enum PeriodName {
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, let year = LocalDate.digits(bytes[0..<4]), AcceptedDates.years.contains(year) else { return false }
        let suffix = String(decoding: bytes[4...], as: UTF8.self)
        return ["", "-Q1", "-Q2", "-Q3", "-Q4", "-H1", "-9M"].contains(suffix)
    }
}
