import Foundation
import LedgerDomain
import LedgerFiles
import LedgerStore

/// Runs the half of ingestion that needs nothing but the file — reading, UTF-8 checks,
/// JSON parsing, envelope and data validation, canonical form, the hashed record up to
/// its seq, the projected fact — on a second thread (`BackgroundBatches`), so that the
/// database thread only admits, hashes and appends. On two cores this is what brings
/// ingest near SQLite's own rate. Records reach `consume` in file order; the file is never
/// read after `run` returns.
struct DecodePipeline {
    let reader: any RecordReader
    let preparation: EventPreparation

    func run(_ file: SafeFile, consume: (DecodedRecord) throws -> Void) throws {
        let work = ReadingWork(file: file, reader: reader, preparation: preparation)
        try BackgroundBatches.run(
            name: "reformledger-decode",
            produce: { emit in try work.reader.read(work.file) { record in try emit(work.preparation.prepare(record)) } },
            consume: consume)
    }
}

/// Everything about an event that does not depend on the log.
struct EventPreparation: Sendable {
    let decoder: EnvelopeDecoder
    let folderAgency: String?
    let source: (name: String, sha256: String)
    /// `recorded_at` of every event of the file, as stored.
    let recordedAt: String

    func prepare(_ record: FileRecord) -> DecodedRecord {
        switch record {
        case .problem(let problem):
            return .problems([problem])
        case .value(let value, let line, let sheet):
            switch decoder.decode(value, folderAgency: folderAgency) {
            case .failure(let failure):
                return .problems(failure.problems.map { problem in sheet.map { problem.at(row: line, of: $0) } ?? problem.at(line: line) })
            case .success(let draft):
                let source = EventSource(file: source.name, sha256: source.sha256, line: line, sheet: sheet?.name)
                return .event(
                    DecodedEvent(
                        sheet: sheet, draft: draft, pending: PendingAppend(draft: draft, source: source, recordedAt: recordedAt),
                        fact: ActivityFact(type: draft.type, occurredAt: draft.occurredAt, data: draft.data, zone: decoder.zone)))
            }
        }
    }
}

/// A record after the file-only checks.
enum DecodedRecord: Sendable {
    case event(DecodedEvent)
    /// Problems of one record, with their line; never empty.
    case problems([Problem])
}

/// A valid event, prepared for admission and appending.
struct DecodedEvent: Sendable {
    /// The sheet and columns of a workbook's event, to place admission problems in cells.
    let sheet: SheetColumns?
    let draft: EventDraft
    let pending: PendingAppend
    /// What the projection keeps of it; nil for events that are not activity events.
    let fact: ActivityFact?

    var line: Int { pending.columns.sourceLine ?? 0 }

    /// A problem of this event placed on its line, or its row and cell.
    func place(_ problem: Problem) -> Problem {
        sheet.map { problem.at(row: line, of: $0) } ?? problem.at(line: line)
    }
}

/// What the reading thread owns while it runs. `SafeFile` and the reader are not
/// `Sendable`; they are handed over whole and the caller does not touch them until
/// `BackgroundBatches.run` has seen the thread finish.
private struct ReadingWork: @unchecked Sendable {
    let file: SafeFile
    let reader: any RecordReader
    let preparation: EventPreparation
}
