import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore

/// `template [--agency CODE] --out FILE.xlsx`: the workbook a clerk fills in and sends.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the Excel workbook a clerk fills in: Vietnamese sheets and headers, drop-down lists, the agency's tasks.",
        discussion: """
            Examples:
              reformledger template --agency UBND-TD --out mau-UBND-TD.xlsx
              reformledger template --out mau-chung.xlsx
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The agency it is for: its name on the first sheet, its tasks in the lists (default: any agency, every task).")
    var agency: String?

    @Option(name: .long, help: "The .xlsx file to write.")
    var out: String

    func validate() throws {
        if let agency, !AgencyCode.isValid(agency) { throw ValidationError("--agency must be an agency code of [A-Z0-9-]{2,16}") }
        if !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out names an .xlsx file") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let registry = try FileIngestor(store: database, options: IngestOptions(configuration: configuration), clock: SystemClock()).currentRegistry()
        var chosen: Agency?
        if let agency {
            guard let known = registry.agencies[agency] else {
                throw CommandFailure("--agency: \(agency) is not a registered agency", status: .inputRejected)
            }
            chosen = known
        }
        let today = configuration.zone.localDate(of: SystemClock().now())
        // Absolute, so that a bare file name is written into the current folder.
        let path = URL(fileURLWithPath: out).standardizedFileURL.path
        try AtomicFile.write(try ClerkTemplate(agency: chosen, registry: registry, today: today).render(), to: path)
        Terminal.print(out)
    }
}
