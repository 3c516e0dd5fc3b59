import HTTPTypes
import Hummingbird
import LedgerDomain
import NIOCore

/// Every write by a session cookie carries the session's CSRF token, checked here for
/// every route at once (a new form cannot forget it): in `X-CSRF-Token`, or in the body —
/// the `csrf` field of a form (read whole, at most 16 KiB, and handed on), or the first
/// part of a multipart body (only that part is read before the check; the files behind it
/// stream on to the upload). Requests signed in by HTTP Basic carry no cookie and need no
/// token; the sign-in form has its own double-submit token (`WebRoutes`).
struct CSRFCheck: RouterMiddleware {
    typealias Context = PortalRequestContext
    let language: Language
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let formLimit = 16 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head, let visitor = context.identity, let expected = visitor.csrf else {
            return try await next(request, context)
        }
        var request = request
        let sent: String?
        if let header = request.headers[Self.header] {
            sent = header
        } else if let type = request.headers[.contentType], type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            let form = try await request.collectBody(upTo: Self.formLimit)
            sent = QueryString.parse(String(buffer: form))["csrf"]
        } else if let boundary = request.headers[.contentType].flatMap(MultipartUpload.boundary(contentType:)) {
            let peeked = try await MultipartToken.peek(request.body, boundary: boundary)
            request.body = peeked.body
            sent = peeked.token
        } else {
            sent = nil
        }
        guard let sent, SessionStore.same(sent, expected) else {
            return AnswerStyle.of(request, language: language).refused(.invalidCSRFToken, visitor: visitor)
        }
        return try await next(request, context)
    }
}
