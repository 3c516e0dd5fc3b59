import HTTPTypes
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Hummingbird's basic context plus the peer's address, which the sign-in throttle counts
/// by (`clientAddress`), and the visitor the identifying middlewares found (`identity`,
/// hummingbird-auth's `AuthRequestContext`).
public struct PortalRequestContext: RequestContext, RemoteAddressRequestContext, AuthRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public var identity: Visitor?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        identity = nil
    }

    /// The visitor inside a route group guarded by `RequireAccess` (which answered
    /// already when there is none).
    var visitor: Visitor {
        get throws { try requireIdentity() }
    }

    /// Who is asking, for the throttle: the peer's IP address; behind the reverse proxy on
    /// this host (a loopback peer), the last address of `X-Forwarded-For`, which is the one
    /// the proxy itself saw — the earlier ones are the client's word and not trusted.
    func clientAddress(_ request: Request) -> String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        guard peer == "127.0.0.1" || peer == "::1",
            let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.utf8.count <= 64
        else { return peer }
        return last
    }
}
