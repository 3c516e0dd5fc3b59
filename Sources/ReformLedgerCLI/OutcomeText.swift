import LedgerDomain
import LedgerIngest

/// The human summary of a file outcome.
enum OutcomeText {
    static func line(_ outcome: FileOutcome, language: Language) -> String {
        switch outcome.status {
        case .accepted:
            return "accepted  \(outcome.path)  appended=\(outcome.appended) duplicates=\(outcome.duplicates)"
        case .rejected:
            var lines = ["rejected  \(outcome.path)  \(outcome.problems.count + outcome.unlistedProblems) error(s)"]
            for problem in outcome.problems {
                let place = [problem.line.map { "line \($0)" }, problem.field].compactMap { $0 }.joined(separator: ", ")
                lines.append("  \(place.isEmpty ? "file" : place): \(problem.code.rawValue) — \(problem.message(in: language))")
            }
            if outcome.unlistedProblems > 0 { lines.append("  … and \(outcome.unlistedProblems) more") }
            return lines.joined(separator: "\n")
        }
    }
}
