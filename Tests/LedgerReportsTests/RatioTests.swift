import Testing
@testable import LedgerReports

struct RatioTests {
    @Test(arguments: [(83, 100, "0.8300"), (2, 3, "0.6667"), (1, 3, "0.3333"), (1, 8, "0.1250"), (1, 16, "0.0625"),
                      (1, 32, "0.0313"), (0, 5, "0.0000"), (5, 5, "1.0000"), (2273, 2900, "0.7838")])
    func roundsHalfUpToFourPlaces(_ numerator: Int, _ denominator: Int, _ expected: String) {
        #expect(Ratio.fourPlaces(numerator, denominator) == expected)
    }

    @Test func targetsCompareExactly() {
        #expect(Ratio.meets(numerator: 80, denominator: 100, minimum: "0.8"))
        #expect(!Ratio.meets(numerator: 79_999, denominator: 100_000, minimum: "0.8"))
        #expect(Ratio.meets(numerator: 2, denominator: 3, minimum: "0.6666"))
        #expect(!Ratio.meets(numerator: 2, denominator: 3, minimum: "0.6667"))
        #expect(Ratio.meets(numerator: 5, denominator: 1, minimum: "5"))
        #expect(!Ratio.meets(numerator: 4, denominator: 1, minimum: "5"))
        #expect(Ratio.meets(numerator: 1, denominator: 1, minimum: "1.0"))
    }
}
