import Testing

@testable import LedgerDomain

/// The lineage fold without any store: given events of a log, when one more arrives,
/// then this is what stands.
struct LineageFoldTests {
    /// A log of one agency's events, folded as they arrive; `standing` is what a reader
    /// applying the fold's actions holds (root → effective seq).
    struct Log {
        var memory = InMemoryLineage()
        var standing: [Int64: Int64] = [:]
        var seq: Int64 = 0
        var lastAction: LineageAction?

        @discardableResult
        mutating func given(_ id: String, _ step: LineageStep = .new, agency: String = "BST") throws -> Int64 {
            seq += 1
            lastAction = try LineageFold.apply(seq: seq, key: EventKey(agency: agency, id: id), step: step, to: &memory)
            switch lastAction {
            case .upsert(let root, let effective)?: standing[root] = effective
            case .delete(let root)?: standing[root] = nil
            case nil: break
            }
            return seq
        }

        mutating func when(_ id: String, _ step: LineageStep, agency: String = "BST") throws -> LineageAction? {
            try given(id, step, agency: agency)
            return lastAction
        }
    }

    @Test func aNewEventStandsAsItselfAndRecordsNoMembership() throws {
        var log = Log()
        let action = try log.when("a", .new)
        #expect(action == .upsert(root: 1, effective: 1))
        #expect(log.memory.root(of: 1) == nil)
    }

    @Test func aCorrectionReplacesInItsLineage() throws {
        var log = Log()
        try log.given("a")
        #expect(try log.when("a2", .correcting("a")) == .upsert(root: 1, effective: 2))
        #expect(log.standing == [1: 2])
    }

    @Test func aCorrectionOfACorrectionStaysInTheFirstLineage() throws {
        var log = Log()
        try log.given("a")
        try log.given("a2", .correcting("a"))
        #expect(try log.when("a3", .correcting("a2")) == .upsert(root: 1, effective: 3))
    }

    @Test func retractingACorrectionBringsBackWhatItCorrected() throws {
        var log = Log()
        try log.given("a")
        try log.given("a2", .correcting("a"))
        try log.given("a3", .correcting("a2"))
        #expect(try log.when("undo3", .retracting("a3")) == .upsert(root: 1, effective: 2))
        #expect(try log.when("undo2", .retracting("a2")) == .upsert(root: 1, effective: 1))
        #expect(try log.when("undo1", .retracting("a")) == .delete(root: 1))
        #expect(log.standing.isEmpty)
    }

    @Test func retractingTheOriginalLeavesItsCorrectionStanding() throws {
        var log = Log()
        try log.given("a")
        try log.given("a2", .correcting("a"))
        #expect(try log.when("undo", .retracting("a")) == .upsert(root: 1, effective: 2))
    }

    @Test func aRetractedEventCanStillBeCorrected() throws {
        var log = Log()
        try log.given("a")
        try log.given("undo", .retracting("a"))
        #expect(log.standing.isEmpty)
        #expect(try log.when("a2", .correcting("a")) == .upsert(root: 1, effective: 3))
    }

    @Test func lineagesOfOtherEventsAreUntouched() throws {
        var log = Log()
        try log.given("a")
        try log.given("b")
        try log.given("b2", .correcting("b"))
        #expect(try log.when("undo", .retracting("a")) == .delete(root: 1))
        #expect(log.standing == [2: 3])
    }

    @Test func eventsTheFoldDoesNotKeepOrOfAnotherAgencyAreNotItsBusiness() throws {
        var log = Log()
        try log.given("a", agency: "BST")
        #expect(try log.when("x", .correcting("unknown")) == nil)
        #expect(try log.when("y", .retracting("a"), agency: "DPTTH") == nil)
        #expect(log.standing == [1: 1])
    }

    @Test func theStepIsReadFromCorrectsAndTheRetractedEvent() {
        let retraction = JSONObject([("event", .string("a")), ("reason", .string("r"))])
        #expect(LineageStep(type: .eventRetracted, corrects: nil, data: retraction) == .retracting("a"))
        #expect(LineageStep(type: .articlePublished, corrects: "a", data: JSONObject()) == .correcting("a"))
        #expect(LineageStep(type: .articlePublished, corrects: nil, data: retraction) == .new)
        #expect(LineageStep(type: .eventRetracted, corrects: nil, data: JSONObject()).target == nil)
    }
}
