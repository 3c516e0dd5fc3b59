import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore

/// `report --period P [--agency CODE] [--format …] [--through-seq N] [--out DIR] [--issue]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute the consolidated report of a period; print it, write it to --out, or --issue the next edition.",
        discussion:
            "Examples:\n  reformledger report --period 2024-Q1\n  reformledger report --period 2024 --format html,docx --out out/\n  reformledger report --period 2024-H1 --issue\n  reformledger report --period 2024-Q1 --agency BST --format docx,html --out out/"
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "2024-Q1 … 2024-Q4, 2024-H1, 2024-9M or 2024.")
    var period: String

    @Option(name: .long, help: "Only this agency's own report (json, md, html or docx), addressed to UBND through SNV.")
    var agency: String?

    @Option(name: .long, help: "Comma-separated formats: json, md, html, csv, docx (default json; with --issue, the configured ones).")
    var format: String?

    @Option(name: .long, help: "Compute from the log up to this seq (default: the head).")
    var throughSeq: Int64?

    @Option(name: .long, help: "Write the files into this folder instead of printing.")
    var out: String?

    @Flag(name: .long, help: "Write the next edition into reports/ and append report.generated, as the schedule does.")
    var issue = false

    @Option(name: .long, help: "Label the output as this edition (with --through-seq: reproduce an issued edition byte for byte).")
    var edition: Int?

    var formats: [ReportFormat] {
        (format ?? "json").split(separator: ",").compactMap { ReportFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        guard ReportPeriod.parse(period) != nil else { throw ValidationError("--period takes 2024-Q1 … 2024-Q4, 2024-H1, 2024-9M or 2024") }
        if let format, formats.count != format.split(separator: ",").count {
            throw ValidationError("--format takes json, md, html, csv, docx separated by commas")
        }
        if issue && (throughSeq != nil || out != nil || format != nil) {
            throw ValidationError("--issue writes the configured formats at the head into reports/; it takes no --format, --through-seq or --out")
        }
        if !issue && out == nil && formats.count > 1 { throw ValidationError("several formats need --out DIR") }
        if let throughSeq, throughSeq < 0 { throw ValidationError("--through-seq takes a seq ≥ 0") }
        if let edition, edition < 1 || issue { throw ValidationError("--edition takes a number ≥ 1 and does not go with --issue") }
        if !issue && out == nil && formats == [.docx] { throw ValidationError("docx is binary; use --out DIR") }
        if agency != nil && issue { throw ValidationError("--issue writes every agency's report; it takes no --agency") }
        if agency != nil && formats.contains(.csv) {
            throw ValidationError("an agency report is json, md, html or docx; its CSV row is in the consolidated CSV")
        }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        // Signed as the daemon signs, so that an edition is reproduced byte for byte.
        let service = ReportService(
            store: database, configuration: configuration, checkpoints: try global.checkpointSigner(configuration), witnessed: global.layout.witnessed)
        guard let reportPeriod = ReportPeriod.parse(period) else { throw CommandFailure("--period: \(period) is not a period") }
        if issue {
            let edition = try ReportIssuer(service: service, reportsFolder: global.layout.reports, clock: SystemClock()).issue(reportPeriod)
            Terminal.print("issued \(edition.period) edition \(edition.edition) through seq \(edition.throughSeq):")
            for file in edition.files { Terminal.print("  reports/\(file)") }
            return
        }
        var report: ConsolidatedReport
        do {
            report = try service.report(reportPeriod, throughSeq: throughSeq)
        } catch let error as ReportService.UnknownSeq {
            throw CommandFailure(error.description)
        }
        report.edition = edition
        if let agency {
            try write(report, agency: agency, language: configuration.language)
            return
        }
        if let out {
            for format in formats {
                let name = "consolidated-\(reportPeriod)\(edition.map { "-e\($0)" } ?? "").\(format.rawValue)"
                let path = (out as NSString).appendingPathComponent(name)
                try AtomicFile.write(try format.render(report, language: configuration.language), to: path)
                Terminal.print(path)
            }
        } else {
            FileHandle.standardOutput.write(Data(try formats[0].render(report, language: configuration.language)))
        }
    }

    /// `--agency CODE`: its report, cut from the consolidated one of the same seq.
    private func write(_ report: ConsolidatedReport, agency code: String, language: Language) throws {
        guard let own = AgencyReport(report, agency: code) else {
            throw CommandFailure("agency \(code) is not listed in the report of \(report.period) (see reformledger status)")
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(try formats[0].render(own, language: language)))
            return
        }
        for format in formats {
            let name = "\(code)-\(report.period)\(edition.map { "-e\($0)" } ?? "").\(format.rawValue)"
            let path = (out as NSString).appendingPathComponent(name)
            try AtomicFile.write(try format.render(own, language: language), to: path)
            Terminal.print(path)
        }
    }
}
