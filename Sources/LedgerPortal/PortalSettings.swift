import LedgerDomain

/// What the portal is configured with: where it listens, the upload limit, the language of
/// its messages.
public struct PortalSettings: Sendable {
    public var listen: ListenAddress
    public var maxFileBytes: Int
    public var language: Language
    /// How long a login waits after five failures.
    public var throttlePause: Duration
    /// The report pages' style, served with the portal's in `/static/portal.css`.
    public var reportCSS: String
    /// A connection that sends nothing for this long, between requests or inside a
    /// request's head, is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// Uploads whose bodies may be received at once; the next are answered 503 at once
    /// (`uploads_busy`) rather than held: each may be up to `max_file_bytes` on disk.
    public var maxConcurrentUploads = 8

    public init(listen: ListenAddress, maxFileBytes: Int, language: Language, reportCSS: String = "", throttlePause: Duration = .seconds(60)) {
        self.reportCSS = reportCSS
        self.listen = listen
        self.maxFileBytes = maxFileBytes
        self.language = language
        self.throttlePause = throttlePause
    }

    /// The multipart envelope around a file (boundaries, part headers) may add this much
    /// to a body before the file itself is too large.
    static let envelopeAllowance = 16 * 1024
}
