import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing

@testable import LedgerDomain
@testable import LedgerPortal

/// When the ledger cannot answer, a visitor gets 503 and the reason in Vietnamese (JSON
/// under /api/, a page elsewhere), and the next request is served as usual.
struct FailureAnswersTests {
    struct Unreadable: Error {}

    /// A backend whose every read fails, as a ledger on a dead disk would.
    struct FailingBackend: PortalBackend {
        func status() throws -> JSONValue { throw Unreadable() }
        func knowsAgency(_ code: String) throws -> Bool { throw Unreadable() }
        func uploadStagingFolder() throws -> String { throw Unreadable() }
        func upload(agency: String, fileName: String, staged: String) async throws -> UploadVerdict { throw Unreadable() }
        func report(_ period: ReportPeriod) async throws -> JSONValue { throw Unreadable() }
        func agencies() throws -> [AgencyName] { throw Unreadable() }
        func currentPeriod() -> ReportPeriod { ReportPeriod(year: 2024, kind: .year) }
        func dashboard(_ period: ReportPeriod, trace: @escaping @Sendable (String) -> String) async throws -> DashboardView { throw Unreadable() }
        func agencyView(_ code: String, period: ReportPeriod) async throws -> AgencyView? { throw Unreadable() }
        func template(agency: String) async throws -> [UInt8] { throw Unreadable() }
        func plans() async throws -> [PlanView] { throw Unreadable() }
        func entryChoices(agency: String) async throws -> EntryChoices { throw Unreadable() }
        func enter(agency: String, type: EventType, fields: [String: String]) async throws -> UploadVerdict { throw Unreadable() }
        func submit(_ type: EventType, data: JSONObject, as agency: String, fileStem: String) async throws -> UploadVerdict { throw Unreadable() }
        func initiativeLibrary() async throws -> InitiativeLibrary { throw Unreadable() }
        func applyInitiative(agency: String, initiative: String, since: String?, result: String?) async throws -> UploadVerdict { throw Unreadable() }
        func plan(_ code: String) async throws -> PlanView? { throw Unreadable() }
        func planTemplate(year: Int?) async throws -> [UInt8] { throw Unreadable() }
        func events(_ query: EventQuery) async throws -> EventPage { throw Unreadable() }
        func event(seq: Int64) async throws -> JSONValue? { throw Unreadable() }
        func trace(figure: String, period: ReportPeriod) async throws -> FigureEvents? { throw Unreadable() }
        func verify() async throws -> JSONValue { throw Unreadable() }
        func reportFile(_ path: String) throws -> [UInt8]? { throw Unreadable() }
        func refreshGauges() async {}
    }

    @Test func aLedgerThatCannotBeReadGives503InWordsAndThePortalGoesOn() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-failure-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let accounts = AccountStore(path: folder + "/accounts.json")
        try accounts.add(login: "snv", agency: "SNV", role: .coordinator, password: "mat-khau-cua-snv")
        let router = PortalService.router(
            settings: PortalSettings(listen: try #require(ListenAddress("127.0.0.1:8470")), maxFileBytes: 1024, language: .vi),
            backend: FailingBackend(), accounts: accounts, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
        let basic = "Basic " + Data("snv:mat-khau-cua-snv".utf8).base64EncodedString()
        try await Application(router: router).test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/api/v1/status", method: .get, headers: [.authorization: basic]) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(String(buffer: response.body).contains(#""code": "unavailable""#))
                    #expect(String(buffer: response.body).contains("Hệ thống tạm thời không xử lý được"))
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
