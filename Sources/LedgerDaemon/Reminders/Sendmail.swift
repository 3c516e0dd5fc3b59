import Foundation
import LedgerDomain

/// One message handed to a sendmail-compatible program (`mail.sendmail -t -i`): the Unix
/// convention Postfix, Exim and msmtp share, so the daemon needs no SMTP of its own and the
/// host's mail agent queues and retries. A program that fails or hangs past `timeout` is
/// reported as an error (and killed with SIGKILL); nothing else of the daemon waits on it.
struct Sendmail: Sendable {
    let program: String
    var timeout: TimeInterval = 60

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The message as RFC 5322 text: UTF-8 body (8bit), the subject in RFC 2047 words.
    static func message(from: String, to: [String], subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encoded = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        return [
            "From: \(from)", "To: \(to.joined(separator: ", "))", "Subject: \(encoded)", "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "", body, "",
        ].joined(separator: "\n")
    }

    /// Runs `program -t -i` with the message on standard input; throws unless it exits 0 in time.
    func send(_ message: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-t", "-i"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start \(program): \(error)")
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        // A program that never reads its input must not block us either: write off this thread.
        let data = Data(message.utf8)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            // SIGKILL, not SIGTERM: the child inherits the daemon's ignored SIGTERM (the
            // service group's signal handling), so a polite stop would not reach it.
            kill(process.processIdentifier, SIGKILL)
            _ = finished.wait(timeout: .now() + 5)
            throw Failure(description: "\(program) did not finish within \(Int(timeout)) s; killed")
        }
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.availableData.prefix(500), as: UTF8.self)
            throw Failure(description: "\(program) exited \(process.terminationStatus): \(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
