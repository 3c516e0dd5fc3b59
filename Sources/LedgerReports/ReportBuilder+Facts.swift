import LedgerDomain
import LedgerStore

extension ReportBuilder {
    /// Everything a report needs from the projection: counted from its tallies (or, by the
    /// oracle, from every fact), and noted from the facts read one by one.
    struct Facts {
        var byAgency: [String: AgencyTally] = [:]
        var totals = ConsolidatedReport.Totals()
        var awareness: [String: (aware: Int128, respondents: Int128)] = [:]
        /// (indicator, agency) → the latest report (by instant, then seq) in the period.
        var latestIndicator: [Pair: (instant: Int64, seq: Int64, numerator: Int, denominator: Int)] = [:]
        var feedback: [(agency: String, recommendation: String?)] = []
        var submitted = Set<String>()
        /// Agency → the root seq of its first `report.submitted` for the period, and of its
        /// first contest-feedback survey (when feedback is tracked): arrivals are when they
        /// first reached the log, whatever corrections followed.
        var firstSubmitted: [String: Int64] = [:], firstFeedback: [String: Int64] = [:]
        /// Agency → the root seq of its latest `report.submitted` for the period: a review
        /// made before it is of an earlier submission.
        var lastSubmitted: [String: Int64] = [:]
        /// (audience, agency) → the agency's own awareness sums (its report, §7.5).
        var awarenessByAgency: [Pair: (aware: Int128, respondents: Int128)] = [:]
        /// (task, agency) pairs.
        var done = Set<Pair>(), progressed = Set<Pair>()
        var linked: [String: Int] = [:]
        /// (task, channel or form) → linked articles and activities of that channel or form.
        var linkedByMeasure: [Pair: Int] = [:]
    }

    /// Two strings as one dictionary key, without joining them into a new string per row.
    struct Pair: Hashable {
        var first: String
        var second: String
    }

    /// One agency's counts; a class so that a row updates it in place.
    final class AgencyTally {
        var channels: [String: Int] = [:]
        var forms: [String: Int] = [:]
        var contests = 0, surveys = 0, events = 0
    }

}

extension ReportBuilder.Facts {
    typealias Pair = ReportBuilder.Pair

    /// Counts `times` standing facts of one kind: in the period's lines and totals when
    /// `inPeriod`, in their task's progress when task-linked and dated up to the last day.
    mutating func count(
        agency: String, type: EventType, measure: ActivityMeasure, task: String?, times: Int, inPeriod: Bool, upToLast: Bool
    ) {
        if let task, upToLast {
            let pair = Pair(first: task, second: agency)
            if case .status(let status) = measure, status == ReportedTaskStatus.done.rawValue { done.insert(pair) }
            progressed.insert(pair)
            linked[task, default: 0] += times  // task reports are activity events too
            switch measure {
            case .channel(let label), .form(let label): linkedByMeasure[Pair(first: task, second: label), default: 0] += times
            default: break
            }
        }
        guard inPeriod else { return }
        let line: ReportBuilder.AgencyTally
        if let known = byAgency[agency] {
            line = known
        } else {
            line = ReportBuilder.AgencyTally()
            byAgency[agency] = line
        }
        line.events += times
        totals.events += times
        switch type {
        case .articlePublished:
            if case .channel(let channel) = measure { line.channels[channel, default: 0] += times } else { line.channels["other", default: 0] += times }
            totals.articles += times
        case .activityHeld:
            if case .form(let form) = measure { line.forms[form, default: 0] += times } else { line.forms["other", default: 0] += times }
            totals.activities += times
        case .contestHeld:
            line.contests += times
            totals.contests += times
        case .surveySubmitted:
            line.surveys += times
            totals.surveys += times
            if case .awareness(let audience, let respondents, let aware) = measure {
                let sums = awareness[audience] ?? (0, 0)
                awareness[audience] = (sums.aware + Int128(aware), sums.respondents + Int128(respondents))
                let own = Pair(first: audience, second: agency), mine = awarenessByAgency[own] ?? (0, 0)
                awarenessByAgency[own] = (mine.aware + Int128(aware), mine.respondents + Int128(respondents))
            }
        default: break
        }
    }

    /// Notes what a report takes of one fact and cannot sum: a submitted report and its
    /// arrival, contest feedback and its arrival, an agency's latest indicator.
    mutating func note(_ row: EffectiveFact, agency: String, measure: ActivityMeasure, period: String, inPeriod: Bool, tracksFeedback: Bool) {
        if case .period(let reported) = measure, reported == period {
            submitted.insert(agency)
            firstSubmitted[agency] = min(firstSubmitted[agency] ?? .max, row.root)
            lastSubmitted[agency] = max(lastSubmitted[agency] ?? .min, row.root)
        }
        if tracksFeedback, case .contestFeedback = measure {
            firstFeedback[agency] = min(firstFeedback[agency] ?? .max, row.root)
        }
        guard inPeriod else { return }
        switch measure {
        case .contestFeedback(let recommendation):
            feedback.append((agency, recommendation))
        case .indicator(let indicator, let numerator, let denominator):
            let key = Pair(first: indicator, second: agency), instant = row.instant, seq = row.seq
            if let current = latestIndicator[key], (current.instant, current.seq) > (instant, seq) { return }
            latestIndicator[key] = (instant, seq, numerator, denominator)
        default: break
        }
    }
}
