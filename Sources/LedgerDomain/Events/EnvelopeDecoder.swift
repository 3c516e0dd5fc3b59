/// Turns one record of a file into an `EventDraft`, or every problem it has (CONTRACT §4.2).
///
/// This step needs nothing but the record itself: checks against the registry and the
/// log come after, in `EventAdmission`.
public struct EnvelopeDecoder: Sendable {
    public static let envelopeFields: Set<String> = ["id", "type", "agency", "occurred_at", "corrects", "data"]

    public let zone: LocalZone
    /// True only for the daemon's own events (`report.generated`); a clerk sending a
    /// `SYSTEM` type is refused before its data is even looked at.
    public let acceptsSystemTypes: Bool

    public init(zone: LocalZone = .hoChiMinh, acceptsSystemTypes: Bool = false) {
        self.zone = zone
        self.acceptsSystemTypes = acceptsSystemTypes
    }

    /// - Parameter folderAgency: the agency whose folder the file is in, when known; it is
    ///   the default `agency` and every event must match it.
    public func decode(_ record: JSONValue, folderAgency: String?) -> Result<EventDraft, DecodingProblems> {
        guard case .object(let object) = record else {
            return .failure(DecodingProblems([.malformed(ProblemDetail.eventNotAnObject(record.kindName))]))
        }
        var problems: [Problem] = []
        for key in object.keys where !Self.envelopeFields.contains(key) { problems.append(.unknownField(key)) }

        let id = identifier(object["id"], field: "id", required: true, problems: &problems)
        let corrects = identifier(object["corrects"], field: "corrects", required: false, problems: &problems)

        var type: EventType?
        switch object["type"] {
        case nil, .null?: problems.append(.missingField("type"))
        case .string(let raw)?:
            let name = TextNormalizer.normalize(raw)
            if let known = EventType.named(name) {
                type = known
                if known.sender == .system && !acceptsSystemTypes {
                    problems.append(.notPermitted(ProblemDetail.systemType(known.rawValue), field: "type"))
                }
            } else {
                problems.append(.unknownType(name))
            }
        case let other?: problems.append(.invalidValue("type", ProblemDetail.stringExpected(not: other.kindName)))
        }

        var agency: String?
        switch object["agency"] {
        case nil, .null?:
            agency = folderAgency
            if agency == nil { problems.append(.missingField("agency")) }
        case .string(let raw)?:
            let code = TextNormalizer.normalize(raw)
            if !AgencyCode.isValid(code) {
                problems.append(.invalidValue("agency", ProblemDetail.agencyCode))
            } else if let folderAgency, folderAgency != code {
                problems.append(.agencyMismatch(event: code, folder: folderAgency))
            } else {
                agency = code
            }
        case .some:
            problems.append(.invalidValue("agency", ProblemDetail.agencyCode))
        }

        var occurredAt: EventTime?
        switch object["occurred_at"] {
        case nil, .null?: problems.append(.missingField("occurred_at"))
        case .string(let raw)?:
            occurredAt = EventTime.parse(TextNormalizer.normalize(raw))
            if occurredAt == nil {
                problems.append(.invalidDate("occurred_at", ProblemDetail.date))
            } else if let time = occurredAt, !AcceptedDates.contains(time.localDate(in: zone)) {
                problems.append(.invalidDate("occurred_at", AcceptedDates.outOfRange))
                occurredAt = nil
            }
        case .some: problems.append(.invalidDate("occurred_at", ProblemDetail.date))
        }

        var data: JSONObject?
        switch object["data"] {
        case nil, .null?: problems.append(.missingField("data"))
        case .object(let value)?:
            if let type, type.sender != .system || acceptsSystemTypes {
                let (normalised, dataProblems) = DataValidator(zone: zone).validate(value, type: type)
                problems.append(contentsOf: dataProblems)
                data = normalised
            }
        case let other?: problems.append(.invalidValue("data", ProblemDetail.objectExpected(not: other.kindName)))
        }

        guard problems.isEmpty, let id, let type, let agency, let occurredAt, let data else {
            return .failure(DecodingProblems(problems))
        }
        return .success(EventDraft(agency: agency, id: id, type: type, occurredAt: occurredAt, corrects: corrects, data: data))
    }

    private func identifier(_ value: JSONValue?, field: String, required: Bool, problems: inout [Problem]) -> String? {
        switch value {
        case nil, .null?:
            if required { problems.append(.missingField(field)) }
            return nil
        case .string(let raw)?:
            let id = TextNormalizer.normalize(raw)
            if Identifier.isValid(id) { return id }
            problems.append(.invalidValue(field, ProblemDetail.identifier))
            return nil
        case .some:
            problems.append(.invalidValue(field, ProblemDetail.identifier))
            return nil
        }
    }
}

/// The problems of one record; never empty.
public struct DecodingProblems: Error, Sendable {
    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }
}
