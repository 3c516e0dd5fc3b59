import Testing

@testable import LedgerDomain

struct LedgerConfigurationTests {
    @Test func defaultsMatchTheContract() throws {
        let configuration = try LedgerConfiguration.load(fileContents: nil, environment: [:])
        #expect(configuration.periods == .decree09)
        #expect(configuration.graceDays == 3 && configuration.reviseForDays == 90)
        #expect(configuration.maxFileBytes == 64 * 1024 * 1024)
        #expect(configuration.coordinators == ["UBND", "SNV"])
        #expect(configuration.language == .vi && configuration.rescanSeconds == 60)
        #expect(configuration.timezone == "Asia/Ho_Chi_Minh" && configuration.csvFallbackEncoding == .windows1258)
        #expect(configuration.logOrigin == "reformledger.local/ledger")
        let named = try LedgerConfiguration.load(fileContents: Array(#"{"log_origin": "sonoivu.soctrang.gov.vn/reformledger"}"#.utf8), environment: [:])
        #expect(named.logOrigin == "sonoivu.soctrang.gov.vn/reformledger")
    }

    @Test func environmentOverridesTheFile() throws {
        let file = Array(#"{"max_file_bytes": 2048, "language": "en", "coordinators": ["UBND"]}"#.utf8)
        let configuration = try LedgerConfiguration.load(
            fileContents: file,
            environment: [
                "REFORMLEDGER_MAX_FILE_BYTES": "1024", "REFORMLEDGER_COORDINATORS": "UBND,SNV,STTTT", "REFORMLEDGER_PERIODS": "calendar",
            ])
        #expect(configuration.maxFileBytes == 1024)
        #expect(configuration.language == .en)
        #expect(configuration.coordinators == ["UBND", "SNV", "STTTT"])
        #expect(configuration.periods == .calendar)
    }

    @Test(arguments: [
        (#"{"max_file_byte": 1}"#, "max_file_byte"), (#"{"grace_days": -1}"#, "grace_days"), (#"{"timezone": "Mars/Base"}"#, "timezone"),
        (#"{"report_formats": ["pdf"]}"#, "report_formats"), (#"{"coordinators": ["ubnd"]}"#, "coordinators"), ("[1]", "(file)"),
        (#"{"log_origin": "sở nội vụ"}"#, "log_origin"), (#"{"log_origin": "a+b"}"#, "log_origin"), (#"{"log_origin": ""}"#, "log_origin"),
    ])
    func refusesBadKeysAndValues(_ file: String, _ key: String) {
        #expect { try LedgerConfiguration.load(fileContents: Array(file.utf8), environment: [:]) } throws: { error in
            (error as? ConfigurationError)?.key == key
        }
    }
}
