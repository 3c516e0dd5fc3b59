import ArgumentParser
import Foundation
import LedgerDomain
import LedgerPortal

/// `user add|list|disable|enable|passwd`: the portal's accounts, in `<state>/accounts.json`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the portal's accounts (bcrypt-hashed, kept in the state folder, never in the log).",
        discussion: """
            Examples:
              printf '%s\\n' 'mat-khau-dai-10' | reformledger user add --login lan.bst --agency BST --role clerk --password-stdin
              reformledger user list
              reformledger user disable --login lan.bst
              reformledger user enable --login lan.bst
            """,
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Passwd.self, Email.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login (a-z, 0-9, '.', '_', '-').") var login: String
        @Option(help: "The agency the account belongs to.") var agency: String
        @Option(help: "clerk, coordinator, auditor or admin.") var role: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Option(help: "The e-mail address reminders of period reports go to.") var email: String?

        func run() throws {
            if let email, !MailSettings.isValidAddress(email) { throw CommandFailure("--email: \(email) is not an e-mail address") }
            guard let role = Account.Role(rawValue: role) else {
                throw CommandFailure("--role is one of \(Account.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let database = try global.openDatabase()
            let configuration = try global.loadConfiguration()
            let registry = try database.readSession { try $0.registry(coordinators: Set(configuration.coordinators), zone: configuration.zone) }
            guard registry.isCoordinator(agency) || registry.agencies[agency] != nil else {
                throw CommandFailure("no agency \(agency) in the registry")
            }
            let password = try UserCommand.password(fromStdin: passwordStdin)
            try UserCommand.refusingAsUsage { try UserCommand.store(global).add(login: login, agency: agency, role: role, password: password) }
            if let email { try UserCommand.refusingAsUsage { try UserCommand.store(global).setEmail(login: login, email: email) } }
            Terminal.print("added \(login) (\(role.rawValue), \(agency))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let accounts = try UserCommand.refusingAsUsage { try UserCommand.store(global).all() }
            if json {
                let items = accounts.map { account -> JSONValue in
                    .object([
                        "login": .string(account.login), "agency": .string(account.agency), "role": .string(account.role.rawValue),
                        "disabled": .bool(account.disabled), "email": account.email.map(JSONValue.string) ?? .null,
                    ])
                }
                Terminal.print(JSONWriter.string(.object(["users": .array(items)]), pretty: true))
            } else {
                for account in accounts {
                    Terminal.print("\(account.login)\t\(account.role.rawValue)\t\(account.agency)\(account.disabled ? "\tdisabled" : "")")
                }
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer sign in.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login.") var login: String

        func run() throws {
            try UserCommand.refusingAsUsage { try UserCommand.store(global).disable(login: login) }
            Terminal.print("disabled \(login)")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again: it signs in with its password.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login.") var login: String

        func run() throws {
            try UserCommand.refusingAsUsage { try UserCommand.store(global).enable(login: login) }
            Terminal.print("enabled \(login)")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password; its open sessions end at their next request.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login.") var login: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let password = try UserCommand.password(fromStdin: passwordStdin)
            try UserCommand.refusingAsUsage { try UserCommand.store(global).setPassword(login: login, password: password) }
            Terminal.print("password set for \(login)")
        }
    }

    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the e-mail address an account's reminders go to (--email \"\" removes it).",
            discussion: "Examples:\n  reformledger user email --login lan.bst --email lan@baosoctrang.vn")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login.") var login: String
        @Option(help: "The address, or an empty text to remove it.") var email: String

        func run() throws {
            try UserCommand.refusingAsUsage { try UserCommand.store(global).setEmail(login: login, email: email.isEmpty ? nil : email) }
            Terminal.print(email.isEmpty ? "\(login): no e-mail" : "\(login): \(email)")
        }
    }

    static func store(_ global: GlobalOptions) -> AccountStore { AccountStore(path: global.layout.accounts) }

    /// Runs `body`, making a refusal of the accounts file (a short password, a login taken
    /// or unknown) a usage error, exit 2, rather than a fault of the machine.
    static func refusingAsUsage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as AccountStore.Failure {
            throw CommandFailure(refusal.description)
        }
    }

    /// From standard input (`--password-stdin`), or asked twice on the terminal without echo.
    static func password(fromStdin: Bool) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password on standard input") }
            return line
        }
        guard isatty(0) == 1 else { throw CommandFailure("no terminal to ask the password on; use --password-stdin") }
        guard let first = getpass("Password: ").map({ String(cString: $0) }), let second = getpass("Again: ").map({ String(cString: $0) }) else {
            throw CommandFailure("no password given")
        }
        guard first == second else { throw CommandFailure("the passwords differ") }
        return first
    }
}
