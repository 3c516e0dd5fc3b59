import Foundation
import Testing

@testable import LedgerDomain

struct DateTests {
    @Test(arguments: [
        ("2024-03-14", "2024-03-14"), ("14/03/2024", "2024-03-14"), ("5/3/2024", "2024-03-05"), ("29/02/2024", "2024-02-29"),
    ])
    func parsesBothDateForms(_ text: String, _ stored: String) throws {
        #expect(try #require(LocalDate.parse(text)).description == stored)
    }

    @Test(arguments: ["03/25/2024", "2023-02-29", "31/04/2024", "2024-3-14", "14.03.2024", "", "2024-03-14 "])
    func rejectsImpossibleOrMonthFirstDates(_ text: String) {
        #expect(LocalDate.parse(text) == nil)
    }

    @Test func daysSinceEpochRoundTrips() throws {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(try #require(LocalDate.parse("1970-01-01")).daysSinceEpoch == 0)
        #expect(try #require(LocalDate.parse("2024-03-01")).adding(days: -1).description == "2024-02-29")
    }

    @Test func rfc3339KeepsItsOffsetAndGivesTheLocalDate() throws {
        let time = try #require(EventTime.parse("2024-03-14t20:30:00.5+00:00"))
        #expect(time.storedText == "2024-03-14T20:30:00.5+00:00")
        // 20:30 UTC is 03:30 the next day in Vietnam (UTC+7): that decides the period.
        #expect(time.localDate(in: .hoChiMinh).description == "2024-03-15")
        let zulu = try #require(EventTime.parse("2024-03-14T16:59:59Z"))
        #expect(zulu.localDate(in: .hoChiMinh).description == "2024-03-14")
    }

    @Test(arguments: ["2024-03-14T10:00:00", "2024-03-14T25:00:00Z", "2024-03-14T10:00:00+0700", "2024-03-14T10:00Z"])
    func rejectsDateTimesWithoutAValidOffset(_ text: String) {
        #expect(EventTime.parse(text) == nil)
    }

    @Test func formatsRecordedAtInUTCWithMilliseconds() {
        #expect(Instant(millisecondsSinceEpoch: 1_710_374_400_123).rfc3339UTC == "2024-03-14T00:00:00.123Z")
        #expect(Instant(millisecondsSinceEpoch: -1).rfc3339UTC == "1969-12-31T23:59:59.999Z")
    }

    @Test func localWallClockInstant() throws {
        let date = try #require(LocalDate.parse("2024-03-17"))
        #expect(LocalZone.hoChiMinh.instant(of: date, hour: 1).rfc3339UTC == "2024-03-16T18:00:00.000Z")
    }
}

struct LocalZoneTests {
    @Test func fixedOffsetShortcutAgreesWithFoundation() throws {
        let zones = ["Asia/Ho_Chi_Minh", "Europe/Paris", "America/New_York", "UTC"]
        for identifier in zones {
            let zone = try #require(LocalZone(identifier: identifier))
            let foundation = try #require(TimeZone(identifier: identifier))
            for seconds in stride(from: Int64(-200_000_000), through: 2_000_000_000, by: 9_876_543) {
                let instant = Instant(millisecondsSinceEpoch: seconds * 1000)
                #expect(
                    zone.offsetSeconds(at: instant) == foundation.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))), "\(identifier) \(seconds)")
            }
        }
    }
}
