import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Testing

@testable import LedgerDomain
@testable import LedgerPortal

/// `UploadAdmission` as a table: what an upload's head and body get before the inbox
/// rules see them — an unknown agency, a declared size past the limit, a body that is not
/// multipart, one that grows past the limit as it arrives (chunked, no length), a
/// malformed one — and a well-formed one handed on with its files and fields.
struct UploadAdmissionTests {
    /// Knows BST only; stages into a folder of the test's own.
    struct Backend: PortalBackend {
        let staging: String
        struct Unused: Error {}
        func status() throws -> JSONValue { throw Unused() }
        func knowsAgency(_ code: String) throws -> Bool { code == "BST" }
        func uploadStagingFolder() throws -> String { staging }
        func upload(agency: String, fileName: String, staged: String) async throws -> UploadVerdict { throw Unused() }
        func report(_ period: ReportPeriod) async throws -> JSONValue { throw Unused() }
        func agencies() throws -> [AgencyName] { [] }
        func currentPeriod() -> ReportPeriod { ReportPeriod(year: 2024, kind: .year) }
        func dashboard(_ period: ReportPeriod, trace: @escaping @Sendable (String) -> String) async throws -> DashboardView { throw Unused() }
        func agencyView(_ code: String, period: ReportPeriod) async throws -> AgencyView? { nil }
        func template(agency: String) async throws -> [UInt8] { [] }
        func plans() async throws -> [PlanView] { throw Unused() }
        func entryChoices(agency: String) async throws -> EntryChoices { throw Unused() }
        func enter(agency: String, type: EventType, fields: [String: String]) async throws -> UploadVerdict { throw Unused() }
        func submit(_ type: EventType, data: JSONObject, as agency: String, fileStem: String) async throws -> UploadVerdict { throw Unused() }
        func initiativeLibrary() async throws -> InitiativeLibrary { throw Unused() }
        func applyInitiative(agency: String, initiative: String, since: String?, result: String?) async throws -> UploadVerdict { throw Unused() }
        func plan(_ code: String) async throws -> PlanView? { throw Unused() }
        func planTemplate(year: Int?) async throws -> [UInt8] { throw Unused() }
        func events(_ query: EventQuery) async throws -> EventPage { throw Unused() }
        func event(seq: Int64) async throws -> JSONValue? { nil }
        func trace(figure: String, period: ReportPeriod) async throws -> FigureEvents? { nil }
        func verify() async throws -> JSONValue { .null }
        func reportFile(_ path: String) throws -> [UInt8]? { nil }
        func refreshGauges() async {}
    }

    static let limit = 1024

    static func multipart(_ file: String, boundary: String = "b") -> String {
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nt\r\n--\(boundary)\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"a.ndjson\"\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
    }

    @Test(arguments: [
        ("BST", "multipart/form-data; boundary=b", true, multipart("{}"), "taken 1 file(s), csrf t"),
        ("NOPE", "multipart/form-data; boundary=b", true, multipart("{}"), "refused unknown_agency"),
        ("BST", "text/plain", true, "{}", "refused malformed_upload"),
        ("BST", "multipart/form-data", true, multipart("{}"), "refused malformed_upload"),
        ("BST", "multipart/form-data; boundary=b", true, "--b\r\nno end", "refused malformed_upload"),
        ("BST", "multipart/form-data; boundary=b", true, multipart(String(repeating: "x", count: limit)), "taken 1 file(s), csrf t"),
        ("BST", "multipart/form-data; boundary=b", true, multipart(String(repeating: "x", count: limit + 1)), "refused payload_too_large"),
        // Chunked, with no length declared: cut off as it grows past the limit and the envelope.
        ("BST", "multipart/form-data; boundary=b", false, multipart(String(repeating: "x", count: 40_000)), "refused payload_too_large"),
    ])
    func eachUploadGetsItsAnswer(agency: String, type: String, declared: Bool, body: String, expected: String) async throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("admission-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let settings = PortalSettings(listen: try #require(ListenAddress("127.0.0.1:8470")), maxFileBytes: Self.limit, language: .vi)
        let admission = UploadAdmission(backend: Backend(staging: staging), settings: settings, gate: UploadGate(capacity: 2), logger: Logger(label: "test"))
        var head = HTTPRequest(method: .post, scheme: "http", authority: "x", path: "/api/v1/inbox/\(agency)")
        head.headerFields[.contentType] = type
        if declared { head.headerFields[.contentLength] = String(body.utf8.count) }
        // The body in small chunks, as a network delivers it.
        let chunks = stride(from: 0, to: body.utf8.count, by: 512).map { start in
            ByteBuffer(bytes: Array(body.utf8)[start..<min(start + 512, body.utf8.count)])
        }
        let request = Request(head: head, body: RequestBody(asyncSequence: chunks.async))
        let account = Account(login: "lan.bst", agency: "BST", role: .clerk, passwordHash: "")
        let outcome = try await admission.admit(request, agency: agency, by: account) { form in
            Response(status: .ok, headers: [.init("X-Result")!: "taken \(form.files.count) file(s), csrf \(form.fields["csrf"] ?? "-")"])
        }
        switch outcome {
        case .taken(let response): #expect(response.headers[.init("X-Result")!] == expected)
        case .refused(let problem): #expect("refused \(problem.rawValue)" == expected)
        }
        // Nothing is left in staging, whatever the answer.
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
    }
}
