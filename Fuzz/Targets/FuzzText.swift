/// Dates, periods and text: parsing any string is total, every accepted period has a
/// range, log escaping always yields one line, and forbidden XML characters are replaced.
enum FuzzText {
    static func run(_ input: UnsafeRawBufferPointer) {
        let text = String(decoding: input, as: UTF8.self)
        if let time = EventTime.parse(text) {
            let day = time.localDate(in: .hoChiMinh)
            _ = (day.yearMonth.firstDay, day.yearMonth.lastDay, day.adding(days: 400))
            _ = time.earliestInstant(in: .hoChiMinh).rfc3339UTC
        }
        if let period = ReportPeriod.parse(text) {
            for mode in LedgerConfiguration.PeriodMode.allCases where period.range(mode).isEmpty { fuzzFailure("empty period") }
        }
        let escaped = LineText.escaped(text)
        guard !escaped.contains("\n"), !escaped.contains("\r") else { fuzzFailure("escaped text spans lines") }
        guard XMLCharacters.firstForbidden(in: XMLCharacters.replacingForbidden(in: text)) == nil else { fuzzFailure("forbidden character kept") }
        _ = TextNormalizer.normalize(text)
        _ = DecimalText.isValid(text) && DecimalText.isWithinPrecision(text)
    }
}
