import Foundation
import HTTPTypes
import Hummingbird
import LedgerDomain
import Logging

/// The API for scripts (and the pages): `/api/v1/…`, answered in JSON, authenticated by
/// HTTP Basic. Every refusal is a `PortalProblem`; an upload that reaches the inbox rules
/// is answered with their verdict (200 accepted, 422 rejected).
struct APIRoutes: Sendable {
    let backend: any PortalBackend
    let signIn: SignIn
    let web: WebAuth
    let settings: PortalSettings
    let gate: UploadGate
    let logger: Logger

    func add(to router: Router<PortalRequestContext>) {
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        api.get("status") { request, context in
            try await signedIn(request, context) { _, _ in APIResponses.json(try backend.status()) }
        }
        api.get("reports/:period") { request, context in
            try await signedIn(request, context) { _, _ in
                guard let text = context.parameters.get("period"), let period = ReportPeriod.parse(text) else {
                    return APIResponses.problem(.unknownPeriod, language: settings.language)
                }
                return APIResponses.json(try await backend.report(period))
            }
        }
        api.post("inbox/:agency") { request, context in
            try await signedIn(request, context) { account, csrf in
                try await upload(request, agency: context.parameters.get("agency") ?? "", by: account, csrf: csrf)
            }
        }
        api.get("events") { request, context in
            try await signedIn(request, context) { account, _ in
                guard account.readsEverything else { return APIResponses.problem(.forbiddenAgency, language: settings.language) }
                guard let query = EventQueryParameters.parse(QueryString.parse(request.uri.query)) else {
                    return APIResponses.problem(.invalidQuery, language: settings.language)
                }
                let page = try await backend.events(query)
                return APIResponses.json(
                    .object(["events": .array(page.events), "next_before": page.nextBefore.map { .integer(Int($0)) } ?? .null]))
            }
        }
    }

    /// Runs `body` for the signed-in account: HTTP Basic, or the pages' session cookie (a
    /// write by cookie must also carry the session's CSRF token, in `X-CSRF-Token` or the
    /// form's `csrf` field, which `body` is told to check). Answers 401 without either and
    /// 429 when the login waits after five failures.
    private func signedIn(
        _ request: Request, _ context: PortalRequestContext, _ body: (Account, _ csrf: String?) async throws -> Response
    ) async throws -> Response {
        let language = settings.language
        let challenge = [("WWW-Authenticate", #"Basic realm="reformledger", charset="UTF-8""#)]
        guard let header = request.headers[.authorization], let credentials = BasicCredentials(header: header) else {
            if let visitor = try web.visitor(request) { return try await body(visitor.account, visitor.session.csrf) }
            return APIResponses.problem(.authenticationRequired, language: language, extra: challenge)
        }
        let client = context.clientAddress(request)
        switch await signIn.check(login: credentials.login, password: credentials.password, client: client, via: "basic") {
        case .signedIn(let account): return try await body(account, nil)
        case .wrong: return APIResponses.problem(.authenticationRequired, language: language, extra: challenge)
        case .waiting(let seconds): return APIResponses.problem(.tooManyAttempts, language: language, extra: [("Retry-After", String(seconds))])
        case .busy: return APIResponses.problem(.signInBusy, language: language, extra: [("Retry-After", "2")])
        case .unavailable: return APIResponses.problem(.accountsUnavailable, language: language)
        }
    }

    /// `POST /api/v1/inbox/{AGENCY}`: once admitted (`UploadAdmission`), the `file` field
    /// goes to the inbox rules.
    private func upload(_ request: Request, agency: String, by account: Account, csrf: String?) async throws -> Response {
        let language = settings.language
        let admission = UploadAdmission(backend: backend, settings: settings, gate: gate, logger: logger)
        let outcome = try await admission.admit(request, agency: agency, by: account) { form in
            if let csrf {
                let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? form.fields["csrf"] ?? ""
                guard SessionStore.same(sent, csrf) else { return APIResponses.problem(.invalidCSRFToken, language: language) }
            }
            guard let file = form.files.first else { return APIResponses.problem(.malformedUpload, language: language) }
            guard let name = MultipartUpload.safeName(file.fileName) else { return APIResponses.problem(.invalidUploadName, language: language) }
            let verdict = try await backend.upload(agency: agency, fileName: name, staged: file.path)
            logger.info(
                "upload", metadata: ["login": "\(account.login)", "agency": "\(agency)", "file": "\(name)", "accepted": "\(verdict.accepted)"])
            return APIResponses.json(verdict.entry, status: verdict.accepted ? .ok : .unprocessableContent)
        }
        switch outcome {
        case .taken(let response): return response
        case .refused(let problem):
            return APIResponses.problem(problem, language: language, extra: problem == .uploadsBusy ? [("Retry-After", "30")] : [])
        }
    }
}
