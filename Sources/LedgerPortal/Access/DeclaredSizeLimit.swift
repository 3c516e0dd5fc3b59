import Hummingbird
import LedgerDomain

/// A body that declares more than any route takes (`max_file_bytes` and the multipart
/// envelope) is refused with 413 before a byte of it is read — before `CSRFCheck` reads a
/// form's head, before an upload waits at the gate. A chunked body is counted as it
/// arrives by the reader of each route instead.
struct DeclaredSizeLimit: RouterMiddleware {
    typealias Context = PortalRequestContext
    let limit: Int
    let language: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return AnswerStyle.of(request, language: language).refused(.payloadTooLarge, visitor: context.identity)
        }
        return try await next(request, context)
    }
}
