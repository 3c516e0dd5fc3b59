import Hummingbird
import LedgerDomain
import Logging
import ServiceLifecycle

/// The portal as one service of the daemon's group. A listener that cannot bind (the port
/// taken, an address not on this host) is logged and tried again with a growing pause, up
/// to a minute: ingestion, a sibling service, never stops for it. Graceful shutdown is the
/// group's: the server stops accepting, finishes what it is answering, and returns.
public struct PortalService: Service {
    let settings: PortalSettings
    let backend: any PortalBackend
    let accounts: AccountStore
    let logger: Logger
    /// Called each time the listener is bound (READY=1 waits for the first).
    let onListening: @Sendable (Int) -> Void

    public init(
        settings: PortalSettings, backend: any PortalBackend, accounts: AccountStore, logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.settings = settings
        self.backend = backend
        self.accounts = accounts
        self.logger = logger
        self.onListening = onListening
    }

    /// The routes, for the service and for tests that drive them without a socket.
    public static func router(settings: PortalSettings, backend: any PortalBackend, accounts: AccountStore, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeaders())
        APIRoutes(backend: backend, accounts: accounts, throttle: LoginThrottle(pause: settings.throttlePause), settings: settings, logger: logger)
            .add(to: router)
        return router
    }

    public func run() async throws {
        let router = Self.router(settings: settings, backend: backend, accounts: accounts, logger: logger)
        var pause = Duration.seconds(1)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let logger = self.logger, onListening = self.onListening, address = settings.listen
            let application = Application(
                router: router,
                configuration: .init(address: .hostname(address.host, port: address.port), serverName: nil, reuseAddress: true),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? address.port
                    logger.notice("portal listening", metadata: ["http.address": "\(address.host):\(port)"])
                    onListening(port)
                },
                logger: logger)
            do {
                try await application.run()
                return
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                let seconds = pause.components.seconds
                logger.error(
                    "the portal cannot listen; trying again", metadata: ["http.address": "\(address)", "error": "\(error)", "retry_seconds": "\(seconds)"])
            }
            let wait = pause
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            pause = min(pause * 2, .seconds(60))
        }
    }
}
