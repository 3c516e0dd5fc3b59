import ArgumentParser

/// Exit statuses of CONTRACT §8.
enum ExitStatus: Int32 {
    case success = 0
    case inputRejected = 1
    case usage = 2
    case verificationFailed = 3
    /// A fault of the machine or a defect (a full disk, an unreadable file): not the
    /// user's input, so not 1.
    case unexpected = 4

    var exitCode: ExitCode { ExitCode(rawValue) }
}

/// A command that cannot go on, with the message to print and the status to exit with.
struct CommandFailure: Error {
    var message: String
    var status: ExitStatus

    init(_ message: String, status: ExitStatus = .usage) {
        self.message = message
        self.status = status
    }
}
