import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Who a browser is: the `rl_session` cookie, its session, and the account behind it
/// (re-read, so that a disabled account, or one whose password was changed, is out at its
/// next request). An accounts file that cannot be read is an error (a 503 in words, the
/// file named in the log), never a signed-out visitor.
struct WebAuth: Sendable {
    static let sessionCookie = "rl_session"
    /// The sign-in form's double-submit token: set by `GET /login`, sent back in the form.
    static let loginCookie = "rl_login"

    let sessions: SessionStore
    let accounts: AccountStore

    func visitor(_ request: Request) throws -> Visitor? {
        guard let token = Self.cookie(Self.sessionCookie, in: request), let session = sessions.session(token: token) else { return nil }
        guard let account = try accounts.account(login: session.login), !account.disabled,
            SessionStore.same(account.passwordHash, session.credential)
        else {
            sessions.end(token: token)
            return nil
        }
        return Visitor(account: account, session: session, token: token)
    }

    /// The value of one cookie of the request's `Cookie` headers.
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return String(parts[1].trimmingCharacters(in: .whitespaces))
                }
            }
        }
        return nil
    }

    /// A cookie only this site's own requests carry, that no script reads; `Secure` when the
    /// reverse proxy says the browser came over HTTPS.
    static func setCookie(_ name: String, _ value: String, request: Request, maxAge: Int? = nil) -> String {
        var cookie = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        if request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" { cookie += "; Secure" }
        return cookie
    }
}
