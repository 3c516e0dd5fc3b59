import ArgumentParser
import Foundation
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
        let options = IngestOptions(configuration: configuration)
        var snapshot = try LedgerStatus.read(database, layout: global.layout, options: options)
        if let next = try ReportSchedule(configuration: configuration).nextEdition(now: SystemClock().now(), store: database) {
            snapshot.nextReport = (next.period.description, next.at)
        }
        Terminal.print(json ? JSONWriter.string(snapshot.json, pretty: true) : snapshot.text)
    }
}
