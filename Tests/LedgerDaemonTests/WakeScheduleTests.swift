import Testing

@testable import LedgerDaemon

/// The deadlines the inbox loop's timer reads, and the back-off of failing files, on
/// instants the test gives (no sleeping).
struct WakeScheduleTests {
    @Test func aRescanComesEveryIntervalAndARequestOnce() {
        let start = ContinuousClock.now
        let wakes = WakeSchedule(rescanEvery: .seconds(60), from: start)
        #expect(!wakes.takeDue(at: start + .seconds(1)))
        wakes.request(after: .seconds(5), from: start)
        #expect(!wakes.takeDue(at: start + .seconds(4)))
        #expect(wakes.takeDue(at: start + .seconds(5)))
        #expect(!wakes.takeDue(at: start + .seconds(6)), "a request is used up")
        #expect(wakes.takeDue(at: start + .seconds(60)))
        #expect(!wakes.takeDue(at: start + .seconds(61)))
        #expect(wakes.takeDue(at: start + .seconds(120)))
    }

    @Test func backOffDoublesUpToFiveMinutesAndForgets() {
        var backOff = BackOff()
        let now = ContinuousClock.now
        let delays = (1...12).map { _ in backOff.failed("inbox/BST/a.json", now: now) }
        #expect(delays.prefix(4) == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
        #expect(delays.last == .seconds(300))
        #expect(backOff.isWaiting("inbox/BST/a.json", now: now + .seconds(299)))
        #expect(!backOff.isWaiting("inbox/BST/a.json", now: now + .seconds(300)))
        backOff.keep(only: [])
        #expect(!backOff.isWaiting("inbox/BST/a.json", now: now))
        #expect(backOff.failed("inbox/BST/a.json", now: now) == .seconds(1))
    }
}
