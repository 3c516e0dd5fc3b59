import Foundation
import Synchronization

/// Views of the log kept while its head stays put: a dashboard on a million events is
/// built once per head seq, and every request that arrives meanwhile waits for that one
/// build instead of starting its own. A view of an older head is dropped when a newer one
/// is asked for.
final class ViewCache: Sendable {
    private struct Entry {
        var seq: Int64
        var task: Task<any Sendable, any Error>
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Where builds run: off the event loops and the cooperative pool, since they block on SQLite.
    private let work = BlockingWork(label: "reformledger.portal-views", concurrent: true)

    func value<T: Sendable>(for key: String, seq: Int64, build: @escaping @Sendable () throws -> T) async throws -> T {
        let work = self.work
        let task = entries.withLock { entries -> Task<any Sendable, any Error> in
            if let entry = entries[key], entry.seq == seq { return entry.task }
            let task = Task<any Sendable, any Error> { try await work.run { try build() as any Sendable } }
            entries[key] = Entry(seq: seq, task: task)
            return task
        }
        do {
            // The cast cannot fail: a key is always built with the same type.
            return try await task.value as! T
        } catch {
            // A failed build is not kept: the next request tries again.
            entries.withLock { entries in if entries[key]?.seq == seq { entries[key] = nil } }
            throw error
        }
    }

    /// Runs blocking reads on the same queue as the builds.
    func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await work.run(body)
    }
}
