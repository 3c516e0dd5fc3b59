import Synchronization

/// Page bodies that depend only on a view's identity (a period at a head seq), kept so that
/// thirty-two readers of the dashboard do not each write the same 60 KB of HTML. A few are
/// kept; the oldest goes first.
final class RenderedPages: Sendable {
    private let pages = Mutex<[(key: String, body: String)]>([])
    private let capacity = 8

    func body(for key: String, render: () -> String) -> String {
        if let hit = pages.withLock({ $0.first { $0.key == key }?.body }) { return hit }
        let body = render()
        pages.withLock { pages in
            if !pages.contains(where: { $0.key == key }) { pages.append((key, body)) }
            if pages.count > capacity { pages.removeFirst(pages.count - capacity) }
        }
        return body
    }
}
