import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerReports
@testable import LedgerStore

/// Every figure the portal links to its events is made of exactly those events: counts
/// are as many, an indicator's numerator is their sum. Over the golden scenario, which
/// has corrections, retractions, a merged agency and late reports, in SQLite and in memory.
struct FigureTraceTests {
    @Test(arguments: [false, true])
    func eachFigureIsMadeOfTheEventsItTracesTo(inMemory: Bool) throws {
        let scenario = try GoldenScenario(inMemory: inMemory)
        for name in ["2024-Q1", "2024"] {
            let period = try #require(ReportPeriod.parse(name))
            let report = try scenario.report(name)
            let trace = FigureTrace(service: scenario.service)
            func events(_ figure: Figure) throws -> [StoredEvent] {
                try trace.seqs(of: figure, in: period).map { try #require(try scenario.store.event(seq: $0)) }
            }
            let totals = report.totals
            for (count, value) in [
                (Figure.Count.events, totals.events), (.articles, totals.articles), (.activities, totals.activities), (.contests, totals.contests),
                (.surveys, totals.surveys),
            ] {
                #expect(try events(.total(count)).count == value, "\(name) total.\(count)")
            }
            #expect(totals.articles > 0)
            for agency in report.agencies {
                #expect(try events(.agency(agency.code, .articles)).count == agency.articles, "\(name) \(agency.code) articles")
                #expect(try events(.agency(agency.code, .activities)).count == agency.activities, "\(name) \(agency.code) activities")
                #expect(try events(.agency(agency.code, .surveys)).count == agency.surveys, "\(name) \(agency.code) surveys")
                #expect(try events(.agency(agency.code, .articles)).allSatisfy { $0.agency == agency.code && $0.type == "article.published" })
            }
            for task in report.tasks {
                #expect(try events(.task(task.task)).count == task.linkedEvents, "\(name) \(task.task)")
            }
            for indicator in report.indicators where indicator.hasData {
                let traced = try events(.indicator(indicator.indicator))
                let sum: Int128 = try traced.reduce(0) { total, event in
                    let data = try #require(try JSONParser().parse(Array(event.data.utf8)).objectValue)
                    switch TargetIndicator.parse(indicator.indicator) {
                    case .awareness?: if case .integer(let aware)? = data["aware"] { return total + Int128(aware) }
                    case .reported?: if case .integer(let numerator)? = data["numerator"] { return total + Int128(numerator) }
                    case .taskCount?: return total + 1
                    case nil: break
                    }
                    return total
                }
                #expect(sum == indicator.numerator, "\(name) \(indicator.indicator)")
            }
        }
    }

    @Test func figureCodesReadBackAndRefuseAnythingElse() {
        let figures: [Figure] = [.total(.articles), .agency("UBND-MX", .surveys), .task("KH2024-01"), .indicator("awareness.officials")]
        for figure in figures { #expect(Figure(code: figure.code) == figure) }
        for bad in ["", "total.", "total.tweets", "agency..articles", "agency.bst.articles", "task.", "indicator.nope", "../etc", "agency.BST"] {
            #expect(Figure(code: bad) == nil, "\(bad)")
        }
    }
}
