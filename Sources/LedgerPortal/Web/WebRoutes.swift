import HTTPTypes
import Hummingbird
import LedgerDomain
import Logging

/// The browser pages: sign-in and sign-out, each role's pages (`AgencyPages`,
/// `DashboardPages`, `AuditPages`) and the style sheet. Each is added in a group guarded by
/// its `AccessRule` (`guarded(_:_:)`): a page without a live session sends the browser to
/// `/login`, a page the role may not see answers 403 with the reason. Every form carries
/// the session's CSRF token, checked by `CSRFCheck` (the sign-in form a double-submit one,
/// checked here).
struct WebRoutes: Sendable {
    let backend: any PortalBackend
    let signIn: SignIn
    let web: WebAuth
    let settings: PortalSettings
    let uploads: UploadGate
    let logger: Logger
    let reportCSS: String

    var words: PortalWords { PortalWords(language: settings.language) }

    /// A group of routes that `rule` guards.
    func guarded(_ router: Router<PortalRequestContext>, _ rule: AccessRule) -> RouterGroup<PortalRequestContext> {
        router.group().add(middleware: RequireAccess(rule: rule, language: settings.language, logger: logger))
    }

    func add(to router: Router<PortalRequestContext>) {
        let css = PortalStyle.css(report: reportCSS)
        let open = guarded(router, .everyone)
        open.get("static/portal.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: css)))
        }
        // The tab's icon: a ledger's page, drawn rather than fetched.
        open.get("static/icon.svg") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "image/svg+xml"
            headers[.cacheControl] = "max-age=86400"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PortalStyle.icon)))
        }
        open.get("favicon.ico") { _, _ in PageLayout.redirect("/static/icon.svg") }
        guarded(router, .signedIn).get("/") { _, context in
            let account = try context.visitor.account
            return PageLayout.redirect(account.role == .clerk ? "/agency/\(q(account.agency))" : account.role == .auditor ? "/audit" : "/dashboard")
        }
        open.get("login") { request, _ in loginPage(request, problem: nil) }
        open.post("login") { request, context in try await login(request, client: context.clientAddress(request)) }
        // Signed in or not, the cookie is cleared; a session is ended (its token checked by `CSRFCheck`).
        open.post("logout") { request, context in
            _ = try await formText(request)  // a form like any other: at most 16 KiB
            if let visitor = context.identity, let token = visitor.token {
                web.sessions.end(token: token)
                logger.notice("signed out", metadata: ["login": "\(visitor.account.login)"])
            }
            return PageLayout.redirect("/login", cookies: [WebAuth.setCookie(WebAuth.sessionCookie, "", request: request, maxAge: 0)])
        }
        AgencyPages(routes: self).add(to: router)
        DashboardPages(routes: self).add(to: router)
        PlanPages(routes: self).add(to: router)
        LoopPages(routes: self).add(to: router)
        EntryPages(routes: self).add(to: router)
        InitiativePages(routes: self).add(to: router)
        AuditPages(routes: self).add(to: router)
    }

    func layout(_ visitor: Visitor?) -> PageLayout {
        PageLayout(words: words, account: visitor?.account, csrf: visitor?.csrf)
    }

    /// A form body, at most 16 KiB.
    func formText(_ request: Request) async throws -> String {
        let buffer = try await request.body.collect(upTo: CSRFCheck.formLimit)
        return String(buffer: buffer)
    }

    /// The period asked for in `?period=`, or the current one; nil when one is asked for
    /// and is not a period.
    func period(_ request: Request) -> ReportPeriod? {
        guard let text = QueryString.parse(request.uri.query)["period"], !text.isEmpty else { return backend.currentPeriod() }
        return ReportPeriod.parse(text)
    }

    // MARK: Sign-in

    private func loginPage(_ request: Request, problem: PortalProblem?, status: HTTPResponse.Status = .ok, login: String = "") -> Response {
        let token = SessionStore.randomToken()
        let w = words
        var body = "<h1>\(h(w.signIn))</h1>\n"
        if let problem { body += "<p class=\"problem\" data-code=\"\(h(problem.rawValue))\">\(h(problem.message.text(in: w.language)))</p>\n" }
        body += """
            <form class="card" method="post" action="/login">
            <input type="hidden" name="csrf" value="\(token)">
            <label for="login">\(h(w.login))</label><input type="text" id="login" name="login" value="\(h(login))" autocomplete="username" required>
            <label for="password">\(h(w.password))</label><input type="password" id="password" name="password" autocomplete="current-password" required>
            <p><button type="submit" id="sign-in">\(h(w.signIn))</button></p>
            </form>
            """
        var response = layout(nil).page(w.signIn, body, status: status)
        response.headers.append(HTTPField(name: .setCookie, value: WebAuth.setCookie(WebAuth.loginCookie, token, request: request, maxAge: 3600)))
        return response
    }

    private func login(_ request: Request, client: String) async throws -> Response {
        let form = QueryString.parse(try await formText(request))
        let login = form["login"] ?? "", password = form["password"] ?? ""
        // Double submit: the token in the form must be the one this browser's cookie holds.
        guard let cookie = WebAuth.cookie(WebAuth.loginCookie, in: request), SessionStore.same(form["csrf"] ?? "", cookie) else {
            return loginPage(request, problem: .invalidCSRFToken, status: .forbidden, login: login)
        }
        switch await signIn.check(login: login, password: password, client: client, via: "form") {
        case .signedIn(let account):
            let (token, _) = web.sessions.start(login: account.login, credential: account.passwordHash)
            return PageLayout.redirect(
                "/",
                cookies: [
                    WebAuth.setCookie(WebAuth.sessionCookie, token, request: request),
                    WebAuth.setCookie(WebAuth.loginCookie, "", request: request, maxAge: 0),
                ])
        case .wrong:
            return loginPage(request, problem: .signInFailed, status: .unauthorized, login: login)
        case .waiting(let seconds):
            var response = loginPage(request, problem: .tooManyAttempts, status: .tooManyRequests, login: login)
            response.headers[.retryAfter] = String(seconds)
            return response
        case .busy:
            var response = loginPage(request, problem: .signInBusy, status: .serviceUnavailable, login: login)
            response.headers[.retryAfter] = "2"
            return response
        case .unavailable:
            return loginPage(request, problem: .accountsUnavailable, status: .serviceUnavailable, login: login)
        }
    }
}
