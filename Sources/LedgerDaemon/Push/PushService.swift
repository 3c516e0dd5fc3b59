import AsyncAlgorithms
import Foundation
import LedgerCentral
import LedgerDomain
import LedgerFiles
import LedgerStore
import Logging
import ServiceLifecycle

/// `push_to` (CONTRACT §13): the daemon pushes its ledger to the centre whenever the log
/// has grown since the centre last took it — in effect after each commit — and backs off
/// (2 s doubling to 5 min) while the centre is away or refuses. Ingestion and reports never
/// wait on it: a push reads the log beside the writer, and a centre that is gone costs a
/// logged line per attempt, nothing more. A refused history (exit 3 for `push`) is logged
/// as an error at every attempt, since no retry can make it pass.
public struct PushService: Service {
    let push: LedgerPush
    let tick: Duration
    let logger: Logger

    static let longestPause: Int64 = 300

    public init(push: LedgerPush, tick: Duration = .seconds(2), logger: Logger) {
        self.push = push
        self.tick = tick
        self.logger = logger
    }

    public func run() async throws {
        var pushedThrough: Int64 = -1
        var pause: Int64 = 0
        var waited: Int64 = 0
        let tickSeconds = max(1, tick.components.seconds)
        for await _ in AsyncTimerSequence.repeating(every: tick).cancelOnGracefulShutdown() {
            waited += tickSeconds
            guard waited >= pause else { continue }
            guard let head = try? push.database.head().seq, head != pushedThrough else { continue }
            waited = 0
            do {
                let summary = try await push.run()
                pushedThrough = summary.size
                pause = 0
                if summary.appended > 0 {
                    logger.info("pushed to the centre", metadata: ["centre.size": "\(summary.size)", "appended": "\(summary.appended)"])
                }
            } catch {
                pause = min(Self.longestPause, max(2, pause * 2))
                let metadata: Logger.Metadata = ["code": "\(error.code)", "reason": "\(error.description)", "retry_seconds": "\(pause)"]
                if error.kind == .verification {
                    logger.error("the centre refuses this ledger's history", metadata: metadata)
                } else {
                    logger.warning("push to the centre failed; trying again", metadata: metadata)
                }
            }
        }
    }
}
