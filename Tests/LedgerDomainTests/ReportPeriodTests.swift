import Testing

@testable import LedgerDomain

struct ReportPeriodTests {
    @Test(arguments: [
        ("2024-Q1", "decree09", "2023-12-15", "2024-03-14"), ("2024-Q2", "decree09", "2024-03-15", "2024-06-14"),
        ("2024-Q3", "decree09", "2024-06-15", "2024-09-14"), ("2024-Q4", "decree09", "2024-09-15", "2024-12-14"),
        ("2024-H1", "decree09", "2023-12-15", "2024-06-14"), ("2024-9M", "decree09", "2023-12-15", "2024-09-14"),
        ("2024", "decree09", "2023-12-15", "2024-12-14"),
        ("2024-Q1", "calendar", "2024-01-01", "2024-03-31"), ("2024-Q2", "calendar", "2024-04-01", "2024-06-30"),
        ("2024-Q3", "calendar", "2024-07-01", "2024-09-30"), ("2024-Q4", "calendar", "2024-10-01", "2024-12-31"),
        ("2024-H1", "calendar", "2024-01-01", "2024-06-30"), ("2024-9M", "calendar", "2024-01-01", "2024-09-30"),
        ("2024", "calendar", "2024-01-01", "2024-12-31"),
    ])
    func boundaries(_ name: String, _ mode: String, _ first: String, _ last: String) throws {
        let period = try #require(ReportPeriod.parse(name))
        let range = period.range(try #require(LedgerConfiguration.PeriodMode(rawValue: mode)))
        #expect(range.lowerBound.description == first && range.upperBound.description == last)
        #expect(period.description == name)
    }

    @Test func membershipIsByLocalDateInHoChiMinh() throws {
        let q1 = try #require(ReportPeriod.parse("2024-Q1")).range(.decree09)
        // 2024-03-14 17:30 UTC is already 15 March in Vietnam: outside Q1.
        #expect(!q1.contains(try #require(EventTime.parse("2024-03-14T17:30:00Z")).localDate(in: .hoChiMinh)))
        #expect(q1.contains(try #require(EventTime.parse("2024-03-14T16:59:59Z")).localDate(in: .hoChiMinh)))
        #expect(q1.contains(try #require(EventTime.parse("2023-12-15")).localDate(in: .hoChiMinh)))
        #expect(!q1.contains(try #require(EventTime.parse("14/12/2023")).localDate(in: .hoChiMinh)))
    }

    @Test(arguments: ["2024-Q0", "2024-Q5", "2024-H2", "24-Q1", "2024-6M", "2024Q1"])
    func rejectsOtherNames(_ name: String) {
        #expect(ReportPeriod.parse(name) == nil)
    }
}
