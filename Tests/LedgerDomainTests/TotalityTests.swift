import Testing

@testable import LedgerDomain

/// Period and text arithmetic is total: no stored value can make it trap.
struct TotalityTests {
    @Test(arguments: [1, 2, 1999, 2000, 2100, 9999])
    func everyPeriodOfAnyYearHasARange(_ year: Int) {
        for period in ReportPeriod.all(year: year, kinds: LedgerConfiguration.PeriodKind.allCases) {
            for mode in [LedgerConfiguration.PeriodMode.decree09, .calendar] {
                let range = period.range(mode)
                #expect(range.lowerBound <= range.upperBound, "\(period) \(mode)")
            }
        }
        #expect(LocalDate.distantPast < LocalDate(year: 2000, month: 1, day: 1)!)
    }

    @Test(arguments: ["0001", "1999-Q1", "2101-H1", "2024-Q5", "2024-Q0"])
    func periodNamesOutsideTheAcceptedYearsDoNotParse(_ name: String) {
        #expect(ReportPeriod.parse(name) == nil)
    }

    @Test func forbiddenXMLCharactersAreFoundAndReplaced() {
        #expect(XMLCharacters.firstForbidden(in: "Sở Nội vụ\tTP.\n") == nil)
        #expect(XMLCharacters.firstForbidden(in: "a\u{FFFE}b") == "\u{FFFE}")
        #expect(XMLCharacters.firstForbidden(in: "a\u{01}") == "\u{01}")
        #expect(XMLCharacters.replacingForbidden(in: "x\u{FFFF}y\u{0B}") == "x\u{FFFD}y\u{FFFD}")
    }

    @Test func lineTextKeepsOneHappeningOnOneLine() {
        #expect(LineText.escaped("week.json") == "week.json")
        #expect(LineText.escaped("a\nb\\c\u{1b}[31m\u{2028}") == "a\\nb\\\\c\\u{1b}[31m\\u{2028}")
        #expect(!LineText.escaped("x\r\ny").contains("\n"))
    }

    @Test func aMisspeltVariableNamesTheClosestKey() {
        let unknown = LedgerConfiguration.unknownEnvironmentNames(["REFORMLEDGER_MAX_FILE_BYTE": "1", "REFORMLEDGER_STATE_DIR": "x", "HOME": "/"])
        #expect(unknown.map(\.name) == ["REFORMLEDGER_MAX_FILE_BYTE"] && unknown.first?.closest == "REFORMLEDGER_MAX_FILE_BYTES")
    }
}
