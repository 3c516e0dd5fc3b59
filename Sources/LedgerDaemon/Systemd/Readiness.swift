import Synchronization

/// Sends `READY=1` once every part that must be up is up: the inbox after its first drain
/// and, with the portal on, its listener once bound. Neither waits for the other: the inbox
/// ingests while a listener that cannot bind keeps retrying; systemd is told only when both
/// are there.
public final class Readiness: Sendable {
    private let notifier: SystemdNotifier
    private let state: Mutex<(inbox: Bool, listener: Bool, sent: Bool)>

    public init(notifier: SystemdNotifier, waitsForListener: Bool) {
        self.notifier = notifier
        self.state = Mutex((false, !waitsForListener, false))
    }

    public func inboxReady() { mark { $0.inbox = true } }
    public func listening() { mark { $0.listener = true } }

    private func mark(_ change: (inout (inbox: Bool, listener: Bool, sent: Bool)) -> Void) {
        let send = state.withLock { state -> Bool in
            change(&state)
            guard state.inbox, state.listener, !state.sent else { return false }
            state.sent = true
            return true
        }
        if send { notifier.notify("READY=1") }
    }
}
