import Hummingbird
import LedgerDomain
import Logging
import Prometheus
import ServiceLifecycle

/// The portal as one service of the daemon's group. A listener that cannot bind (the port
/// taken, an address not on this host) is logged and tried again with a growing pause, up
/// to a minute: ingestion, a sibling service, never stops for it. Graceful shutdown is the
/// group's: the server stops accepting, finishes what it is answering, and returns.
public struct PortalService: Service {
    let settings: PortalSettings
    let backend: any PortalBackend
    let accounts: AccountStore
    let metrics: PrometheusCollectorRegistry
    let logger: Logger
    /// Called each time the listener is bound (READY=1 waits for the first).
    let onListening: @Sendable (Int) -> Void

    public init(
        settings: PortalSettings, backend: any PortalBackend, accounts: AccountStore, metrics: PrometheusCollectorRegistry, logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.metrics = metrics
        self.settings = settings
        self.backend = backend
        self.accounts = accounts
        self.logger = logger
        self.onListening = onListening
    }

    /// The routes, for the service and for tests that drive them without a socket.
    public static func router(
        settings: PortalSettings, backend: any PortalBackend, accounts: AccountStore, metrics: PrometheusCollectorRegistry, logger: Logger
    ) -> Router<PortalRequestContext> {
        let router = Router(context: PortalRequestContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: RequestMetrics(registry: metrics))
        router.add(middleware: FailureAnswers(language: settings.language, logger: logger))
        let signIn = SignIn(accounts: accounts, throttle: LoginThrottle(pause: settings.throttlePause), logger: logger)
        let web = WebAuth(sessions: SessionStore(), accounts: accounts)
        // Who is asking, then every write by cookie holds the session's token; each route
        // group then has its `AccessRule` (`RequireAccess`).
        router.add(middleware: IdentifyVisitor(web: web))
        router.add(middleware: DeclaredSizeLimit(limit: settings.maxFileBytes + PortalSettings.envelopeAllowance, language: settings.language))
        router.add(middleware: CSRFCheck(language: settings.language))
        let uploads = UploadGate(capacity: settings.maxConcurrentUploads)
        APIRoutes(backend: backend, signIn: signIn, settings: settings, gate: uploads, logger: logger).add(to: router)
        WebRoutes(backend: backend, signIn: signIn, web: web, settings: settings, uploads: uploads, logger: logger, reportCSS: settings.reportCSS)
            .add(to: router)
        // For Prometheus: counts and gauges only, no personal data (the nginx example keeps it internal).
        router.group().add(middleware: RequireAccess(rule: .everyone, language: settings.language, logger: logger)).get("metrics") { _, _ in
            await backend.refreshGauges()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        return router
    }

    public func run() async throws {
        let router = Self.router(settings: settings, backend: backend, accounts: accounts, metrics: metrics, logger: logger)
        var pause = Duration.seconds(1)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let logger = self.logger, onListening = self.onListening, address = settings.listen
            let application = Application(
                router: router,
                // A client that sends no byte for this long (a slow-header attack, a lost
                // phone) is disconnected instead of holding a connection for ever.
                server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(settings.idleTimeout / .nanoseconds(1))))),
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
