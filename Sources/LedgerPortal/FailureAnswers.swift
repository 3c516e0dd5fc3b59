import Hummingbird
import LedgerDomain
import Logging

/// What a visitor gets when the ledger cannot answer (a read that fails, a disk that went
/// away): the reason logged with the path, and a 503 `unavailable` in Vietnamese — JSON
/// under `/api/`, a page elsewhere — instead of a bare 500. The daemon goes on either way.
struct FailureAnswers<Context: RequestContext>: RouterMiddleware {
    let language: Language
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A body read past its bound (a chunked upload, a form over 16 KiB): the same
            // worded refusal as a declared size over the limit, not a bare 413.
            logger.warning("a request body was too large", metadata: ["path": "\(request.uri.path)"])
            return answer(.payloadTooLarge, request)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            logger.error("the portal could not answer", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return answer(.unavailable, request)
        }
    }

    /// JSON under `/api/`, a page elsewhere.
    private func answer(_ problem: PortalProblem, _ request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") { return APIResponses.problem(problem, language: language) }
        return PageLayout(words: PortalWords(language: language), account: nil, csrf: nil).problem(problem)
    }
}
