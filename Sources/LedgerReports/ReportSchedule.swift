import LedgerDomain
import LedgerStore

/// When editions are due (CONTRACT §7.3, §12): edition 1 at 01:00 local on the day
/// `grace_days` after a period's last day; then, at the daily 01:00 check for
/// `revise_for_days` after the last day, a new edition when events for the period arrived
/// after the last one. Periods: enabled kinds, closed, ending on or after the earliest
/// `occurred_at` in the log. Missed generations are simply due at the next look.
public struct ReportSchedule: Sendable {
    public let configuration: LedgerConfiguration

    public init(configuration: LedgerConfiguration) {
        self.configuration = configuration
    }

    /// The periods whose next edition is due at `now`, in order.
    public func due(now: Instant, store: any EventStore) throws -> [ReportPeriod] {
        let zone = configuration.zone
        let today = zone.localDate(of: now)
        guard let earliest = try earliestDay(store) else { return [] }
        let issued = try IssuedEditions.load(store)
        var due: [ReportPeriod] = []
        for year in Self.years(from: earliest, today: today) {
            for period in ReportPeriod.all(year: year, kinds: configuration.reportKinds) {
                let range = period.range(configuration.periods)
                guard range.upperBound < today, range.upperBound >= earliest else { continue }
                let first = zone.instant(of: range.upperBound.adding(days: configuration.graceDays), hour: 1)
                guard now >= first else { continue }
                guard let last = issued.last(for: period.description) else {
                    due.append(period)
                    continue
                }
                let check = latestDailyCheck(before: now)
                let deadline = zone.instant(of: range.upperBound.adding(days: configuration.reviseForDays), hour: 1)
                guard check > first, check <= deadline, let lastAt = EventTime.parseInstant(last.recordedAt), lastAt < check else { continue }
                if try hasNewEvents(store, range: range, after: last.throughSeq) { due.append(period) }
            }
        }
        return due.sorted()
    }

    /// The first edition 1 still to come (or overdue, when the daemon has been down):
    /// its period and due time as RFC 3339 local time, for `status`.
    public func nextEdition(now: Instant, store: any EventStore) throws -> (period: ReportPeriod, at: String)? {
        let zone = configuration.zone
        let today = zone.localDate(of: now)
        let issued = try IssuedEditions.load(store)
        guard let earliest = try earliestDay(store) else { return nil }
        var best: (ReportPeriod, Instant)?
        for year in Self.years(from: earliest, today: today) {
            for period in ReportPeriod.all(year: year, kinds: configuration.reportKinds) where issued.last(for: period.description) == nil {
                let end = period.range(configuration.periods).upperBound
                guard end >= earliest else { continue }
                let at = zone.instant(of: end.adding(days: configuration.graceDays), hour: 1)
                if let current = best, current.1 <= at { continue }
                best = (period, at)
            }
        }
        return best.map { ($0.0, ReportIssuer.localTimestamp($0.1, zone: zone)) }
    }

    /// The years whose periods may be due: from the earliest event's (never before the
    /// accepted range, whatever an old log holds) to next year; empty when the clock is
    /// set before the log (a drill with `--now` in the past).
    static func years(from earliest: LocalDate, today: LocalDate) -> [Int] {
        let first = max(earliest.year, AcceptedDates.years.lowerBound)
        let last = min(today.year + 1, AcceptedDates.years.upperBound + 1)
        return first <= last ? Array(first...last) : []
    }

    /// The next 01:00 local strictly after `now`: when the daemon looks again.
    public func nextCheck(after now: Instant) -> Instant {
        let zone = configuration.zone
        let today = zone.localDate(of: now)
        let candidate = zone.instant(of: today, hour: 1)
        return candidate > now ? candidate : zone.instant(of: today.adding(days: 1), hour: 1)
    }

    func latestDailyCheck(before now: Instant) -> Instant {
        let zone = configuration.zone
        let today = zone.localDate(of: now)
        let candidate = zone.instant(of: today, hour: 1)
        return candidate <= now ? candidate : zone.instant(of: today.adding(days: -1), hour: 1)
    }

    private func earliestDay(_ store: any EventStore) throws -> LocalDate? {
        let zone = configuration.zone
        // Dates sort as text; a date-time's local day may be a day apart, so look at the few smallest.
        return try store.earliestOccurredAt().compactMap { EventTime.parse($0)?.localDate(in: zone) }.min()
    }

    /// Events after `seq` (not the daemon's own) dated in the period, or correcting or
    /// retracting an event dated in it.
    private func hasNewEvents(_ store: any EventStore, range: ClosedRange<LocalDate>, after seq: Int64) throws -> Bool {
        let zone = configuration.zone
        return try store.hasEvent(after: seq) { occurredAt in
            guard let day = EventTime.parse(occurredAt)?.localDate(in: zone) else { return false }
            return range.contains(day)
        }
    }
}
