import ArgumentParser
import LedgerDomain
import LedgerStore

/// `rebuild`: drops the projections and folds the whole log again (they are derived only
/// from it, so the result is identical; useful after changing `timezone`, and to measure).
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Drop and rebuild the projections from seq 1 of the log.",
        discussion: "Examples:\n  reformledger rebuild --state-dir /var/lib/reformledger")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let folded = try database.rebuildProjections(zone: configuration.zone) { seq in Terminal.progress("rebuilt through seq \(seq)") }
        Terminal.endProgress()
        Terminal.print("projections rebuilt from \(folded) events")
    }
}
