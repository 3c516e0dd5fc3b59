/// A host and TCP port to listen on, written `HOST:PORT` (`127.0.0.1:8470`, `[::1]:8470`,
/// `0.0.0.0:8470`).
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let allowed = host.unicodeScalars.allSatisfy {
            $0.properties.isASCIIHexDigit || "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:".unicodeScalars.contains($0)
        }
        guard !host.isEmpty, host.utf8.count <= 253, allowed else { return nil }
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
