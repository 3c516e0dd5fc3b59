import Synchronization

/// How many uploads the portal receives and takes at once: `capacity` at a time, the
/// next ones waiting — without their bodies read, which the connection holds back — up to
/// `maxWaiting`, and past that refused at once (503 `uploads_busy`). Each upload admitted
/// may put up to `max_file_bytes` on the disk, never in memory.
final class UploadGate: Sendable {
    private struct State {
        var available: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private enum Entry {
        case now, wait, full
    }

    private let state: Mutex<State>
    let maxWaiting: Int

    init(capacity: Int, maxWaiting: Int = 256) {
        state = Mutex(State(available: max(1, capacity)))
        self.maxWaiting = maxWaiting
    }

    /// Runs `body` in a place of the gate; nil, without running it, when the line is full.
    func withPlace<T: Sendable>(_ body: () async throws -> T) async rethrows -> T? {
        let entry = state.withLock { state -> Entry in
            if state.available > 0 {
                state.available -= 1
                return .now
            }
            return state.waiting.count >= maxWaiting ? .full : .wait
        }
        switch entry {
        case .full: return nil
        case .wait:
            await withCheckedContinuation { continuation in
                let admitted = state.withLock { state -> Bool in
                    if state.available > 0 {
                        state.available -= 1
                        return true
                    }
                    state.waiting.append(continuation)
                    return false
                }
                if admitted { continuation.resume() }
            }
        case .now: break
        }
        defer { release() }
        return try await body()
    }

    /// Hands the place to the first waiting upload, or frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
