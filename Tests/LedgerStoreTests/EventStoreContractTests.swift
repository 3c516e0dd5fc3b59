import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerStore

/// One contract, two stores: every test runs against the SQLite ledger and the in-memory
/// store, and a last one feeds both the same events and compares everything they answer.
@Suite struct EventStoreContractTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, memory
        var testDescription: String { rawValue }
    }

    /// A store of one kind, and a way to append events written as clerks write them.
    final class Subject {
        let folder = TemporaryDirectory("contract")
        let store: any EventStore
        static let zone = LocalZone.hoChiMinh
        static let coordinators: Set<String> = ["UBND", "SNV"]

        init(_ kind: Kind) throws {
            switch kind {
            case .sqlite: store = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
            case .memory: store = InMemoryEventStore()
            }
        }

        static func pending(
            _ json: String, as agency: String, recordedAt: String = "2024-06-01T00:00:00.000Z",
            file: String? = "f.ndjson", line: Int? = 1
        ) -> (PendingAppend, LineageStep, ActivityFact?) {
            let draft = try! EnvelopeDecoder(zone: zone).decode(try! JSONParser().parse(Array(json.utf8)), folderAgency: agency).get()
            let source = EventSource(file: file, sha256: file.map { _ in String(repeating: "ab", count: 32) }, line: line)
            return (
                PendingAppend(draft: draft, source: source, recordedAt: recordedAt),
                LineageStep(type: draft.type, corrects: draft.corrects, data: draft.data),
                ActivityFact(type: draft.type, occurredAt: draft.occurredAt, data: draft.data, zone: zone)
            )
        }

        /// Appends events in one committed session. - Returns: their seqs.
        @discardableResult
        func append(_ lines: [String], as agency: String = "BST", recordedAt: String = "2024-06-01T00:00:00.000Z") throws -> [Int64] {
            try store.writeSession(zone: Self.zone) { session in
                let seqs = try lines.map { line in
                    let (event, step, fact) = Self.pending(line, as: agency, recordedAt: recordedAt)
                    return try session.append(event, step: step, fact: fact)
                }
                return (seqs, commit: true)
            }
        }

        func facts(throughSeq: Int64? = nil) throws -> [EffectiveFact.Value] {
            try store.withProjection(throughSeq: throughSeq, zone: Self.zone, coordinators: Self.coordinators) { snapshot in
                var values: [EffectiveFact.Value] = []
                try snapshot.forEachEffectiveFact { fact in
                    values.append(
                        EffectiveFact.Value(
                            day: fact.day!, agency: fact.agency!, type: fact.type!, task: fact.task,
                            measure: fact.measure, instant: fact.instant, seq: fact.seq))
                }
                return values.sorted { $0.seq < $1.seq }
            }
        }

        func events(agency: String? = nil, type: String? = nil) throws -> [StoredEvent] {
            var found: [StoredEvent] = []
            try store.forEachEvent(agency: agency, type: type) { found.append($0) }
            return found
        }
    }

    static func article(_ id: String, on day: String = "2024-02-01", channel: String = "newspaper", corrects: String? = nil) -> String {
        let correction = corrects.map { #","corrects":"\#($0)""# } ?? ""
        return #"{"id":"\#(id)","type":"article.published"\#(correction),"occurred_at":"\#(day)","data":{"title":"Bài \#(id)","channel":"\#(channel)"}}"#
    }

    static func retraction(_ id: String, of target: String, on day: String = "2024-03-01") -> String {
        #"{"id":"\#(id)","type":"event.retracted","occurred_at":"\#(day)","data":{"event":"\#(target)","reason":"nhầm"}}"#
    }

    static func registration(_ code: String, name: String, id: String? = nil, corrects: String? = nil) -> String {
        let correction = corrects.map { #","corrects":"\#($0)""# } ?? ""
        return
            #"{"id":"\#(id ?? "reg-" + code)","type":"agency.registered"\#(correction),"occurred_at":"2024-01-01","data":{"code":"\#(code)","name":"\#(name)","kind":"press"}}"#
    }

    @Test(arguments: Kind.allCases) func anEmptyLogStandsAtTheGenesis(_ kind: Kind) throws {
        let subject = try Subject(kind)
        #expect(try subject.store.head() == LogHead(seq: 0, hash: String(repeating: "0", count: 64)))
        #expect(try subject.store.event(seq: 1) == nil)
        #expect(try subject.facts().isEmpty)
    }

    @Test(arguments: Kind.allCases) func appendsExtendTheChainAndReadBackAsStored(_ kind: Kind) throws {
        let subject = try Subject(kind)
        #expect(try subject.append([Self.article("a"), Self.article("b", channel: "radio")]) == [1, 2])
        let stored = try #require(try subject.store.event(seq: 2))
        #expect(stored.agency == "BST" && stored.id == "b" && stored.type == "article.published" && stored.occurredAt == "2024-02-01")
        #expect(stored.data == #"{"channel":"radio","title":"Bài b"}"#)
        #expect(stored.sourceFile == "f.ndjson" && stored.sourceLine == 1)
        // Each hash chains the previous one with the canonical record.
        var previous = HashChain.genesis
        for event in try subject.events() {
            let hash = HashChain.next(previous: previous, record: event.canonicalRecord().bytes())
            #expect(HashChain.hex(hash) == event.hash)
            previous = hash
        }
        #expect(try subject.store.head() == LogHead(seq: 2, hash: HashChain.hex(previous)))
    }

    @Test(arguments: Kind.allCases) func aSessionThatDoesNotCommitLeavesNothing(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.append([Self.article("kept")])
        let head = try subject.store.head()
        try subject.store.writeSession(zone: Subject.zone) { session in
            let (event, step, fact) = Subject.pending(Self.article("dropped"), as: "BST")
            _ = try session.append(event, step: step, fact: fact)
            try session.record(
                IngestedFile(
                    sha256: "x", name: "x.ndjson", agency: "BST", appended: 1, duplicates: 0,
                    firstSeq: 2, lastSeq: 2, recordedAt: "2024-06-01T00:00:00.000Z"))
            return ((), commit: false)
        }
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try subject.store.writeSession(zone: Subject.zone) { session -> ((), commit: Bool) in
                let (event, step, fact) = Subject.pending(Self.article("thrown"), as: "BST")
                _ = try session.append(event, step: step, fact: fact)
                throw Refused()
            }
        }
        #expect(try subject.store.head() == head)
        #expect(try subject.store.ingestedFile(sha256: "x") == nil)
        #expect(try subject.facts().map(\.seq) == [1])
    }

    @Test(arguments: Kind.allCases) func aSessionSeesItsOwnAppendsAndAKeyIsAppendedOnce(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.store.writeSession(zone: Subject.zone) { session in
            let lookup = try session.lookup()
            #expect(try lookup.content(of: EventKey(agency: "BST", id: "a")) == nil)
            let (event, step, fact) = Subject.pending(Self.article("a"), as: "BST")
            _ = try session.append(event, step: step, fact: fact)
            #expect(try lookup.content(of: EventKey(agency: "BST", id: "a"))?.type == "article.published")
            #expect(try session.lookup().content(of: EventKey(agency: "DPTTH", id: "a")) == nil)
            #expect(try session.head().seq == 1)
            return ((), commit: true)
        }
        #expect(throws: (any Error).self) { try subject.append([Self.article("a", channel: "radio")]) }
        #expect(try subject.store.head().seq == 1)
        try subject.append([Self.article("a")], as: "DPTTH")  // the same id of another agency
        #expect(try subject.store.head().seq == 2)
    }

    @Test(arguments: Kind.allCases) func theFirstRecordOfAFileWins(_ kind: Kind) throws {
        let subject = try Subject(kind)
        for name in ["first.ndjson", "second.ndjson"] {
            try subject.store.writeSession(zone: Subject.zone) { session in
                try session.record(
                    IngestedFile(
                        sha256: "s", name: name, agency: "BST", appended: 0, duplicates: 0,
                        firstSeq: nil, lastSeq: nil, recordedAt: "2024-06-01T00:00:00.000Z"))
                return ((), commit: true)
            }
        }
        #expect(try subject.store.ingestedFile(sha256: "s")?.name == "first.ndjson")
        #expect(try subject.store.statusCounts(coordinators: Subject.coordinators, zone: Subject.zone).filesIngested == 1)
    }

    @Test(arguments: Kind.allCases) func theAuditTrailFiltersInSeqOrder(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.append([Self.article("a"), Self.article("a2", corrects: "a")])
        try subject.append([Self.article("b"), Self.retraction("r", of: "b")], as: "DPTTH")
        #expect(try subject.events().map(\.seq) == [1, 2, 3, 4])
        #expect(try subject.events(agency: "DPTTH").map(\.id) == ["b", "r"])
        #expect(try subject.events(type: "event.retracted").map(\.id) == ["r"])
        #expect(try subject.events(agency: "BST", type: "event.retracted").isEmpty)
        var retractions: [String] = []
        try subject.store.forEachEvent(ofType: .eventRetracted) { retractions.append($0.id) }
        #expect(retractions == ["r"])
        var corrections: [String] = []
        try subject.store.forEachCorrection { corrections.append($0.id) }
        #expect(corrections == ["a2"])
    }

    /// The portal's pages of the trail: newest first, filtered, from a seq on, until told to stop.
    @Test(arguments: Kind.allCases) func theTrailPagesNewestFirstByAgencyTypeSeqAndText(_ kind: Kind) throws {
        let subject = try Subject(kind)
        let percent = #"{"id":"p","type":"article.published","occurred_at":"2024-02-01","data":{"title":"Đạt 100%_x","channel":"radio"}}"#
        try subject.append([Self.article("a"), Self.article("a2", corrects: "a"), percent])
        try subject.append([Self.article("b"), Self.retraction("r", of: "b")], as: "DPTTH")
        func page(_ filter: EventFilter, limit: Int = 100) throws -> [String] {
            var ids: [String] = []
            try subject.store.forEachEventNewestFirst(filter) { event in
                ids.append(event.id)
                return ids.count < limit
            }
            return ids
        }
        #expect(try page(EventFilter()) == ["r", "b", "p", "a2", "a"])
        #expect(try page(EventFilter(), limit: 2) == ["r", "b"])
        #expect(try page(EventFilter(beforeSeq: 4)) == ["p", "a2", "a"])
        #expect(try page(EventFilter(agency: "BST", type: "article.published", beforeSeq: 3)) == ["a2", "a"])
        #expect(try page(EventFilter(type: "event.retracted")) == ["r"])
        // The text is a plain substring of the id, the data or the file: % and _ are no wildcards.
        #expect(try page(EventFilter(text: "100%_")) == ["p"])
        #expect(try page(EventFilter(text: "%")) == ["p"])
        #expect(try page(EventFilter(text: "Bài a2")) == ["a2"])
        #expect(try page(EventFilter(text: "nhầm")) == ["r"])
        #expect(try page(EventFilter(text: "")) == ["r", "b", "p", "a2", "a"])
    }

    @Test(arguments: Kind.allCases) func readModelsAnswerByTimeAndByDate(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.append([Self.article("late", on: "2024-05-01")], recordedAt: "2024-06-01T00:00:00.000Z")
        try subject.append([Self.article("early", on: "2024-01-15"), Self.article("same", on: "2024-01-15")], recordedAt: "2024-07-01T00:00:00.000Z")
        let system = EventDraft(
            agency: AgencyCode.system, id: "report-2024-Q1-1", type: .reportGenerated,
            occurredAt: .date(LocalDate(year: 2000, month: 1, day: 1)!), corrects: nil,
            data: JSONObject([("period", .string("2024-Q1"))]))
        try subject.store.appendSystemEvent(system, recordedAt: EventTime.parseInstant("2024-08-01T00:00:00Z")!)
        #expect(try subject.store.seq(recordedAtOrBefore: EventTime.parseInstant("2024-06-15T00:00:00Z")!) == 1)
        #expect(try subject.store.seq(recordedAtOrBefore: EventTime.parseInstant("2024-01-01T00:00:00Z")!) == 0)
        #expect(try subject.store.recordedAt(seq: 2) == "2024-07-01T00:00:00.000Z")
        // The daemon's own events are not the clerks' dates.
        #expect(try subject.store.earliestOccurredAt(count: 8) == ["2024-01-15", "2024-05-01"])
        let status = try subject.store.statusCounts(coordinators: Subject.coordinators, zone: Subject.zone)
        #expect(status.head.seq == 4)
        #expect(status.eventsByType.map(\.type) == ["article.published", "report.generated"])
        #expect(status.eventsByType.map(\.count) == [3, 1])
        #expect(status.lastReport?["period"]?.stringValue == "2024-Q1")
        #expect(try subject.store.event(seq: 4)?.sourceFile == nil)
    }

    @Test(arguments: Kind.allCases) func aLaterEventCountsForARangeByItsDateOrTheDateOfWhatItNames(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.append([Self.article("q1", on: "2024-02-01"), Self.article("q2", on: "2024-05-01")])
        let inQ1 = { (day: String) in day >= "2024-01-01" && day <= "2024-03-31" }
        #expect(try !subject.store.hasEvent(after: 2, datedIn: inQ1))
        try subject.append([Self.article("q2-again", on: "2024-05-02")])
        #expect(try !subject.store.hasEvent(after: 2, datedIn: inQ1))
        // A correction dated in Q2 of a Q1 event changes Q1; so does a retraction of it.
        try subject.append([Self.article("q1-fix", on: "2024-05-03", corrects: "q1")])
        #expect(try subject.store.hasEvent(after: 3, datedIn: inQ1))
        try subject.append([Self.retraction("gone", of: "q1", on: "2024-05-04")])
        #expect(try subject.store.hasEvent(after: 4, datedIn: inQ1))
        #expect(try !subject.store.hasEvent(after: 5, datedIn: inQ1))
    }

    @Test(arguments: Kind.allCases) func theProjectionFoldsLineagesAtTheHeadAndAsOfAnySeq(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.append([Self.article("a"), Self.article("b"), Self.article("a2", channel: "radio", corrects: "a")])
        #expect(try subject.facts().map(\.seq) == [2, 3])
        #expect(try subject.facts().last?.measure == .channel("radio"))
        try subject.append([Self.retraction("undo", of: "a2"), Self.retraction("drop", of: "b")])
        #expect(try subject.facts().map(\.seq) == [1])
        #expect(try subject.facts(throughSeq: 3).map(\.seq) == [2, 3])
        #expect(try subject.facts(throughSeq: 1).map(\.seq) == [1])
        #expect(try subject.facts(throughSeq: 0).isEmpty)
        #expect(throws: UnknownSeq.self) { try subject.facts(throughSeq: 6) }
        // After a rebuild, the same.
        #expect(try subject.store.rebuildProjections(zone: Subject.zone, progress: nil) == 5)
        #expect(try subject.facts().map(\.seq) == [1])
    }

    @Test(arguments: Kind.allCases) func theRegistryFollowsCorrectionsAndRetractions(_ kind: Kind) throws {
        let subject = try Subject(kind)
        try subject.append(
            [Self.registration("BST", name: "Tên cũ"), Self.registration("BST", name: "Báo Sóc Trăng", id: "fix", corrects: "reg-BST")], as: "UBND")
        let named = { (seq: Int64?) in
            try subject.store.withProjection(throughSeq: seq, zone: Subject.zone, coordinators: Subject.coordinators) { $0.registry.agencies["BST"]?.name }
        }
        #expect(try named(nil) == "Báo Sóc Trăng")
        #expect(try named(1) == "Tên cũ")
        try subject.append([Self.retraction("undo", of: "fix")], as: "UBND")
        #expect(try named(nil) == "Tên cũ")
        let registry = try subject.store.readSession { try $0.registry(coordinators: Subject.coordinators, zone: Subject.zone) }
        #expect(registry.agencies["BST"]?.name == "Tên cũ")
        #expect(registry.isRegistryEvent(EventKey(agency: "UBND", id: "fix")))
    }

    /// The same log into both stores: every answer the same, down to the hash.
    @Test func bothStoresAnswerAlike() throws {
        let subjects = try Kind.allCases.map(Subject.init)
        for subject in subjects {
            try subject.append([Self.registration("BST", name: "Báo"), Self.registration("DPTTH", name: "Đài")], as: "UBND")
            try subject.append((1...40).map { Self.article("a\($0)", on: "2024-0\($0 % 9 + 1)-1\($0 % 10)", channel: $0 % 3 == 0 ? "radio" : "newspaper") })
            try subject.append((1...10).map { Self.article("c\($0)", channel: "television", corrects: "a\($0 * 3)") })
            try subject.append((1...5).map { Self.retraction("r\($0)", of: $0 % 2 == 0 ? "c\($0)" : "a\($0 * 7)") })
        }
        let (sqlite, memory) = (subjects[0], subjects[1])
        #expect(try sqlite.store.head() == memory.store.head())
        #expect(try sqlite.events() == memory.events())
        #expect(try sqlite.facts() == memory.facts())
        #expect(try sqlite.facts(throughSeq: 45) == memory.facts(throughSeq: 45))
        let counts = try subjects.map { try $0.store.statusCounts(coordinators: Subject.coordinators, zone: Subject.zone) }
        #expect(counts[0].eventsByType.map(\.count) == counts[1].eventsByType.map(\.count))
        #expect(counts[0].registry.agencies == counts[1].registry.agencies)
        #expect(try sqlite.store.earliestOccurredAt(count: 5) == memory.store.earliestOccurredAt(count: 5))
    }
}
