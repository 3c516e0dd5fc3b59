import Foundation
import HTTPTypes
import Hummingbird
import LedgerDomain
import Logging

/// The API for scripts (and the pages): `/api/v1/…`, answered in JSON, authenticated by
/// HTTP Basic (`BasicSignIn`) or the pages' cookie (whose writes `CSRFCheck` holds to the
/// session's token). Every refusal is a `PortalProblem`; an upload that reaches the inbox rules
/// is answered with their verdict (200 accepted, 422 rejected).
struct APIRoutes: Sendable {
    let backend: any PortalBackend
    let signIn: SignIn
    let settings: PortalSettings
    let gate: UploadGate
    let logger: Logger

    /// The API's routes under `api/v1`, in groups that sign in by HTTP Basic (or the
    /// pages' cookie) and are guarded by their `AccessRule`.
    private func guarded(_ router: Router<PortalRequestContext>, _ rule: AccessRule) -> RouterGroup<PortalRequestContext> {
        router.group("api/v1")
            .add(middleware: BasicSignIn(signIn: signIn, language: settings.language))
            .add(middleware: RequireAccess(rule: rule, language: settings.language, logger: logger))
    }

    func add(to router: Router<PortalRequestContext>) {
        let open = router.group().add(middleware: RequireAccess(rule: .everyone, language: settings.language, logger: logger))
        open.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        open.get("api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        let signedIn = guarded(router, .signedIn)
        signedIn.get("status") { _, _ in APIResponses.json(try backend.status()) }
        signedIn.get("reports/:period") { _, context in
            guard let text = context.parameters.get("period"), let period = ReportPeriod.parse(text) else {
                return APIResponses.problem(.unknownPeriod, language: settings.language)
            }
            return APIResponses.json(try await backend.report(period))
        }
        guarded(router, .upload(parameter: "agency")).post("inbox/:agency") { request, context in
            try await upload(request, agency: context.parameters.get("agency") ?? "", by: try context.visitor.account)
        }
        guarded(router, .readsEverything).get("events") { request, _ in
            guard let query = EventQueryParameters.parse(QueryString.parse(request.uri.query)) else {
                return APIResponses.problem(.invalidQuery, language: settings.language)
            }
            let page = try await backend.events(query)
            return APIResponses.json(
                .object(["events": .array(page.events), "next_before": page.nextBefore.map { .integer(Int($0)) } ?? .null]))
        }
    }

    /// `POST /api/v1/inbox/{AGENCY}`: once admitted (`UploadAdmission`), the `file` field
    /// goes to the inbox rules.
    private func upload(_ request: Request, agency: String, by account: Account) async throws -> Response {
        let language = settings.language
        let admission = UploadAdmission(backend: backend, settings: settings, gate: gate, logger: logger)
        let outcome = try await admission.admit(request, agency: agency, by: account) { form in
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
