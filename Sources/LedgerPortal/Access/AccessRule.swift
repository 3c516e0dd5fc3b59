import Hummingbird
import LedgerDomain
import Logging

/// Who may use a route: every route of the portal is added in a group guarded by one of
/// these (`PortalRoutes`), and `RouterTableTests` fails for a route added without one.
enum AccessRule: Sendable, Equatable {
    /// Anyone, signed in or not (sign-in, the style sheet, health, metrics, the API's
    /// description, sign-out).
    case everyone
    /// Any signed-in account.
    case signedIn
    /// Coordinators, admins and auditors: every agency's data.
    case readsEverything
    /// The agency of the path parameter: its clerk, coordinators and admins, and those who
    /// read everything.
    case agencyPages(parameter: String)
    /// Deciding on any agency's reports: coordinators and admins; an auditor reads only.
    case coordinates
    /// Sending files for the agency of the path parameter: its clerk, coordinators and
    /// admins; an auditor reads only.
    case upload(parameter: String)

    /// Why `account` may not, or nil when it may.
    func refusal(of account: Account, parameters: Parameters) -> PortalProblem? {
        switch self {
        case .everyone, .signedIn: return nil
        case .readsEverything: return account.readsEverything ? nil : .forbiddenAgency
        case .agencyPages(let name):
            let code = parameters.get(name) ?? ""
            return account.mayActFor(agency: code) || account.readsEverything ? nil : .forbiddenAgency
        case .coordinates:
            if account.role == .auditor { return .readOnlyRole }
            return account.role == .coordinator || account.role == .admin ? nil : .forbiddenAgency
        case .upload(let name):
            if account.role == .auditor { return .readOnlyRole }
            return account.mayActFor(agency: parameters.get(name) ?? "") ? nil : .forbiddenAgency
        }
    }
}

/// How a refusal is answered: a page in the browser (sign-in by redirect, a 403 page in
/// words) or JSON for scripts (401 with the Basic challenge, a problem object).
enum AnswerStyle: Sendable {
    case page(PortalWords)
    case api(Language)

    /// The style of a path: `/api/…` answers in JSON, everything else with pages.
    static func of(_ request: Request, language: Language) -> AnswerStyle {
        request.uri.path.hasPrefix("/api/") ? .api(language) : .page(PortalWords(language: language))
    }

    func signInRequired() -> Response {
        switch self {
        case .page: PageLayout.redirect("/login")
        case .api(let language):
            APIResponses.problem(
                .authenticationRequired, language: language, extra: [("WWW-Authenticate", #"Basic realm="reformledger", charset="UTF-8""#)])
        }
    }

    func refused(_ problem: PortalProblem, visitor: Visitor?) -> Response {
        switch self {
        case .page(let words): PageLayout(words: words, account: visitor?.account, csrf: visitor?.csrf).problem(problem)
        case .api(let language): APIResponses.problem(problem, language: language)
        }
    }
}

/// The guard of a route group: a visitor is required (except for `.everyone`), and the
/// rule must admit them. The refusal is logged with the login and the path.
struct RequireAccess: RouterMiddleware {
    typealias Context = PortalRequestContext
    let rule: AccessRule
    let language: Language
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard rule != .everyone else { return try await next(request, context) }
        let style = AnswerStyle.of(request, language: language)
        guard let visitor = context.identity else { return style.signInRequired() }
        if let problem = rule.refusal(of: visitor.account, parameters: context.parameters) {
            logger.warning(
                "refused", metadata: ["login": "\(visitor.account.login)", "path": "\(request.uri.path)", "code": "\(problem.rawValue)"])
            return style.refused(problem, visitor: visitor)
        }
        return try await next(request, context)
    }
}
