import Foundation
import Synchronization
import Testing

@testable import LedgerPortal

/// The portal's bounds on what waits, each at its limit and one past it: the sign-in
/// throttle per login and per address, the line of password checks, the upload gate.
/// (Over HTTP against the real daemon: Tests/Browser/test_portal_hostile.py.)
struct AdmissionLimitsTests {
    /// Counters shared with escaping closures (an `Atomic` itself cannot be captured).
    final class Counter: Sendable {
        let now = Atomic<Int>(0)
        let most = Atomic<Int>(0)
    }

    /// Holders inside the gate, each waiting to be let out.
    final class Opened: Sendable {
        let list = Mutex<[CheckedContinuation<Void, Never>]>([])
    }

    @Test func fiveFailuresForALoginMakeItWaitAndTheSixthCheckWaitsForTheirOutcome() async throws {
        let throttle = LoginThrottle(pause: .seconds(60))
        var tickets: [LoginThrottle.Ticket] = []
        for index in 0..<LoginThrottle.allowedFailures {
            guard case .admitted(let ticket) = await throttle.admit(login: "lan", client: "10.0.0.\(index)") else {
                Issue.record("check \(index + 1) of \(LoginThrottle.allowedFailures) was not admitted")
                return
            }
            tickets.append(ticket)
        }
        // The sixth, sent while five run, neither runs nor is refused: it waits for them.
        let sixth = Task { await throttle.admit(login: "lan", client: "10.0.1.1") }
        try await Task.sleep(for: .milliseconds(100))
        for ticket in tickets { throttle.finish(ticket, outcome: .failed) }
        guard case .waiting(let seconds) = await sixth.value else {
            Issue.record("the sixth check ran after five failures")
            return
        }
        #expect(seconds > 0 && seconds <= 60)
        // Another login is not held up.
        guard case .admitted = await throttle.admit(login: "snv", client: "10.0.2.1") else {
            Issue.record("another login waited")
            return
        }
    }

    @Test func aSuccessAmongRunningChecksLetsTheWaitingOnesGoOn() async throws {
        let throttle = LoginThrottle(pause: .seconds(60))
        var tickets: [LoginThrottle.Ticket] = []
        for _ in 0..<LoginThrottle.allowedFailures {
            if case .admitted(let ticket) = await throttle.admit(login: "script", client: "127.0.0.1") { tickets.append(ticket) }
        }
        #expect(tickets.count == LoginThrottle.allowedFailures)
        let waiting = Task { await throttle.admit(login: "script", client: "127.0.0.1") }
        try await Task.sleep(for: .milliseconds(100))
        for ticket in tickets { throttle.finish(ticket, outcome: .succeeded) }
        guard case .admitted = await waiting.value else {
            Issue.record("a right password's burst was refused")
            return
        }
    }

    @Test func twentyFailuresFromOneAddressMakeEveryLoginFromItWaitUntilThePause() async throws {
        let throttle = LoginThrottle(pause: .milliseconds(300))
        for index in 0..<LoginThrottle.allowedClientFailures {
            guard case .admitted(let ticket) = await throttle.admit(login: "bia-\(index)", client: "203.0.113.7") else {
                Issue.record("failure \(index + 1) of \(LoginThrottle.allowedClientFailures) was not admitted")
                return
            }
            throttle.finish(ticket, outcome: .failed)
        }
        guard case .waiting = await throttle.admit(login: "bia-moi", client: "203.0.113.7") else {
            Issue.record("the address was not held back after its twentieth failure")
            return
        }
        guard case .admitted = await throttle.admit(login: "bia-moi", client: "203.0.113.8") else {
            Issue.record("another address was held back")
            return
        }
        try await Task.sleep(for: .milliseconds(400))
        guard case .admitted = await throttle.admit(login: "bia-moi", client: "203.0.113.7") else {
            Issue.record("the address still waits after the pause")
            return
        }
    }

    @Test func thePasswordLineTakesItsLimitAndRefusesOneMore() async throws {
        let checks = PasswordChecks(maxWaiting: 2)
        let release = DispatchSemaphore(value: 0)
        let started = Counter()
        // Two checks: the first runs (and blocks), the second waits behind it on the one thread.
        let first = Task {
            await checks.run {
                started.now.add(1, ordering: .relaxed)
                release.wait()
                return 1
            }
        }
        for _ in 0..<500 where started.now.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        let second = Task { await checks.run { 2 } }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await checks.run { 3 } == nil, "a third check is refused at once")
        release.signal()
        #expect(await first.value == 1)
        #expect(await second.value == 2)
        #expect(await checks.run { 4 } == 4, "the line is free again")
    }

    @Test func theUploadGateTakesItsCapacityQueuesItsLineAndRefusesPastIt() async throws {
        let gate = UploadGate(capacity: 2, maxWaiting: 1)
        let inside = Counter()
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let opened = Opened()
        func holder(_ id: Int) -> Task<Int?, Never> {
            Task {
                await gate.withPlace { () async -> Int in
                    let now = inside.now.add(1, ordering: .relaxed).newValue
                    _ = inside.most.max(now, ordering: .relaxed)
                    continuation.yield()
                    await withCheckedContinuation { waiter in opened.list.withLock { $0.append(waiter) } }
                    inside.now.subtract(1, ordering: .relaxed)
                    return id
                }
            }
        }
        let holders = [holder(1), holder(2)]
        var arrivals = stream.makeAsyncIterator()
        _ = await arrivals.next()
        _ = await arrivals.next()
        let third = holder(3)  // waits in the line of one
        try await Task.sleep(for: .milliseconds(100))
        #expect(inside.now.load(ordering: .relaxed) == 2, "the third waits outside")
        #expect(await gate.withPlace { 4 } == nil, "one past the line is refused at once")
        for _ in 0..<3 {
            // Let one holder out; the third then comes in and is let out in its turn.
            while opened.list.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
            opened.list.withLock { $0.removeFirst() }.resume()
        }
        #expect(await holders[0].value == 1)
        #expect(await holders[1].value == 2)
        #expect(await third.value == 3)
        #expect(inside.most.load(ordering: .relaxed) == 2, "never more than the capacity inside")
    }
}
