import Foundation
import LedgerTestSupport

@testable import LedgerDomain

/// A state folder initialised with the bundled plan by the real binary.
final class CLIFixture {
    let folder = TemporaryDirectory("cli")
    var state: String { folder.file("state") }

    /// - Parameter prepare: runs before `init` (to mount a small disk at `state`, say).
    init(withPlan: Bool = true, prepare: ((CLIFixture) throws -> Void)? = nil) throws {
        try prepare?(self)
        let result = try run(["init"] + (withPlan ? ["--with-plan", "soc-trang-2024"] : []))
        precondition(result.status == 0, result.stderr)
    }

    /// Runs `reformledger <arguments> --state-dir <state>`.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.reformledger(arguments + ["--state-dir", state], environment: environment)
    }

    func json(_ text: String) throws -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }
}
