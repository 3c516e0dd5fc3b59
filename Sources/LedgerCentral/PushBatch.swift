import LedgerDomain
import LedgerStore

/// One push: the events the centre lacks, in seq order, and the province's signed
/// checkpoint at the last of them. On the wire it is NDJSON: a head line
/// `{"origin","checkpoint","coordinators"}`, then one line per event with the columns of
/// CONTRACT §9 as stored (`data` as its stored text), so that the centre re-computes the
/// chain from exactly what the province hashed.
public struct PushBatch: Sendable {
    public var origin: String
    /// The signed note (C2SP `tlog-checkpoint` + `signed-note`) at the batch's last seq.
    public var checkpoint: String
    /// The province's `coordinators` (configuration, not history): who the centre's
    /// completeness does not expect a report from.
    public var coordinators: [String]
    public var events: [StoredEvent]

    public init(origin: String, checkpoint: String, coordinators: [String], events: [StoredEvent]) {
        self.origin = origin
        self.checkpoint = checkpoint
        self.coordinators = coordinators
        self.events = events
    }

    /// The NDJSON body.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(events.count * 400 + 600)
        let head: JSONObject = [
            "origin": .string(origin), "checkpoint": .string(checkpoint), "coordinators": .array(coordinators.map(JSONValue.string)),
        ]
        out.append(contentsOf: JSONWriter.string(.object(head)).utf8)
        out.append(0x0A)
        // Written field by field (RFC 8785 string escaping), not through a JSONObject per
        // event: the push spent as much time building those as the centre took to check them.
        func key(_ name: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
        func text(_ value: String?) {
            if let value { CanonicalJSON.writeString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        for event in events {
            key("{\"seq\":")
            out.append(contentsOf: String(event.seq).utf8)
            key(",\"agency\":")
            text(event.agency)
            key(",\"id\":")
            text(event.id)
            key(",\"type\":")
            text(event.type)
            key(",\"occurred_at\":")
            text(event.occurredAt)
            key(",\"recorded_at\":")
            text(event.recordedAt)
            key(",\"corrects\":")
            text(event.corrects)
            key(",\"data\":")
            text(event.data)
            key(",\"source_file\":")
            text(event.sourceFile)
            key(",\"source_sha256\":")
            text(event.sourceSHA256)
            key(",\"source_line\":")
            if let line = event.sourceLine { out.append(contentsOf: String(line).utf8) } else { key("null") }
            key(",\"source_sheet\":")
            text(event.sourceSheet)
            key(",\"hash\":")
            text(event.hash)
            key("}\n")
        }
        return out
    }

    /// Reads an NDJSON body; a line that is not what `encoded()` writes is refused with its number.
    public init(decoding body: some Collection<UInt8>) throws(CentralError) {
        let parser = JSONParser()
        var lines = body.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), case .object(let head)? = try? parser.parse(first),
            let origin = head["origin"]?.stringValue, let checkpoint = head["checkpoint"]?.stringValue
        else { throw CentralError(.rejected, "line 1 is not the batch's head {\"origin\",\"checkpoint\",\"coordinators\"}") }
        self.origin = origin
        self.checkpoint = checkpoint
        coordinators = head["coordinators"]?.arrayValue?.compactMap(\.stringValue) ?? []
        events = []
        var number = 1
        while let line = lines.next() {
            number += 1
            guard case .object(let row)? = try? parser.parse(line), let event = Self.event(row) else {
                throw CentralError(.rejected, "line \(number) is not an event row of CONTRACT §9")
            }
            events.append(event)
        }
    }

    private static func event(_ row: JSONObject) -> StoredEvent? {
        func text(_ key: String) -> String? { row[key]?.stringValue }
        func optionalText(_ key: String) -> String?? {
            switch row[key] {
            case nil, .null?: .some(nil)
            case .string(let value)?: .some(value)
            default: nil
            }
        }
        guard case .integer(let seq)? = row["seq"], let agency = text("agency"), let id = text("id"), let type = text("type"),
            let occurredAt = text("occurred_at"), let recordedAt = text("recorded_at"), let data = text("data"), let hash = text("hash"),
            let corrects = optionalText("corrects"), let file = optionalText("source_file"), let sha = optionalText("source_sha256"),
            let sheet = optionalText("source_sheet")
        else { return nil }
        let line: Int?
        switch row["source_line"] {
        case nil, .null?: line = nil
        case .integer(let value)?: line = value
        default: return nil
        }
        return StoredEvent(
            seq: Int64(seq), agency: agency, id: id, type: type, occurredAt: occurredAt, recordedAt: recordedAt, corrects: corrects,
            data: data, sourceFile: file, sourceSHA256: sha, sourceLine: line, hash: hash, sourceSheet: sheet)
    }
}

/// What the centre answers a push.
public struct PushReceipt: Sendable, Equatable {
    public var origin: String
    /// The centre's size of the ledger after the batch.
    public var size: Int64
    public var appended: Int
    public var duplicates: Int
    /// The province's checkpoint with the centre's cosignature line.
    public var cosigned: String

    public init(origin: String, size: Int64, appended: Int, duplicates: Int, cosigned: String) {
        self.origin = origin
        self.size = size
        self.appended = appended
        self.duplicates = duplicates
        self.cosigned = cosigned
    }

    public var json: JSONValue {
        .object([
            "origin": .string(origin), "size": .integer(Int(size)), "appended": .integer(appended), "duplicates": .integer(duplicates),
            "cosigned": .string(cosigned),
        ])
    }

    public init?(json: JSONValue) {
        guard case .object(let object) = json, let origin = object["origin"]?.stringValue, case .integer(let size)? = object["size"],
            case .integer(let appended)? = object["appended"], case .integer(let duplicates)? = object["duplicates"],
            let cosigned = object["cosigned"]?.stringValue
        else { return nil }
        self.init(origin: origin, size: Int64(size), appended: appended, duplicates: duplicates, cosigned: cosigned)
    }
}
