/// Who is asking, as the identifying middlewares found out: an account signed in by the
/// pages' session cookie (with its CSRF token), or by HTTP Basic (no cookie, no token).
/// Handlers read it from `PortalRequestContext.identity`; inside a route group guarded by
/// `RequireAccess` it is always there.
public struct Visitor: Sendable {
    public let account: Account
    /// The session and its cookie's token; nil for HTTP Basic.
    let session: SessionStore.Session?
    let token: String?

    /// The session's CSRF token, which every write by cookie must carry.
    var csrf: String? { session?.csrf }
}
