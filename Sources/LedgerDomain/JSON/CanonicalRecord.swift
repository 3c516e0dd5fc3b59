/// The record that the hash chain covers (SPEC §9), in RFC 8785 form:
/// `{"agency","corrects"?,"data","id","occurred_at","recorded_at","seq","source":{"file","line","sha256"},"type"}`.
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

    public init(seq: Int64, agency: String, id: String, type: String, occurredAt: String, recordedAt: String,
                corrects: String?, canonicalData: String, sourceFile: String?, sourceSHA256: String?, sourceLine: Int?) {
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
        var out: [UInt8] = []
        out.reserveCapacity(canonicalData.utf8.count + 320)
        func key(_ name: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
        func string(_ value: String?) {
            if let value { CanonicalJSON.writeString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        key("{\"agency\":"); string(agency)
        if let corrects { key(",\"corrects\":"); string(corrects) }
        key(",\"data\":"); out.append(contentsOf: canonicalData.utf8)
        key(",\"id\":"); string(id)
        key(",\"occurred_at\":"); string(occurredAt)
        key(",\"recorded_at\":"); string(recordedAt)
        key(",\"seq\":"); out.append(contentsOf: String(seq).utf8)
        key(",\"source\":{\"file\":"); string(sourceFile)
        key(",\"line\":")
        if let sourceLine { out.append(contentsOf: String(sourceLine).utf8) } else { out.append(contentsOf: "null".utf8) }
        key(",\"sha256\":"); string(sourceSHA256)
        key("},\"type\":"); string(type)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
