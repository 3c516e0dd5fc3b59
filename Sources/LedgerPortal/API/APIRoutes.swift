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
    let accounts: AccountStore
    let throttle: LoginThrottle
    let settings: PortalSettings
    let logger: Logger

    func add(to router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        api.get("status") { request, _ in
            try await signedIn(request) { _ in APIResponses.json(try backend.status()) }
        }
        api.get("reports/:period") { request, context in
            try await signedIn(request) { _ in
                guard let text = context.parameters.get("period"), let period = ReportPeriod.parse(text) else {
                    return APIResponses.problem(.unknownPeriod, language: settings.language)
                }
                return APIResponses.json(try await backend.report(period))
            }
        }
        api.post("inbox/:agency") { request, context in
            try await signedIn(request) { account in
                try await upload(request, agency: context.parameters.get("agency") ?? "", by: account)
            }
        }
    }

    /// Runs `body` for the signed-in account, or answers 401 (no or wrong credentials) or
    /// 429 (a login that failed five times waits). Sign-ins and failures are logged.
    private func signedIn(_ request: Request, _ body: (Account) async throws -> Response) async throws -> Response {
        let language = settings.language
        guard let header = request.headers[.authorization], let credentials = BasicCredentials(header: header) else {
            return APIResponses.problem(
                .authenticationRequired, language: language, extra: [("WWW-Authenticate", #"Basic realm="reformledger", charset="UTF-8""#)])
        }
        if let wait = throttle.waitSeconds(for: credentials.login) {
            logger.warning("sign-in refused: too many failures", metadata: ["login": "\(credentials.login)"])
            return APIResponses.problem(.tooManyAttempts, language: language, extra: [("Retry-After", String(wait))])
        }
        let login = credentials.login, password = credentials.password, store = accounts
        // bcrypt costs tens of milliseconds: off the event loop.
        let account = await Task.detached { store.authenticate(login: login, password: password) }.value
        guard let account else {
            throttle.failed(login)
            logger.warning("sign-in failed", metadata: ["login": "\(login)"])
            return APIResponses.problem(
                .authenticationRequired, language: language, extra: [("WWW-Authenticate", #"Basic realm="reformledger", charset="UTF-8""#)])
        }
        throttle.succeeded(login)
        logger.debug("signed in", metadata: ["login": "\(login)", "role": "\(account.role.rawValue)"])
        return try await body(account)
    }

    /// `POST /api/v1/inbox/{AGENCY}`: checks the account's right and the declared size
    /// before reading the body, then hands the `file` field to the inbox rules.
    private func upload(_ request: Request, agency: String, by account: Account) async throws -> Response {
        let language = settings.language
        guard AgencyCode.isValid(agency), try backend.knowsAgency(agency) else { return APIResponses.problem(.unknownAgency, language: language) }
        if account.role == .auditor { return APIResponses.problem(.readOnlyRole, language: language) }
        guard account.mayActFor(agency: agency) else {
            logger.warning("upload refused: another agency", metadata: ["login": "\(account.login)", "agency": "\(agency)"])
            return APIResponses.problem(.forbiddenAgency, language: language)
        }
        let limit = settings.maxFileBytes + PortalSettings.envelopeAllowance
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return APIResponses.problem(.payloadTooLarge, language: language)
        }
        guard let boundary = request.headers[.contentType].flatMap(MultipartUpload.boundary(contentType:)) else {
            return APIResponses.problem(.malformedUpload, language: language)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return APIResponses.problem(.payloadTooLarge, language: language)
        }
        guard let file = MultipartUpload.parse(body, boundary: boundary) else { return APIResponses.problem(.malformedUpload, language: language) }
        guard file.bytes.count <= settings.maxFileBytes else { return APIResponses.problem(.payloadTooLarge, language: language) }
        guard let name = MultipartUpload.safeName(file.fileName) else { return APIResponses.problem(.invalidUploadName, language: language) }
        let verdict = try await backend.upload(agency: agency, fileName: name, bytes: file.bytes)
        logger.info(
            "upload", metadata: ["login": "\(account.login)", "agency": "\(agency)", "file": "\(name)", "accepted": "\(verdict.accepted)"])
        return APIResponses.json(verdict.entry, status: verdict.accepted ? .ok : .unprocessableContent)
    }
}
