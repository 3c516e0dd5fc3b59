import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing

@testable import LedgerDomain
@testable import LedgerPortal

/// The portal's routes against one table, in process, with a stub backend: every route has
/// a rule (a route added without a line here fails), every rule holds for every kind of
/// visitor — anonymous, a clerk of the agency, a clerk of another, a coordinator, an
/// auditor, an admin — by cookie and (for the API) by HTTP Basic, and every POST by a
/// session without its CSRF token is refused.
struct RouterTableTests {
    enum Rule {
        case everyone, signedIn, agencyPages, upload, readsEverything, coordinates
    }

    /// Every route and who may use it.
    static let table: [String: Rule] = [
        "GET /static/portal.css": .everyone, "GET /static/icon.svg": .everyone, "GET /favicon.ico": .everyone,
        "GET /login": .everyone, "POST /login": .everyone, "POST /logout": .everyone, "GET /": .signedIn,
        "GET /agency/{code}": .agencyPages, "GET /agency/{code}/template.xlsx": .agencyPages, "POST /agency/{code}/upload": .upload,
        "GET /dashboard": .readsEverything, "GET /dashboard/agency/{code}": .readsEverything, "GET /reports/file": .readsEverything,
        "GET /audit": .readsEverything, "GET /audit/event/{seq}": .readsEverything, "GET /audit/trace": .readsEverything,
        "GET /audit/verify": .readsEverything, "POST /audit/verify": .readsEverything,
        "GET /healthz": .everyone, "GET /metrics": .everyone, "GET /api/v1/openapi.json": .everyone,
        "GET /api/v1/status": .signedIn, "GET /api/v1/reports/{period}": .signedIn, "POST /api/v1/inbox/{agency}": .upload,
        "GET /api/v1/events": .readsEverything, "GET /plans": .readsEverything, "GET /plans/template.xlsx": .readsEverything,
        "GET /plans/{plan}": .readsEverything, "GET /initiatives": .signedIn, "POST /agency/{code}/initiatives/apply": .upload,
        "POST /dashboard/agency/{code}/review": .coordinates, "POST /agency/{code}/comments": .upload,
        "GET /agency/{code}/entry": .upload, "POST /agency/{code}/entry": .upload,
    ]

    /// (login, agency, role); nil login is the anonymous visitor.
    static let visitors: [(login: String?, agency: String, role: Account.Role?)] = [
        (nil, "", nil), ("lan.bst", "BST", .clerk), ("hoa.stttt", "STTTT", .clerk), ("snv", "SNV", .coordinator),
        ("kiemtoan", "SNV", .auditor), ("quantri", "SNV", .admin),
    ]
    static let password = "mat-khau-du-dai"

    /// Whether the rule lets the visitor in, stated here apart from `AccessRule` (the
    /// agency in every path is BST).
    static func admits(_ rule: Rule, login: String?, agency: String, role: Account.Role?) -> Bool {
        guard let role else { return rule == .everyone }
        switch rule {
        case .everyone, .signedIn: return true
        case .agencyPages: return role != .clerk || agency == "BST"
        case .upload: return role == .coordinator || role == .admin || (role == .clerk && agency == "BST")
        case .readsEverything: return role != .clerk
        case .coordinates: return role == .coordinator || role == .admin
        }
    }

    static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "{code}", with: "BST").replacingOccurrences(of: "{agency}", with: "BST")
            .replacingOccurrences(of: "{seq}", with: "1").replacingOccurrences(of: "{period}", with: "2024").replacingOccurrences(
                of: "{plan}", with: "KH-TTCCHC-2024")
    }

    /// A backend that answers nothing (each read fails: 503) and knows no agency view: a
    /// route past its guard says so by a 503 or a 404, never by a refusal.
    struct StubBackend: PortalBackend {
        struct Unavailable: Error {}
        func status() throws -> JSONValue { throw Unavailable() }
        func knowsAgency(_ code: String) throws -> Bool { throw Unavailable() }
        func uploadStagingFolder() throws -> String { throw Unavailable() }
        func upload(agency: String, fileName: String, staged: String) async throws -> UploadVerdict { throw Unavailable() }
        func report(_ period: ReportPeriod) async throws -> JSONValue { throw Unavailable() }
        func agencies() throws -> [AgencyName] { throw Unavailable() }
        func currentPeriod() -> ReportPeriod { ReportPeriod(year: 2024, kind: .year) }
        func dashboard(_ period: ReportPeriod, trace: @escaping @Sendable (String) -> String) async throws -> DashboardView { throw Unavailable() }
        func agencyView(_ code: String, period: ReportPeriod) async throws -> AgencyView? { nil }
        func template(agency: String) async throws -> [UInt8] { throw Unavailable() }
        func plans() async throws -> [PlanView] { throw Unavailable() }
        func entryChoices(agency: String) async throws -> EntryChoices { throw Unavailable() }
        func enter(agency: String, type: EventType, fields: [String: String]) async throws -> UploadVerdict { throw Unavailable() }
        func submit(_ type: EventType, data: JSONObject, as agency: String, fileStem: String) async throws -> UploadVerdict { throw Unavailable() }
        func initiativeLibrary() async throws -> InitiativeLibrary { throw Unavailable() }
        func applyInitiative(agency: String, initiative: String, since: String?, result: String?) async throws -> UploadVerdict { throw Unavailable() }
        func plan(_ code: String) async throws -> PlanView? { nil }
        func planTemplate(year: Int?) async throws -> [UInt8] { throw Unavailable() }
        func events(_ query: EventQuery) async throws -> EventPage { throw Unavailable() }
        func event(seq: Int64) async throws -> JSONValue? { throw Unavailable() }
        func trace(figure: String, period: ReportPeriod) async throws -> FigureEvents? { throw Unavailable() }
        func verify() async throws -> JSONValue { throw Unavailable() }
        func reportFile(_ path: String) throws -> [UInt8]? { throw Unavailable() }
        func refreshGauges() async {}
    }

    /// A signed-in browser: its cookie header and its session's CSRF token.
    struct Browser {
        var cookie: String
        var csrf: String
    }

    private static func value(of name: String, in response: TestResponse) -> String? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    private static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    private static func signIn(_ client: some TestClientProtocol, login: String) async throws -> Browser {
        var loginCookie = "", formToken = ""
        try await client.execute(uri: "/login", method: .get) { response in
            loginCookie = Self.value(of: "rl_login", in: response) ?? ""
            formToken = Self.csrf(in: String(buffer: response.body)) ?? ""
        }
        var session = ""
        try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "rl_login=\(loginCookie)"],
            body: ByteBuffer(string: "csrf=\(formToken)&login=\(login)&password=\(Self.password)")
        ) { response in
            #expect(response.status == .seeOther, "\(login) could not sign in")
            session = Self.value(of: "rl_session", in: response) ?? ""
        }
        // A page with the layout (the agency page of a backend that knows none) shows the token.
        var token = ""
        try await client.execute(uri: "/agency/BST", method: .get, headers: [.cookie: "rl_session=\(session)"]) { response in
            token = Self.csrf(in: String(buffer: response.body)) ?? ""
        }
        if token.isEmpty {
            try await client.execute(uri: "/dashboard/agency/KHONGCO", method: .get, headers: [.cookie: "rl_session=\(session)"]) { response in
                token = Self.csrf(in: String(buffer: response.body)) ?? ""
            }
        }
        #expect(token.count == 64, "no CSRF token for \(login)")
        return Browser(cookie: "rl_session=\(session)", csrf: token)
    }

    /// Whether a response is a refusal of the visitor (not of the request's content);
    /// sign-out's own answer is the way to the sign-in page.
    private static func refused(_ response: TestResponse, route: String = "") -> Bool {
        let body = String(buffer: response.body)
        if response.status == .seeOther, response.headers[.location] == "/login" { return route != "POST /logout" }
        if response.status == .unauthorized { return true }
        return response.status == .forbidden && (body.contains("forbidden_agency") || body.contains("read_only_role"))
    }

    private func router(folder: String) throws -> Router<PortalRequestContext> {
        let accounts = AccountStore(path: folder + "/accounts.json")
        for visitor in Self.visitors {
            guard let login = visitor.login, let role = visitor.role else { continue }
            try accounts.add(login: login, agency: visitor.agency, role: role, password: Self.password)
        }
        return PortalService.router(
            settings: PortalSettings(listen: try #require(ListenAddress("127.0.0.1:8470")), maxFileBytes: 4096, language: .vi),
            backend: StubBackend(), accounts: accounts, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
    }

    @Test func everyRouteHasARuleAndEveryRuleHolds() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("router-table-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let router = try router(folder: folder)
        let routes = Set(router.routes.map { "\($0.method) \($0.path)" })
        #expect(routes == Set(Self.table.keys), "routes without a line in the table: \(routes.subtracting(Self.table.keys).sorted())")

        try await Application(router: router).test(.router) { client in
            var browsers: [String: Browser] = [:]
            for visitor in Self.visitors {
                if let login = visitor.login { browsers[login] = try await Self.signIn(client, login: login) }
            }
            for (route, rule) in Self.table.sorted(by: { $0.key < $1.key }) {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(String(parts[0]))!, uri = Self.uri(String(parts[1]))
                for visitor in Self.visitors {
                    let admitted = Self.admits(rule, login: visitor.login, agency: visitor.agency, role: visitor.role)
                    let browser = visitor.login.flatMap { browsers[$0] }
                    // A POST by a session without its token is refused, whatever the route.
                    if method == .post, let browser {
                        for body in ["x", "csrf=\(String(repeating: "0", count: 64))"] {
                            try await client.execute(
                                uri: uri, method: .post, headers: [.cookie: browser.cookie, .contentType: "application/x-www-form-urlencoded"],
                                body: ByteBuffer(string: body)
                            ) { response in
                                let refusedForToken = response.status == .forbidden && String(buffer: response.body).contains("invalid_csrf_token")
                                #expect(
                                    refusedForToken || (Self.refused(response, route: route) && !admitted), "\(route) without a token for \(visitor.login!)")
                            }
                        }
                    }
                    var headers: HTTPFields = [:]
                    if let browser {
                        headers[.cookie] = browser.cookie
                        if method == .post && route != "POST /login" { headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf }
                    }
                    try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: "x")) { response in
                        #expect(Self.refused(response, route: route) == !admitted, "\(route) for \(visitor.login ?? "anonymous"): \(response.status)")
                    }
                    // The API by HTTP Basic: the same rule, and no token needed.
                    if uri.hasPrefix("/api/v1/"), let login = visitor.login, rule != .everyone {
                        let basic = "Basic " + Data("\(login):\(Self.password)".utf8).base64EncodedString()
                        try await client.execute(uri: uri, method: method, headers: [.authorization: basic], body: ByteBuffer(string: "x")) {
                            response in
                            #expect(Self.refused(response) == !admitted, "\(route) by Basic for \(login): \(response.status)")
                        }
                    }
                }
            }
        }
    }

    @Test func theTokenIsReadFromTheHeadOfAMultipartBodyAndTheRestStreamsOn() async throws {
        let boundary = "b0undary"
        let head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(String(repeating: "a", count: 64))\r\n--\(boundary)\r\n"
        #expect(MultipartToken.firstField(Array(head.utf8), boundary: boundary)?.value == String(repeating: "a", count: 64))
        #expect(MultipartToken.firstField(Array(head.utf8.prefix(60)), boundary: boundary) == nil)
        let fileFirst = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\nabc\r\n--\(boundary)--\r\n"
        #expect(MultipartToken.firstField(Array(fileFirst.utf8), boundary: boundary)?.name == "file")
        // The bytes peeked at are handed on in front of the rest, in order.
        let chunks = [head, "Content-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n", "abc\r\n--\(boundary)--\r\n"]
        let body = RequestBody(asyncSequence: chunks.map { ByteBuffer(string: $0) }.async)
        let peeked = try await MultipartToken.peek(body, boundary: boundary)
        #expect(peeked.token == String(repeating: "a", count: 64))
        var all = ""
        for try await chunk in peeked.body { all += String(buffer: chunk) }
        #expect(all == chunks.joined())
    }

    @Test func aFirstPartPastThePeekLimitCarriesNoTokenAndLosesNoByte() async throws {
        let boundary = "b"
        // At the limit the field is found; one byte past it the peek stops without a token.
        for (size, found) in [(MultipartToken.peekLimit - 200, true), (MultipartToken.peekLimit + 1, false)] {
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(String(repeating: "a", count: size))\r\n--\(boundary)--\r\n"
            let chunks = stride(from: 0, to: body.utf8.count, by: 1000).map { ByteBuffer(bytes: Array(body.utf8)[$0..<min($0 + 1000, body.utf8.count)]) }
            let peeked = try await MultipartToken.peek(RequestBody(asyncSequence: chunks.async), boundary: boundary)
            #expect((peeked.token != nil) == found, "first part of \(size) bytes")
            var all = ""
            for try await chunk in peeked.body { all += String(buffer: chunk) }
            #expect(all == body)
        }
    }
}
