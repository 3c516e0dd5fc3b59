import Foundation
import LedgerDomain
import LedgerStore
import NIOCore
import PostgresNIO

extension CentralStore {
    /// Takes one batch, all or nothing: the events it lacks are re-chained from its own head
    /// and Merkle frontier, the checkpoint must be signed by the registered key at the
    /// batch's end with the root it computed, and rows it already holds must be the same
    /// rows. A batch that does not extend what it accepted is refused, and both
    /// checkpoints (the last accepted, the offered) are kept in `central_refusals`.
    /// - Returns: the receipt with the centre's cosignature of the checkpoint.
    public func accept(_ batch: PushBatch, cosigner: CosignatureSigner, now: Date = Date()) async throws -> PushReceipt {
        var refusal: (ledger: Int32, accepted: String?, error: CentralError)?
        do {
            return try await transaction { connection in
                try await self.accept(batch, cosigner: cosigner, now: now, on: connection) { ledger, accepted, error in
                    refusal = (ledger, accepted, error)
                }
            }
        } catch let error as CentralError {
            if let refusal, error.kind == .verification {
                // The transaction rolled back; the evidence is written on its own.
                let firstSeq = batch.events.first?.seq
                _ = try? await client.query(
                    """
                    INSERT INTO central_refusals (ledger, code, reason, first_seq, accepted_checkpoint, offered_checkpoint)
                    VALUES (\(refusal.ledger), \(error.code), \(error.description), \(firstSeq), \(refusal.accepted), \(batch.checkpoint))
                    """, logger: logger)
                logger.warning(
                    "push refused", metadata: ["origin": "\(batch.origin)", "code": "\(error.code)", "reason": "\(error.description)"])
            }
            throw error
        }
    }

    private func accept(
        _ batch: PushBatch, cosigner: CosignatureSigner, now: Date, on connection: PostgresConnection,
        refused: (Int32, String?, CentralError) -> Void
    ) async throws -> PushReceipt {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.ledgerColumns) FROM central_ledgers WHERE origin = \(batch.origin) FOR UPDATE", logger: logger)
        var found: Ledger?
        for try await row in rows.decode(LedgerRow.self) { found = Self.ledger(row) }
        guard let ledger = found else {
            throw CentralError(.usage, "\(batch.origin) is not registered at the centre (central ledger add)", code: "unknown_ledger")
        }
        guard let key = NoteVerifier(encoded: ledger.key), let start = ledger.state else {
            throw CentralError(.fault, "the centre's row of \(batch.origin) is damaged (its key or chain state does not read)")
        }
        func refuse(_ error: CentralError) -> CentralError {
            if error.kind == .verification { refused(ledger.id, ledger.checkpoint, error) }
            return error
        }
        for (index, event) in batch.events.enumerated() where index > 0 && event.seq != batch.events[index - 1].seq + 1 {
            throw CentralError(.rejected, "seq \(event.seq) does not follow seq \(batch.events[index - 1].seq) in the batch", code: "bad_batch")
        }
        let held = batch.events.filter { $0.seq <= start.size }
        let fresh = batch.events.filter { $0.seq > start.size }
        if let first = fresh.first, first.seq != start.size + 1 {
            throw CentralError(.rejected, "the batch starts at seq \(first.seq); the centre holds \(start.size) events", code: "gap")
        }
        if let first = held.first, let last = held.last {
            let stored = try await connection.query(
                "SELECT seq, hash FROM central_events WHERE ledger = \(ledger.id) AND seq BETWEEN \(first.seq) AND \(last.seq) ORDER BY seq",
                logger: logger)
            var hashes: [Int64: String] = [:]
            for try await (seq, hash) in stored.decode((Int64, String).self) { hashes[seq] = hash }
            for event in held where hashes[event.seq] != event.hash {
                throw refuse(
                    CentralError(.verification, "seq \(event.seq) differs from the row the centre accepted: the history was rewritten", code: "not_extending"))
            }
        }
        var state = start
        do {
            for event in fresh { try state.append(event) }
        } catch {
            throw refuse(error)
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try await verifiedCheckpoint(batch, ledger: ledger, key: key, state: state, on: connection)
        } catch let error as CentralError {
            throw refuse(error)
        }
        let timestamp = UInt64(max(0, now.timeIntervalSince1970))
        let cosigned = try cosigner.cosign(batch.checkpoint, timestamp: timestamp)
        if !fresh.isEmpty {
            try await copy(fresh, ledger: ledger.id, on: connection)
            try await foldTallies(fresh, ledger: ledger.id, on: connection)
            try await connection.query(
                """
                INSERT INTO central_checkpoints (ledger, size, root, note, cosigned) VALUES
                (\(ledger.id), \(checkpoint.size), \(HashChain.hex(checkpoint.root)), \(batch.checkpoint), \(cosigned))
                ON CONFLICT (ledger, size) DO NOTHING
                """, logger: logger)
        }
        if checkpoint.size == state.size {
            try await connection.query(
                """
                UPDATE central_ledgers SET size = \(state.size), head_hash = \(HashChain.hex(state.headHash)), frontier = \(state.frontierText),
                checkpoint = \(batch.checkpoint), cosigned = \(cosigned), checkpoint_at = now(), pushed_at = now(), coordinators = \(batch.coordinators)
                WHERE id = \(ledger.id)
                """, logger: logger)
        }
        return PushReceipt(origin: batch.origin, size: state.size, appended: fresh.count, duplicates: held.count, cosigned: cosigned)
    }

    /// A batch with new events must carry the checkpoint at its end; one with none may
    /// carry the head's, or a checkpoint the centre accepted before (a batch sent twice).
    private func verifiedCheckpoint(
        _ batch: PushBatch, ledger: Ledger, key: NoteVerifier, state: ChainState, on connection: PostgresConnection
    ) async throws -> Checkpoint {
        let offered: Checkpoint
        do {
            offered = try Checkpoint(body: try key.verifiedText(of: batch.checkpoint))
        } catch {
            throw CentralError(.verification, "the checkpoint is not signed by the registered key \(key.name): \(error)", code: "bad_signature")
        }
        if offered.size < state.size, batch.events.allSatisfy({ $0.seq <= offered.size }) {
            let kept = try await connection.query(
                "SELECT root FROM central_checkpoints WHERE ledger = \(ledger.id) AND size = \(offered.size)", logger: logger)
            for try await root in kept.decode(String.self) {
                guard root == HashChain.hex(offered.root), offered.origin == ledger.origin else {
                    throw CentralError(
                        .verification, "the checkpoint at size \(offered.size) has another root than the one the centre accepted", code: "not_extending")
                }
                return offered
            }
            throw CentralError(.rejected, "the centre holds \(state.size) events and no checkpoint at size \(offered.size); push from its head", code: "gap")
        }
        return try CheckpointCheck.verify(batch.checkpoint, origin: ledger.origin, key: key, state: state)
    }

    /// `COPY … FROM STDIN` of the new rows (text format: `\N` for null, backslash escapes).
    private func copy(_ events: [StoredEvent], ledger: Int32, on connection: PostgresConnection) async throws {
        let columns = [
            "ledger", "seq", "agency", "id", "type", "occurred_at", "recorded_at", "corrects", "data", "source_file", "source_sha256",
            "source_line", "source_sheet", "hash",
        ]
        try await connection.copyFrom(table: "central_events", columns: columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(9 << 20)
            for event in events {
                CopyText.row(
                    [
                        String(ledger), String(event.seq), event.agency, event.id, event.type, event.occurredAt, event.recordedAt, event.corrects,
                        event.data, event.sourceFile, event.sourceSHA256, event.sourceLine.map(String.init), event.sourceSheet, event.hash,
                    ], into: &buffer)
                if buffer.readableBytes >= 8 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// Folds the new rows into `central_tallies`, `central_lineage` and `central_agencies`.
    private func foldTallies(_ events: [StoredEvent], ledger: Int32, on connection: PostgresConnection) async throws {
        let earlier = try await earlierRows(for: events, ledger: ledger, on: connection)
        var fold = CentralFold(earlier: earlier, zone: zone)
        for event in events { fold.fold(event) }
        let deltas = fold.deltas.filter { $0.value.n != 0 || $0.value.a != 0 || $0.value.b != 0 }
        if !deltas.isEmpty {
            // In the primary key's order: the upsert walks the index forwards.
            let keys = deltas.keys.sorted { ($0.bucket, $0.type, $0.measure, $0.agency) < ($1.bucket, $1.type, $1.measure, $1.agency) }
            let buckets = keys.map(\.bucket), agencies = keys.map(\.agency), types = keys.map(\.type), measures = keys.map(\.measure)
            let n = keys.map { deltas[$0]!.n }, a = keys.map { deltas[$0]!.a }, b = keys.map { deltas[$0]!.b }
            try await connection.query(
                """
                INSERT INTO central_tallies (ledger, bucket, agency, type, measure, n, a, b)
                SELECT \(ledger), t.bucket::date, t.agency, t.type, t.measure, t.n, t.a, t.b
                FROM unnest(\(buckets)::text[], \(agencies)::text[], \(types)::text[], \(measures)::text[], \(n)::int8[], \(a)::int8[], \(b)::int8[])
                AS t(bucket, agency, type, measure, n, a, b)
                ON CONFLICT (ledger, bucket, type, measure, agency) DO UPDATE
                SET n = central_tallies.n + excluded.n, a = central_tallies.a + excluded.a, b = central_tallies.b + excluded.b
                """, logger: logger)
        }
        let writes = fold.lineageWrites
        if !writes.isEmpty {
            try await connection.query(
                """
                INSERT INTO central_lineage (ledger, seq, root, retracted)
                SELECT \(ledger), t.seq, t.root, t.retracted FROM unnest(\(writes.map(\.seq))::int8[], \(writes.map(\.root))::int8[], \(writes.map(\.retracted))::bool[])
                AS t(seq, root, retracted)
                ON CONFLICT (ledger, seq) DO UPDATE SET root = excluded.root, retracted = excluded.retracted
                """, logger: logger)
        }
        let indicators = fold.indicators
        let gone = indicators.filter { $0.value == nil }.map(\.key)
        if !gone.isEmpty {
            try await connection.query("DELETE FROM central_indicators WHERE ledger = \(ledger) AND root = ANY(\(gone)::int8[])", logger: logger)
        }
        let standing = indicators.compactMap { root, fact in fact.map { (root: root, fact: $0) } }
        if !standing.isEmpty {
            let facts = standing.map(\.fact)
            try await connection.query(
                """
                INSERT INTO central_indicators (ledger, root, agency, indicator, day, instant, seq, numerator, denominator)
                SELECT \(ledger), t.root, t.agency, t.indicator, t.day::date, t.instant, t.seq, t.numerator, t.denominator
                FROM unnest(\(standing.map(\.root))::int8[], \(facts.map(\.agency))::text[], \(facts.map(\.indicator))::text[], \(facts.map(\.day))::text[],
                    \(facts.map(\.instant))::int8[], \(facts.map(\.seq))::int8[], \(facts.map(\.numerator))::int8[], \(facts.map(\.denominator))::int8[])
                AS t(root, agency, indicator, day, instant, seq, numerator, denominator)
                ON CONFLICT (ledger, root) DO UPDATE SET agency = excluded.agency, indicator = excluded.indicator, day = excluded.day,
                instant = excluded.instant, seq = excluded.seq, numerator = excluded.numerator, denominator = excluded.denominator
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO central_indicator_keys (ledger, agency, indicator)
                SELECT DISTINCT \(ledger), t.agency, t.indicator FROM unnest(\(facts.map(\.agency))::text[], \(facts.map(\.indicator))::text[]) AS t(agency, indicator)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        let registered = fold.registered.filter { LocalDate.parse($0.since) != nil }
        if !registered.isEmpty {
            try await connection.query(
                """
                INSERT INTO central_agencies (ledger, code, name, since)
                SELECT \(ledger), t.code, t.name, t.since::date
                FROM unnest(\(registered.map(\.code))::text[], \(registered.map(\.name))::text[], \(registered.map(\.since))::text[]) AS t(code, name, since)
                ON CONFLICT (ledger, code) DO UPDATE SET name = excluded.name
                """, logger: logger)
        }
        for agency in fold.ended where LocalDate.parse(agency.until) != nil {
            try await connection.query(
                "UPDATE central_agencies SET until = \(agency.until)::date WHERE ledger = \(ledger) AND code = \(agency.code)", logger: logger)
        }
    }

    /// The rows a batch's corrections and retractions reach back to.
    private func earlierRows(for events: [StoredEvent], ledger: Int32, on connection: PostgresConnection) async throws -> EarlierRows {
        var inBatch = Set<EventKey>()
        var targets: [EventKey] = []
        for event in events {
            inBatch.insert(EventKey(agency: event.agency, id: event.id))
            guard let type = EventType(rawValue: event.type) else { continue }
            let data = event.type == EventType.eventRetracted.rawValue ? CentralFold.object(event.data) ?? JSONObject() : JSONObject()
            if let target = LineageStep(type: type, corrects: event.corrects, data: data).target {
                let key = EventKey(agency: event.agency, id: target)
                if !inBatch.contains(key) { targets.append(key) }
            }
        }
        var earlier = EarlierRows()
        guard !targets.isEmpty else { return earlier }
        let activity = EventType.allCases.filter(\.isActivity).map(\.rawValue)
        let found = try await connection.query(
            """
            SELECT e.seq, e.agency, e.id FROM central_events e
            JOIN unnest(\(targets.map(\.agency))::text[], \(targets.map(\.id))::text[]) AS t(agency, id) ON e.agency = t.agency AND e.id = t.id
            WHERE e.ledger = \(ledger) AND e.type = ANY(\(activity)::text[])
            """, logger: logger)
        for try await (seq, agency, id) in found.decode((Int64, String, String).self) { earlier.seqByKey[EventKey(agency: agency, id: id)] = seq }
        let seqs = Array(earlier.seqByKey.values)
        guard !seqs.isEmpty else { return earlier }
        let lineage = try await connection.query(
            """
            SELECT seq, root, retracted FROM central_lineage WHERE ledger = \(ledger)
            AND root IN (SELECT root FROM central_lineage WHERE ledger = \(ledger) AND seq = ANY(\(seqs)::int8[]))
            """, logger: logger)
        for try await (seq, root, retracted) in lineage.decode((Int64, Int64, Bool).self) { earlier.lineage[seq] = (root, retracted) }
        let wanted = Array(Set(seqs).union(earlier.lineage.keys))
        let rows = try await connection.query(
            "SELECT \(unescaped: CentralStore.eventColumns) FROM central_events WHERE ledger = \(ledger) AND seq = ANY(\(wanted)::int8[])",
            logger: logger)
        for try await row in rows.decode(EventRow.self) { earlier.rows[row.0] = Self.event(row) }
        return earlier
    }

    static let eventColumns = "seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, source_line, source_sheet, hash"
    typealias EventRow = (Int64, String, String, String, String, String, String?, String, String?, String?, Int32?, String?, String)

    static func event(_ row: EventRow) -> StoredEvent {
        StoredEvent(
            seq: row.0, agency: row.1, id: row.2, type: row.3, occurredAt: row.4, recordedAt: row.5, corrects: row.6, data: row.7,
            sourceFile: row.8, sourceSHA256: row.9, sourceLine: row.10.map(Int.init), hash: row.12, sourceSheet: row.11)
    }
}

/// PostgreSQL's COPY text format: fields by tabs, rows by newlines, `\N` for null, and
/// backslash, tab, newline and carriage return escaped.
enum CopyText {
    static func row(_ fields: [String?], into buffer: inout ByteBuffer) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard var text = field else {
                buffer.writeStaticString("\\N")
                continue
            }
            // Most fields hold nothing to escape: written whole, or in runs between escapes.
            text.withUTF8 { bytes in
                var start = 0
                for (index, byte) in bytes.enumerated() {
                    let escape: StaticString
                    switch byte {
                    case UInt8(ascii: "\\"): escape = "\\\\"
                    case UInt8(ascii: "\t"): escape = "\\t"
                    case UInt8(ascii: "\n"): escape = "\\n"
                    case UInt8(ascii: "\r"): escape = "\\r"
                    default: continue
                    }
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                    buffer.writeStaticString(escape)
                    start = index + 1
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
