import Testing

@testable import LedgerDomain

/// The unit of the projection's tallies: every period of both modes is whole half-months,
/// and a range that is not is told apart (a report over it counts every fact instead).
struct HalfMonthTests {
    @Test func halfMonthsTileEveryPeriodAndNothingElse() {
        #expect(HalfMonth.start(of: "2024-03-14") == "2024-03-01")
        #expect(HalfMonth.start(of: "2024-03-15") == "2024-03-15")
        #expect(HalfMonth.start(of: "2024-02-29") == "2024-02-15")
        let day = { (text: String) in LocalDate.parse(text)! }
        #expect(HalfMonth.tiles(day("2024-01-01")...day("2024-02-29")))
        #expect(HalfMonth.tiles(day("2023-12-15")...day("2024-03-14")))
        #expect(!HalfMonth.tiles(day("2024-01-02")...day("2024-03-31")))
        #expect(!HalfMonth.tiles(day("2024-01-01")...day("2024-03-30")))
        #expect(!HalfMonth.tiles(day("2024-01-15")...day("2024-02-28")))
    }

    @Test func everyPeriodOfBothModesIsWholeHalfMonths() {
        for year in [2023, 2024, 2025] {
            for period in ReportPeriod.all(year: year, kinds: [.quarter, .halfYear, .nineMonths, .year]) {
                for mode in [LedgerConfiguration.PeriodMode.calendar, .decree09] {
                    #expect(HalfMonth.tiles(period.range(mode)), "\(period) \(mode)")
                }
            }
        }
    }
}
