import Testing

@testable import LedgerReports

struct RatioTests {
    @Test(arguments: [
        (83, 100, "0.8300"), (2, 3, "0.6667"), (1, 3, "0.3333"), (1, 8, "0.1250"), (1, 16, "0.0625"),
        (1, 32, "0.0313"), (0, 5, "0.0000"), (5, 5, "1.0000"), (2273, 2900, "0.7838"),
    ])
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

    @Test func sumsBeyondSixtyFourBitsStayExact() {
        // Σ over 2^40 events at the admission bound: past Int64, where n × 10^4 once trapped.
        let denominator = Int128(1_000_000_000) << 40
        let numerator = denominator - 1
        #expect(Ratio.fourPlaces(numerator, denominator) == "1.0000")
        #expect(Ratio.fourPlaces(denominator / 3, denominator) == "0.3333")
        #expect(Ratio.meets(numerator: numerator, denominator: denominator, minimum: "0.9999"))
        #expect(!Ratio.meets(numerator: numerator, denominator: denominator, minimum: "1"))
        #expect(Ratio.fourPlaces(Int128.max, Int128.max) == "1.0000")
        #expect(Ratio.meets(numerator: Int128.max / 2, denominator: Int128.max, minimum: "0.4999"))
    }

    @Test func aLongTargetOfAnOlderLogIsComparedDigitByDigit() {
        // 0.9 ≥ 0.800…01 (20 places), which floating point and 64-bit scaling got wrong.
        #expect(Ratio.meets(numerator: 9, denominator: 10, minimum: "0.80000000000000000001"))
        #expect(!Ratio.meets(numerator: 8, denominator: 10, minimum: "0.80000000000000000001"))
        #expect(Ratio.meets(numerator: 8, denominator: 10, minimum: "0.80000000000000000000"))
        #expect(Ratio.meets(numerator: 1, denominator: 1, minimum: "0000000000000000000001.0"))
        #expect(!Ratio.meets(numerator: 1, denominator: 1, minimum: "not a number"))
    }
}
