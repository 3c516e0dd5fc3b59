import Foundation
import PostgresNIO

/// Where the centre's PostgreSQL is: `postgres://user@host:port/database`. The password is
/// never in the URL (it would show in `ps` and shell history): it comes from `PGPASSWORD`
/// or from a file (`--password-file`, or `PGPASSFILE`-like `REFORMLEDGER_CENTRAL_PASSWORD_FILE`).
public struct CentralDatabaseURL: Sendable, Equatable {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String

    public init(user: String, host: String, port: Int, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
    }

    /// Reads the URL; a password in it is refused with the reason.
    public init(parsing text: String) throws(CentralError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else { throw CentralError(.usage, "--db: “\(text)” is not a postgres://user@host:port/database URL") }
        guard components.password == nil else {
            throw CentralError(.usage, "--db: the URL holds a password; give it in PGPASSWORD or a password file instead")
        }
        guard let user = components.user, !user.isEmpty else { throw CentralError(.usage, "--db: the URL names no user (postgres://user@host/db)") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw CentralError(.usage, "--db: the URL names no database (postgres://user@host/db)") }
        self.user = user.removingPercentEncoding ?? user
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
    }

    /// The password: `PGPASSWORD`, else the first line of `passwordFile`, else none (trust
    /// or peer authentication on a local socket).
    public static func password(
        file passwordFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CentralError)
        -> String?
    {
        if let file = passwordFile ?? environment["REFORMLEDGER_CENTRAL_PASSWORD_FILE"] {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CentralError(.usage, "--password-file: \(file) cannot be read")
            }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        return environment["PGPASSWORD"]
    }

    public func clientConfiguration(password: String?) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 8
        return configuration
    }
}

/// A failure of a central command or of a push, with the exit status of CONTRACT §8.
public struct CentralError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// 1: input refused (a malformed batch).
        case rejected
        /// 2: usage (bad URL, an unregistered ledger, a schema missing).
        case usage
        /// 3: verification failed (a history that does not extend, a bad signature, an altered row).
        case verification
        /// 4: a fault of the machine (the centre or the network away).
        case fault
    }

    public var kind: Kind
    /// A stable code (`not_extending`, `bad_signature`, `unknown_ledger`, …).
    public var code: String
    public var description: String

    public init(_ kind: Kind, _ description: String, code: String? = nil) {
        self.kind = kind
        self.description = description
        self.code =
            code
            ?? {
                switch kind {
                case .rejected: "bad_batch"
                case .usage: "usage"
                case .verification: "verification_failed"
                case .fault: "unavailable"
                }
            }()
    }
}
