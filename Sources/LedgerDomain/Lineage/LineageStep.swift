/// What one event does to the lineages of the log (CONTRACT §2): it starts one, it joins
/// the one of the event it corrects, or it retracts one event of a lineage.
public enum LineageStep: Sendable, Equatable {
    /// A new event: the first member of a lineage of its own.
    case new
    /// A correction of the event with this id (same agency): a later member of its lineage.
    case correcting(String)
    /// A retraction of the event with this id (same agency).
    case retracting(String)

    /// The one place that reads how an event relates to earlier ones: `corrects`, and
    /// `data.event` of an `event.retracted`.
    public init(type: EventType, corrects: String?, data: JSONObject) {
        if type == .eventRetracted, let target = data["event"]?.stringValue {
            self = .retracting(target)
        } else if let corrects {
            self = .correcting(corrects)
        } else {
            self = .new
        }
    }

    public var isRetraction: Bool {
        if case .retracting = self { true } else { false }
    }

    /// The id of the earlier event this one names, if any.
    public var target: String? {
        switch self {
        case .new: nil
        case .correcting(let id), .retracting(let id): id
        }
    }
}

/// What a fold step asks of its reader: the lineage rooted at `root` (the seq of its first
/// event) now stands as event `effective`, or no longer stands at all.
public enum LineageAction: Sendable, Equatable {
    case upsert(root: Int64, effective: Int64)
    case delete(root: Int64)
}
