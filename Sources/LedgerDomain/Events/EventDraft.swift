/// A validated, normalised event that is not yet in the log.
public struct EventDraft: Sendable, Equatable {
    public var agency: String
    public var id: String
    public var type: EventType
    public var occurredAt: EventTime
    public var corrects: String?
    public var data: JSONObject
    /// RFC 8785 text of `data`: what the `data` column stores and idempotency compares.
    public var canonicalData: String

    public init(agency: String, id: String, type: EventType, occurredAt: EventTime, corrects: String?, data: JSONObject) {
        self.agency = agency
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.corrects = corrects
        self.data = data
        self.canonicalData = CanonicalJSON.string(.object(data))
    }

    public var key: EventKey { EventKey(agency: agency, id: id) }

    /// "Identical content" of CONTRACT §12: envelope and data, never provenance.
    public func hasSameContent(as stored: StoredEventContent) -> Bool {
        stored.type == type.rawValue && stored.occurredAt == occurredAt.storedText
            && stored.corrects == corrects && stored.data == canonicalData
    }
}

/// The idempotency key of an event: `(agency, id)`.
public struct EventKey: Sendable, Hashable, CustomStringConvertible {
    public var agency: String
    public var id: String

    public init(agency: String, id: String) {
        self.agency = agency
        self.id = id
    }

    public var description: String { "\(agency)/\(id)" }
}

/// The parts of a stored event that decide whether a resubmission is identical.
public struct StoredEventContent: Sendable, Equatable {
    public var type: String
    public var occurredAt: String
    public var corrects: String?
    public var data: String

    public init(type: String, occurredAt: String, corrects: String?, data: String) {
        self.type = type
        self.occurredAt = occurredAt
        self.corrects = corrects
        self.data = data
    }
}
