import ArgumentParser
import Foundation
import LedgerDaemon
import LedgerDomain
import LedgerIngest
import LedgerReports
import LedgerStore

/// `status`: counts, head, inbox backlog, reports.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show event counts, the head seq and hash, the inbox backlog and the last report.",
        discussion: "Examples:\n  reformledger status\n  reformledger status --json")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the status as JSON.")
    var json = false

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let snapshot = try LedgerStatus.current(database, layout: global.layout, configuration: configuration, now: SystemClock().now())
        Terminal.print(json ? JSONWriter.string(snapshot.json, pretty: true) : snapshot.text)
    }
}
