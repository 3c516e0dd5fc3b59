import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerPortal
import LedgerReports
import LedgerStore

/// The daemon's answers to the portal's pages: views of the reports, the audit trail, the
/// check of `verify`, the issued files. Reads run on their own queue, so a long report
/// never holds up an upload's verdict; a period's view is kept until the log's head moves.
extension PortalIntake {
    var store: any EventStore { processor.ingestor.store }

    /// The registry at the head: the ingestor's, folded again only when the head has moved.
    func registry() throws -> AgencyRegistry { try processor.ingestor.currentRegistry() }

    func agencies() throws -> [AgencyName] {
        try registry().agencies.values.sorted { $0.code < $1.code }.map { AgencyName(code: $0.code, name: $0.name) }
    }

    /// The quarter (in the configured mode) that holds today; the next year's first
    /// quarter from 15 December under Decree 09's cut-off days.
    func currentPeriod() -> ReportPeriod {
        let today = configuration.zone.localDate(of: processor.ingestor.clock.now())
        let candidates = [today.year, today.year + 1].flatMap { year in (1...4).map { ReportPeriod(year: year, kind: .quarter($0)) } }
        return candidates.first { $0.range(configuration.periods).contains(today) } ?? ReportPeriod(year: today.year, kind: .year)
    }

    /// Every period of the enabled kinds from the first year with events to this one, newest first.
    func periodChoices() throws -> [String] {
        let thisYear = currentPeriod().year
        let first = try store.earliestOccurredAt().compactMap { EventTime.parse($0)?.localDate(in: configuration.zone).year }.min() ?? thisYear
        return (min(first, thisYear)...thisYear).reversed().flatMap { year in
            ReportPeriod.all(year: year, kinds: configuration.reportKinds).sorted(by: >).map(\.description)
        }
    }

    /// The report of `period` at the head, built once per head seq.
    func headReport(_ period: ReportPeriod) async throws -> ConsolidatedReport {
        let head = try store.head().seq
        let reports = self.reports
        return try await views.value(for: "report \(period)", seq: head) { try reports.report(period) }
    }

    func dashboard(_ period: ReportPeriod, trace: @escaping @Sendable (String) -> String) async throws -> DashboardView {
        let head = try store.head().seq
        let language = configuration.language
        let report = try await headReport(period)
        return try await views.value(for: "dashboard \(period)", seq: head) { [self] in
            let digest = ReportDigest(report, language: language)
            let editions = try IssuedEditions.load(store).entries.filter { $0.period == period.description }.reversed().map {
                DashboardView.Edition(number: $0.edition, recordedAt: $0.recordedAt, throughSeq: $0.throughSeq, files: $0.files.map(\.name))
            }
            return DashboardView(
                seq: head, period: period.description, periodTitle: digest.periodTitle, periods: try periodChoices(),
                headlineHTML: ReportPage.headline(report, language: language, trace: { trace($0.code) }),
                reportHTML: ReportPage.consolidated(report, language: language, trace: { trace($0.code) }, withTotals: false),
                silent: digest.silent, late: digest.late, missing: digest.missing,
                overdue: digest.overdue.map { .init(task: $0.task, title: $0.title, leads: $0.leads) },
                editions: Array(editions), agencies: report.agencies.map { AgencyName(code: $0.code, name: $0.name) })
        }
    }

    func agencyView(_ code: String, period: ReportPeriod) async throws -> AgencyView? {
        // One fold of the registry, on the reads' queue, for the name, the thread and the reminders.
        let registry = try await read { [self] in try self.registry() }
        guard let agency = registry.agencies[code] else { return nil }
        let report = try await headReport(period)
        let digest = ReportDigest(report, language: configuration.language)
        let words = PortalWords(language: configuration.language)
        let line = report.agencies.first { $0.code == code }
        let review: String? =
            switch line?.review {
            case .pending: words.reviewPending
            case .accepted: words.reviewAccepted
            case .returned: words.reviewReturned(line?.reviewReason)
            case nil: nil
            }
        let comments = registry.comments(of: code, period: period.description).map {
            AgencyView.CommentRow(by: registry.agencies[$0.by]?.name ?? $0.by, on: Self.dayMonthYear($0.postedOn), text: $0.text)
        }
        var view = AgencyView(
            code: code, name: agency.name, period: period.description, periodTitle: digest.periodTitle,
            tasks: digest.tasks(of: code).map {
                .init(task: $0.task, title: $0.title, window: $0.window, role: $0.role, status: $0.status, statusCode: $0.statusCode)
            },
            due: digest.due(of: code), files: fileHistory(code), reportHTML: digest.agencyPage(of: code))
        view.review = review
        view.reviewCode = line?.review?.rawValue
        view.comments = comments
        let reminderWords = ReminderWords(language: configuration.language)
        view.reminders = registry.reminders(of: code, period: period.description).enumerated().map {
            reminderWords.reminded($0.offset + 1, on: $0.element.sentOn)
        }
        return view
    }

    func template(agency code: String) async throws -> [UInt8] {
        let registry = try registry()
        let today = configuration.zone.localDate(of: processor.ingestor.clock.now())
        return try ClerkTemplate(agency: registry.agencies[code], registry: registry, today: today).render()
    }

    func reportFile(_ path: String) throws -> [UInt8]? {
        let issued = try IssuedEditions.load(store).entries.contains { $0.files.contains { $0.name == path } }
        guard issued, !path.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
        return FileManager.default.contents(atPath: (layout.reports as NSString).appendingPathComponent(path)).map { Array($0) }
    }

    func refreshGauges() async {
        guard let metrics else { return }
        let store = self.store, layout = self.layout
        _ = try? await read {
            metrics.setHead(seq: try store.head().seq)
            metrics.setBacklog(LedgerStatus.inboxBacklog(layout).values.reduce(0, +))
            var last: StoredEvent?
            try store.forEachEventNewestFirst(EventFilter(type: EventType.reportGenerated.rawValue)) { event in
                last = event
                return false
            }
            metrics.setLastReport(seq: last?.seq ?? 0, recordedAt: last.flatMap { EventTime.parseInstant($0.recordedAt) })
        }
    }

    // MARK: Files

    /// The agency's files as `processed/` and `rejected/` hold them, newest first (at most
    /// 200): listed and dated first, and only the shown ones' receipts and errors read.
    func fileHistory(_ code: String) -> [AgencyView.FileRow] {
        let manager = FileManager.default
        func files(in folder: String, skipping companion: String) -> [(path: String, name: String)] {
            ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasSuffix(companion) && !$0.hasPrefix(".") }.map {
                ((folder as NSString).appendingPathComponent($0), $0)
            }
        }
        let processed = (layout.processed as NSString).appendingPathComponent(code)
        let months = ((try? manager.contentsOfDirectory(atPath: processed)) ?? []).map { (processed as NSString).appendingPathComponent($0) }
        let found =
            months.flatMap { files(in: $0, skipping: FileReceipt.suffix) }.map { (file: $0, accepted: true) }
            + files(in: (layout.rejected as NSString).appendingPathComponent(code), skipping: ".errors.json").map { (file: $0, accepted: false) }
        let newest = found.map { (entry: $0, modified: Self.modified($0.file.path)) }.sorted { $0.modified > $1.modified }.prefix(200)
        return newest.map { item in
            let (file, accepted) = item.entry
            let companion = file.path + (accepted ? FileReceipt.suffix : ".errors.json")
            let document = manager.contents(atPath: companion).flatMap { try? JSONParser().parse(Array($0)) }?.objectValue
            func count(_ key: String) -> Int? { if case .integer(let n)? = document?[key] { n } else { nil } }
            var errors: [JSONValue] = []
            if !accepted, case .array(let items)? = document?["errors"] { errors = Array(items.prefix(5)) }
            return AgencyView.FileRow(
                name: file.name, accepted: accepted, when: when(item.modified), appended: accepted ? count("appended") : nil,
                duplicates: accepted ? count("duplicates") : nil, errors: errors)
        }
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// `DD/MM/YYYY HH:MM` in the configured zone, cut from the log's own local timestamp.
    private func when(_ date: Date) -> String {
        let local = Array(ReportIssuer.localTimestamp(Instant(millisecondsSinceEpoch: Int64(date.timeIntervalSince1970 * 1000)), zone: configuration.zone))
        func part(_ range: Range<Int>) -> String { String(local[range]) }
        return "\(part(8..<10))/\(part(5..<7))/\(part(0..<4)) \(part(11..<16))"
    }
}
