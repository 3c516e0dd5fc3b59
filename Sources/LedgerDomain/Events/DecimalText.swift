/// Decimal strings of `target.set.min`: compared exactly, never through floating point.
public enum DecimalText {
    /// `digits` or `digits.digits`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }

    /// At most this many digits after the point: targets are shown against values of
    /// 4 places, and a bound keeps their exact comparison small.
    public static let maxFractionDigits = 4
    /// At most this many digits before the point (a task count up to 999,999,999).
    public static let maxWholeDigits = 9

    /// Within the precision admission accepts (leading zeros of the whole part aside).
    public static func isWithinPrecision(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        return whole.count <= maxWholeDigits && (parts.count < 2 || parts[1].count <= maxFractionDigits)
    }

    public static func isWholeNumber(_ text: String) -> Bool {
        isValid(text) && (!text.contains(".") || text.split(separator: ".")[1].allSatisfy { $0 == "0" })
    }

    /// Between 0 and 1 inclusive.
    public static func isRatio(_ text: String) -> Bool {
        guard isValid(text) else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        if whole.isEmpty { return true }
        return whole == "1" && (parts.count == 1 || parts[1].allSatisfy { $0 == "0" })
    }
}
