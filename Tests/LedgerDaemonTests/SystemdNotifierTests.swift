import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDaemon

struct SystemdNotifierTests {
    @Test(arguments: [false, true])
    func sendsDatagramsToAPathOrAnAbstractSocket(abstract: Bool) throws {
        let folder = TemporaryDirectory("notify")
        let address = abstract ? "@reformledger-unit-\(UUID().uuidString.prefix(8))" : folder.file("n.sock")
        let listener = try NotifyListener(address: address)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
        notifier.notify("READY=1")
        notifier.notify("STATUS=backlog 3 file(s), last BST/a.json")
        #expect(listener.receive(timeout: 2) == "READY=1")
        #expect(listener.receive(timeout: 2) == "STATUS=backlog 3 file(s), last BST/a.json")
    }

    @Test func aListenerThatStopsReadingNeverBlocksTheSender() throws {
        let folder = TemporaryDirectory("notify")
        let listener = try NotifyListener(address: folder.file("full.sock"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        let start = Date()
        for index in 0..<5000 { notifier.notify("STATUS=message \(index) " + String(repeating: "x", count: 200)) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsec() {
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000"]) == .seconds(15))
        #expect(SystemdNotifier.watchdogInterval(environment: [:]) == nil)
        #expect(!SystemdNotifier(environment: [:]).isEnabled)
    }
}
