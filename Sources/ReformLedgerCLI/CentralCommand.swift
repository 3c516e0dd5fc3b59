import ArgumentParser
import Foundation
import LedgerCentral
import LedgerDomain
import LedgerFiles
import LedgerReports
import LedgerStore
import Logging

/// `central …`: the level above the provinces (CONTRACT §13) — a PostgreSQL store of
/// many ledgers, fed by `push`, that witnesses each province's checkpoints and reports
/// across them.
struct CentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central",
        abstract: "The centre that consolidates many provincial ledgers on PostgreSQL and cosigns their checkpoints.",
        discussion: """
            Passwords are never on the command line: PGPASSWORD, or --password-file.

            Examples:
              reformledger central init --db postgres://reformledger@127.0.0.1:5432/central
              reformledger central key --key-file /etc/reformledger/central-witness.key --name bonoivu.gov.vn/reformledger-centre
              reformledger central ledger add --db … --origin sonoivu.soctrang.gov.vn/reformledger --key 'name+1a2b3c4d+AV…' --name 'Sóc Trăng' --region CT
              reformledger central serve --db … --key-file /etc/reformledger/central-witness.key --http 127.0.0.1:8091
              reformledger central report --db … --period 2025 --region CT --format md,json --out out/
            """,
        subcommands: [
            CentralInit.self, CentralLedger.self, CentralKey.self, CentralServe.self, CentralStatus.self, CentralVerify.self, CentralReportCommand.self,
        ])
}

/// `--db` and `--password-file`, taken by every central command that opens PostgreSQL.
struct CentralDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The centre's database: postgres://user@host:port/database (no password in it).")
    var db: String

    @Option(name: .long, help: "A file whose first line is the password (default: $PGPASSWORD).")
    var passwordFile: String?

    /// Runs `body` on the store, mapping the centre's failures to CONTRACT §8's statuses.
    func withStore<T: Sendable>(_ body: @Sendable (CentralStore) async throws -> T) async throws -> T {
        do {
            let url = try CentralDatabaseURL(parsing: db)
            let password = try CentralDatabaseURL.password(file: passwordFile)
            var logger = Logger(label: "reformledger.central")
            logger.logLevel = .warning
            return try await CentralStore.with(url, password: password, logger: logger, body)
        } catch let error as CentralError {
            throw error.commandFailure
        }
    }
}

extension CentralError {
    var commandFailure: CommandFailure {
        let status: ExitStatus =
            switch kind {
            case .rejected: .inputRejected
            case .usage: .usage
            case .verification: .verificationFailed
            case .fault: .unexpected
            }
        return CommandFailure("\(description) [\(code)]", status: status)
    }
}

struct CentralInit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the centre's tables (again: changes nothing).")

    @OptionGroup var database: CentralDatabaseOptions

    func run() async throws {
        try await database.withStore { try await $0.initialise() }
        Terminal.print("centre: schema ready in \(database.db)")
    }
}

struct CentralLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Register a province's ledger.", subcommands: [CentralLedgerAdd.self])
}

struct CentralLedgerAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a ledger by its log_origin and checkpoint verifier key (`reformledger checkpoint --public-key`).")

    @OptionGroup var database: CentralDatabaseOptions

    @Option(name: .long, help: "The province's log_origin (the first line of its checkpoints).")
    var origin: String

    @Option(name: .long, help: "Its checkpoint verifier key (<name>+<8 hex>+<base64>), or a file holding it.")
    var key: String

    @Option(name: .long, help: "The province's name, as reports show it.")
    var name: String

    @Option(name: .long, help: "A region code that reports group ledgers by.")
    var region: String?

    func run() async throws {
        let text = FileManager.default.contents(atPath: key).map { String(decoding: $0, as: UTF8.self) } ?? key
        guard let verifier = NoteVerifier(encoded: text) else {
            throw CommandFailure("--key: not a verifier key (<name>+<8 hex>+<base64>) nor a file holding one")
        }
        guard NoteKey.isValidName(origin) else { throw CommandFailure("--origin: “\(origin)” is not a log origin (no spaces or “+”)") }
        let (origin, name, region) = (self.origin, self.name, self.region)
        let created = try await database.withStore { try await $0.addLedger(origin: origin, key: verifier, name: name, region: region) }
        Terminal.print("\(created ? "registered" : "updated") \(origin) (\(name)\(region.map { ", region \($0)" } ?? ""))")
    }
}

/// The witness key file: `PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>`, mode 0600.
struct CentralKeyFile {
    let path: String

    init(path: String) {
        // Made absolute: the atomic write names the folder it syncs.
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func load() throws -> CosignatureSigner? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let signer = CosignatureSigner(encoded: String(decoding: data, as: UTF8.self)) else {
            throw CommandFailure("\(path) does not hold a witness key (PRIVATE+KEY+<name>+<id>+<key>)", status: .usage)
        }
        return signer
    }

    func loadOrCreate(name: String) throws -> (CosignatureSigner, Bool) {
        if let signer = try load() { return (signer, false) }
        let signer = CosignatureSigner.generate(name: name)
        try AtomicFile.write(Array((signer.encoded + "\n").utf8), to: path, permissions: 0o600)
        return (signer, true)
    }
}

struct CentralKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Print the centre's witness verifier key, creating the key file when it is missing.")

    @Option(name: .long, help: "The witness key file (default: $REFORMLEDGER_CENTRAL_KEY, else ./central-witness.key).")
    var keyFile: String?

    @Option(name: .long, help: "The witness's name when the key is created (a schema-less URL).")
    var name = "reformledger.local/centre"

    func run() throws {
        guard NoteKey.isValidName(name) else { throw CommandFailure("--name: “\(name)” has spaces or “+”") }
        let file = CentralKeyFile(path: keyFile ?? ProcessInfo.processInfo.environment["REFORMLEDGER_CENTRAL_KEY"] ?? "central-witness.key")
        let (signer, created) = try file.loadOrCreate(name: name)
        if created { FileHandle.standardError.write(Data("reformledger: created the witness key \(file.path)\n".utf8)) }
        Terminal.print(signer.verifier.encoded)
    }
}

struct CentralServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Take provinces' pushes over HTTP, check and cosign them; stops on SIGTERM.")

    @OptionGroup var database: CentralDatabaseOptions

    @Option(name: .long, help: "The witness key file (default: $REFORMLEDGER_CENTRAL_KEY, else ./central-witness.key).")
    var keyFile: String?

    @Option(name: .long, help: "HOST:PORT to listen on (default 127.0.0.1:8091; port 0 picks a free one).")
    var http = "127.0.0.1:8091"

    func run() async throws {
        let file = CentralKeyFile(path: keyFile ?? ProcessInfo.processInfo.environment["REFORMLEDGER_CENTRAL_KEY"] ?? "central-witness.key")
        guard let cosigner = try file.load() else {
            throw CommandFailure("\(file.path) is missing; run `reformledger central key --key-file \(file.path)` first")
        }
        guard let address = ListenAddress(http) else { throw CommandFailure("--http: HOST:PORT is expected") }
        var logger = Logger(label: "reformledger.central")
        logger.logLevel = .info
        let log = logger
        try await database.withStore { store in
            try await store.initialise()
            try await CentralServer(store: store, cosigner: cosigner, logger: log).run(host: address.host, port: address.port) { port in
                // Tests and scripts read the port chosen for :0 from here.
                FileHandle.standardError.write(Data("reformledger: centre listening on \(address.host):\(port)\n".utf8))
            }
        }
    }
}

struct CentralStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Each ledger: origin, name, region, size (the last accepted checkpoint's), its time and the lag since.")

    @OptionGroup var database: CentralDatabaseOptions

    @Flag(name: .long, help: "Print JSON: {\"ledgers\":[{\"origin\",\"name\",\"region\",\"size\",\"time\",\"lag\"}]}.")
    var json = false

    func run() async throws {
        let lines = try await database.withStore { try await $0.status() }
        if json {
            Terminal.print(JSONWriter.string(.object(["ledgers": .array(lines.map(\.json))])))
            return
        }
        for line in lines {
            let lag = line.lag.map { "\($0) s ago" } ?? "never pushed"
            Terminal.print("\(line.origin)\t\(line.name)\t\(line.region ?? "—")\tsize \(line.size)\t\(line.time ?? "—")\t\(lag)")
        }
    }
}

struct CentralVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Re-check every stored row against the accepted checkpoints; exit 3 naming the ledger and seq.")

    @OptionGroup var database: CentralDatabaseOptions

    @Option(name: .long, help: "Check only this ledger (repeatable).")
    var ledger: [String] = []

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() async throws {
        let origins = ledger
        let checks = try await database.withStore { try await $0.verify(origins: origins) }
        if json {
            let lines: [JSONValue] = checks.map { check in
                .object([
                    "origin": .string(check.origin), "ok": .bool(check.ok), "size": .integer(Int(check.size)), "checkpoints": .integer(check.checkpoints),
                    "bad_seq": check.badSeq.map { .integer(Int($0)) } ?? .null, "reason": .optional(check.reason),
                ])
            }
            Terminal.print(JSONWriter.string(.object(["ok": .bool(checks.allSatisfy(\.ok)), "ledgers": .array(lines)])))
        } else {
            for check in checks {
                if let reason = check.reason {
                    Terminal.print("FAILED: \(check.origin) seq \(check.badSeq.map(String.init) ?? "?"): \(reason)")
                } else {
                    Terminal.print("OK: \(check.origin): \(check.size) events, \(check.checkpoints) checkpoint(s)")
                }
            }
        }
        if !checks.allSatisfy(\.ok) { throw ExitStatus.verificationFailed.exitCode }
    }
}

struct CentralReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A period's figures across ledgers, from the centre's tallies: by province, by region, in all.")

    @OptionGroup var database: CentralDatabaseOptions

    @Option(name: .long, help: "The period: 2025, 2025-H1, 2025-9M, 2025-Q3.")
    var period: String

    @Option(name: .long, help: "Only the ledgers of this region.")
    var region: String?

    @Option(name: .long, help: "Only this ledger (repeatable).")
    var ledger: [String] = []

    @Option(name: .long, help: "Formats, comma-separated: json, md, html, csv, docx (default: md to standard output).")
    var format = "md"

    @Option(name: .long, help: "Write the files here (central-<period>[-<region>].<ext>) instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Period boundaries: decree09 (default) or calendar.")
    var periods = "decree09"

    func run() async throws {
        guard let period = ReportPeriod.parse(self.period) else { throw CommandFailure("--period: 2025, 2025-H1, 2025-9M or 2025-Q1…Q4 is expected") }
        guard let mode = LedgerConfiguration.PeriodMode(rawValue: periods) else { throw CommandFailure("--periods: decree09 or calendar") }
        var formats: [ReportFormat] = []
        for name in format.split(separator: ",") {
            guard let format = ReportFormat(rawValue: String(name)) else { throw CommandFailure("--format: json, md, html, csv or docx") }
            formats.append(format)
        }
        if out == nil && formats.count != 1 { throw CommandFailure("--format: several formats need --out") }
        if out == nil && formats == [.docx] { throw CommandFailure("--format docx needs --out") }
        let (region, origins) = (self.region, ledger)
        let report = try await database.withStore { try await $0.report(period: period, mode: mode, region: region, origins: origins) }
        let renderer = CentralReportRenderer(report: report)
        for format in formats {
            let bytes = try renderer.render(format)
            guard let out else {
                Terminal.write(String(decoding: bytes, as: UTF8.self))
                continue
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let path = (out as NSString).appendingPathComponent("central-\(period)\(region.map { "-\($0)" } ?? "").\(format.rawValue)")
            try AtomicFile.write(bytes, to: path)
            Terminal.print(path)
        }
    }
}
