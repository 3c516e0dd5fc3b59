import Foundation
import GRDB
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// The half-month tallies against the oracle: on a random log of every activity type —
/// task-linked or not, on the 14th and the 15th, corrected, retracted, corrections
/// retracted — every period of both modes gives the same report from the tallies as from
/// counting every fact, and the tallies kept event by event equal those of a rebuild.
struct TallyOracleTests {
    @Test(arguments: [LedgerConfiguration.PeriodMode.calendar, .decree09])
    func talliesGiveTheReportsOfCountingEveryFact(mode: LedgerConfiguration.PeriodMode) throws {
        let folder = TemporaryDirectory("tallies")
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        var configuration = LedgerConfiguration()
        configuration.periods = mode
        configuration.feedbackDue = LocalDate(validYear: 2024, month: 6, day: 30)
        let ingestor = FileIngestor(
            store: database, options: IngestOptions(configuration: configuration),
            clock: FixedClock(EventTime.parseInstant("2024-12-31T12:00:00+07:00")!))
        for path in try BundledPlan.files(named: "soc-trang-2024") { _ = try ingestor.ingest(path: path, folderAgency: nil) }
        let tasks = ["BST": [1, 3, 4, 9, 10], "SNV": [1, 2, 4, 6, 8, 11], "UBND-MX": [4, 5, 7, 10], "SVHTTDL": [2, 7, 8]]
        var logs: [String: RandomLog] = [:]
        for batch in 0..<12 {
            for agency in ["BST", "SNV", "UBND-MX", "SVHTTDL"] {
                var log =
                    logs[agency]
                    ?? RandomLog(random: SeededRandom(seed: UInt64(15 + agency.count)), tasks: tasks[agency]!.map { String(format: "KH2024-%02d", $0) })
                let lines = (0..<80).map { index in log.event(id: "\(agency)-\(batch)-\(index)") }
                logs[agency] = log
                let outcome = try ingestor.ingest(path: folder.write("inbox/\(agency)/b\(batch).ndjson", lines.joined(separator: "\n")), folderAgency: agency)
                #expect(outcome.status == .accepted, "\(outcome.problems.prefix(3).map { $0.message(in: .en) })")
            }
        }
        let kinds: [LedgerConfiguration.PeriodKind] = [.quarter, .halfYear, .nineMonths, .year]
        var compared = 0
        try database.withProjection(throughSeq: nil, zone: configuration.zone, coordinators: Set(configuration.coordinators), progress: nil) {
            projection in
            for period in ReportPeriod.all(year: 2024, kinds: kinds) {
                var builder = ReportBuilder(registry: projection.registry, mode: mode, language: .vi)
                builder.deadlines = .init(configuration)
                let range = period.range(mode)
                #expect(HalfMonth.tiles(range), "\(period) should be whole half-months")
                let tallied = try ReportFormat.json.render(try builder.build(period, range: range, projection: projection), language: .vi)
                builder.countsEveryFact = true
                let counted = try ReportFormat.json.render(try builder.build(period, range: range, projection: projection), language: .vi)
                #expect(String(decoding: tallied, as: UTF8.self) == String(decoding: counted, as: UTF8.self), "\(period) \(mode)")
                compared += 1
            }
        }
        #expect(compared == 7)
        let kept = try Self.tallies(database)
        #expect(kept.count > 100)
        _ = try database.rebuildProjections(zone: configuration.zone, progress: nil)
        #expect(try Self.tallies(database) == kept)
    }

    private static func tallies(_ database: LedgerDatabase) throws -> [String] {
        try database.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT bucket || '|' || agency || '|' || type || '|' || measure || '|' || task || '|' || n || '|' || a || '|' || b FROM proj_tally ORDER BY 1"
            )
        }
    }

    /// A random log: `standing` holds the ids that may still be retracted, `articles`
    /// those that may still be corrected (a correction is corrected no further).
    struct RandomLog {
        var random: SeededRandom
        /// Tasks the agency leads or coordinates in the bundled plan.
        let tasks: [String]
        var standing: [String] = [], articles: [String] = []

        mutating func event(id: String) -> String {
            let day = [1, 13, 14, 15, 16, 28][random.next(6)]
            let date = "2024-\(String(format: "%02d", 1 + random.next(12)))-\(String(format: "%02d", day))"
            let task = random.next(3) == 0 ? #","task":"\#(tasks[random.next(tasks.count)])""# : ""
            let roll = random.next(12)
            if roll == 0, !standing.isEmpty {
                let target = standing.remove(at: random.next(standing.count))
                articles.removeAll { $0 == target }
                return #"{"id":"\#(id)","type":"event.retracted","occurred_at":"\#(date)","data":{"event":"\#(target)","reason":"r"}}"#
            }
            if roll == 1, !articles.isEmpty {
                let target = articles.remove(at: random.next(articles.count))
                standing.append(id)
                return
                    #"{"id":"\#(id)","type":"article.published","corrects":"\#(target)","occurred_at":"\#(date)","data":{"title":"sửa","channel":"radio"\#(task)}}"#
            }
            standing.append(id)
            switch roll {
            case 2, 3:
                articles.append(id)
                return
                    #"{"id":"\#(id)","type":"article.published","occurred_at":"\#(date)","data":{"title":"Tin","channel":"\#(["zalo", "portal"][random.next(2)])"\#(task)}}"#
            case 4:
                return #"{"id":"\#(id)","type":"activity.held","occurred_at":"\#(date)","data":{"title":"HĐ","form":"training"\#(task)}}"#
            case 5:
                return
                    #"{"id":"\#(id)","type":"survey.submitted","occurred_at":"\#(date)","data":{"kind":"awareness","audience":"\#(["citizens", "officials"][random.next(2)])","respondents":20,"aware":\#(random.next(21))}}"#
            case 6:
                return
                    #"{"id":"\#(id)","type":"survey.submitted","occurred_at":"\#(date)","data":{"kind":"contest-feedback","contest":"HT","assessment":"Tốt","recommendation":"\#(["continue-contest", "other-form"][random.next(2)])"}}"#
            case 7:
                return
                    #"{"id":"\#(id)","type":"indicator.reported","occurred_at":"\#(date)","data":{"indicator":"staff-trained","numerator":\#(random.next(50)),"denominator":50}}"#
            case 8:
                return
                    #"{"id":"\#(id)","type":"report.submitted","occurred_at":"\#(date)","data":{"period":"\#(["2024-Q1", "2024-H1", "2024-9M", "2024"][random.next(4)])"}}"#
            case 9:
                return
                    #"{"id":"\#(id)","type":"task.reported","occurred_at":"\#(date)","data":{"task":"\#(tasks[random.next(tasks.count)])","status":"\#(["done", "in_progress"][random.next(2)])"}}"#
            case 10:
                return
                    #"{"id":"\#(id)","type":"contest.held","occurred_at":"\#(date)","data":{"title":"Hội thi","start":"\#(date)","end":"\#(date)","participants":10}}"#
            default:
                articles.append(id)
                return #"{"id":"\#(id)","type":"article.published","occurred_at":"\#(date)","data":{"title":"Tin","channel":"other"\#(task)}}"#
            }
        }
    }
}
