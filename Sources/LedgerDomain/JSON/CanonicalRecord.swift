/// The record that the hash chain covers (CONTRACT §9), in RFC 8785 form:
/// `{"agency","corrects"?,"data","id","occurred_at","recorded_at","seq","source":{"file","line","sha256","sheet"?},"type"}`
/// (`sheet` only for a workbook's row: events from before it, and from other files, have
/// none, so their hashes are what they always were).
///
/// Built directly in sorted key order, splicing the already-canonical `data` text, so the
/// hot path of ingestion does not sort or re-encode anything.
public struct CanonicalRecord: Sendable {
    public var seq: Int64
    public var agency: String
    public var id: String
    public var type: String
    public var occurredAt: String
    public var recordedAt: String
    public var corrects: String?
    /// RFC 8785 text of the `data` object.
    public var canonicalData: String
    public var sourceFile: String?
    public var sourceSHA256: String?
    public var sourceLine: Int?
    /// The sheet of a workbook's row (its `line` is then the row).
    public var sourceSheet: String?

    public init(
        seq: Int64, agency: String, id: String, type: String, occurredAt: String, recordedAt: String,
        corrects: String?, canonicalData: String, sourceFile: String?, sourceSHA256: String?, sourceLine: Int?, sourceSheet: String? = nil
    ) {
        self.sourceSheet = sourceSheet
        self.seq = seq
        self.agency = agency
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.corrects = corrects
        self.canonicalData = canonicalData
        self.sourceFile = sourceFile
        self.sourceSHA256 = sourceSHA256
        self.sourceLine = sourceLine
    }

    public func bytes() -> [UInt8] {
        parts.bytes(seq: seq)
    }

    /// The record without its `seq`: everything but the seq can be serialised before the
    /// event has a place in the log (off the database thread, while reading the file).
    public var parts: CanonicalRecordParts {
        var head: [UInt8] = []
        head.reserveCapacity(canonicalData.utf8.count + 160)
        var tail: [UInt8] = []
        tail.reserveCapacity(160)
        func key(_ name: StaticString, to out: inout [UInt8]) {
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
        func string(_ value: String?, to out: inout [UInt8]) {
            if let value { CanonicalJSON.writeString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        key("{\"agency\":", to: &head)
        string(agency, to: &head)
        if let corrects {
            key(",\"corrects\":", to: &head)
            string(corrects, to: &head)
        }
        key(",\"data\":", to: &head)
        head.append(contentsOf: canonicalData.utf8)
        key(",\"id\":", to: &head)
        string(id, to: &head)
        key(",\"occurred_at\":", to: &head)
        string(occurredAt, to: &head)
        key(",\"recorded_at\":", to: &head)
        string(recordedAt, to: &head)
        key(",\"seq\":", to: &head)
        key(",\"source\":{\"file\":", to: &tail)
        string(sourceFile, to: &tail)
        key(",\"line\":", to: &tail)
        if let sourceLine { tail.append(contentsOf: String(sourceLine).utf8) } else { tail.append(contentsOf: "null".utf8) }
        key(",\"sha256\":", to: &tail)
        string(sourceSHA256, to: &tail)
        if let sourceSheet {
            key(",\"sheet\":", to: &tail)
            string(sourceSheet, to: &tail)
        }
        key("},\"type\":", to: &tail)
        string(type, to: &tail)
        tail.append(UInt8(ascii: "}"))
        return CanonicalRecordParts(head: head, tail: tail)
    }
}

/// A canonical record cut at its `seq`: `head ‖ decimal seq ‖ tail` is the record.
public struct CanonicalRecordParts: Sendable, Equatable {
    public var head: [UInt8]
    public var tail: [UInt8]

    public init(head: [UInt8], tail: [UInt8]) {
        self.head = head
        self.tail = tail
    }

    public func bytes(seq: Int64) -> [UInt8] {
        head + Array(String(seq).utf8) + tail
    }
}
