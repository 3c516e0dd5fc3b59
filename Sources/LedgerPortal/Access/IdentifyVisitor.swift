import Hummingbird
import LedgerDomain

/// Finds the visitor of a request by the pages' session cookie and puts them in the
/// context (hummingbird-auth's pattern: identify first, guard per route group after). A
/// request to the API that carries an `Authorization` header is left to `BasicSignIn`:
/// scripts sign in with their own credentials, never by a cookie a browser holds.
struct IdentifyVisitor: RouterMiddleware {
    typealias Context = PortalRequestContext
    let web: WebAuth

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let byBasic = request.headers[.authorization] != nil && request.uri.path.hasPrefix("/api/")
        if !byBasic, let visitor = try web.visitor(request) { context.identity = visitor }
        return try await next(request, context)
    }
}

/// HTTP Basic on the API's guarded groups, through the sign-in throttle: a right
/// password makes the account the visitor; a wrong one is 401 with the challenge, a
/// throttled login 429 with `Retry-After`, a full line of checks 503.
struct BasicSignIn: RouterMiddleware {
    typealias Context = PortalRequestContext
    let signIn: SignIn
    let language: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], let credentials = BasicCredentials(header: header) else {
            return try await next(request, context)
        }
        let challenge = [("WWW-Authenticate", #"Basic realm="reformledger", charset="UTF-8""#)]
        switch await signIn.check(login: credentials.login, password: credentials.password, client: context.clientAddress(request), via: "basic") {
        case .signedIn(let account):
            var context = context
            context.identity = Visitor(account: account, session: nil, token: nil)
            return try await next(request, context)
        case .wrong: return APIResponses.problem(.authenticationRequired, language: language, extra: challenge)
        case .waiting(let seconds): return APIResponses.problem(.tooManyAttempts, language: language, extra: [("Retry-After", String(seconds))])
        case .busy: return APIResponses.problem(.signInBusy, language: language, extra: [("Retry-After", "2")])
        case .unavailable: return APIResponses.problem(.accountsUnavailable, language: language)
        }
    }
}
