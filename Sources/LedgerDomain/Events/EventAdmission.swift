/// Read access to the log that admission needs: the stored content of an event.
public protocol EventLookup {
    func content(of key: EventKey) throws -> StoredEventContent?
}

/// What to do with a decoded event.
public enum AdmissionDecision: Sendable, Equatable {
    case append
    /// Already in the log with identical content: skipped and counted (CONTRACT §6.3).
    case duplicate
    case reject([Problem])
}

/// The rules that need the registry and the log (CONTRACT §6, §12): who may send what,
/// references to agencies, tasks and earlier events, and idempotency.
public struct EventAdmission: Sendable {
    public let registry: AgencyRegistry
    public let now: Instant
    public let zone: LocalZone

    public init(registry: AgencyRegistry, now: Instant, zone: LocalZone) {
        self.registry = registry
        self.now = now
        self.zone = zone
    }

    public func admit(_ draft: EventDraft, lookup: some EventLookup) throws -> AdmissionDecision {
        var problems: [Problem] = []
        if let stored = try lookup.content(of: draft.key) {
            if draft.hasSameContent(as: stored) { return .duplicate }
            problems.append(.idConflict(agency: draft.agency, id: draft.id))
        }
        problems.append(contentsOf: senderProblems(draft))
        if draft.occurredAt.earliestInstant(in: zone) > now.adding(seconds: 86_400) {
            problems.append(.invalidDate("occurred_at", ProblemDetail.inTheFuture))
        }
        if let corrects = draft.corrects {
            let target = try lookup.content(of: EventKey(agency: draft.agency, id: corrects))
            if target?.type != draft.type.rawValue {
                problems.append(.unknownEvent(corrects, field: "corrects", ProblemDetail.correctable(type: draft.type.rawValue)))
            }
        }
        problems.append(contentsOf: try referenceProblems(draft, lookup: lookup))
        return problems.isEmpty ? .append : .reject(problems)
    }

    private func senderProblems(_ draft: EventDraft) -> [Problem] {
        let agency = draft.agency
        if agency == AgencyCode.system {
            return [.notPermitted(ProblemDetail.systemSender, field: "agency")]
        }
        guard registry.isKnown(agency) else { return [.unknownAgency(agency, field: "agency")] }
        var problems: [Problem] = []
        switch draft.type.sender {
        case .system:
            problems.append(.notPermitted(ProblemDetail.systemType(draft.type.rawValue), field: "type"))
        case .coordinator where !registry.isCoordinator(agency):
            problems.append(
                .notPermitted(ProblemDetail.coordinatorsOnly(type: draft.type.rawValue, coordinators: registry.coordinators.sorted()), field: "type"))
        default: break
        }
        if let merged = registry.agencies[agency], let effective = merged.mergeEffective,
            draft.occurredAt.localDate(in: zone) >= effective
        {
            problems.append(.notPermitted(ProblemDetail.mergedAway(agency, into: merged.mergedInto ?? "?", on: effective), field: "occurred_at"))
        }
        if let dissolved = registry.agencies[agency]?.dissolvedOn, draft.occurredAt.localDate(in: zone) >= dissolved {
            problems.append(.notPermitted(ProblemDetail.dissolved(agency, on: dissolved), field: "occurred_at"))
        }
        return problems
    }

    private func referenceProblems(_ draft: EventDraft, lookup: some EventLookup) throws -> [Problem] {
        let data = draft.data
        var problems: [Problem] = []
        func knownAgency(_ code: String, _ field: String) {
            if !registry.isKnown(code) { problems.append(.unknownAgency(code, field: field)) }
        }
        func knownTask(_ field: String) -> TaskAssignment? {
            guard let task = data[field]?.stringValue else { return nil }
            guard let assignment = registry.tasks[task] else {
                problems.append(.unknownTask(task, field: "data.\(field)"))
                return nil
            }
            return assignment
        }
        func codes(_ key: String) -> [(Int, String)] {
            guard case .array(let items)? = data[key] else { return [] }
            return items.enumerated().compactMap { index, item in item.stringValue.map { (index + 1, $0) } }
        }

        switch draft.type {
        case .taskReported:
            if let assignment = knownTask("task") {
                let allowed = registry.resolve(assignment.lead + assignment.coordinating)
                if !allowed.contains(draft.agency) {
                    problems.append(.notPermitted(ProblemDetail.notOnTask(draft.agency, task: assignment.task), field: "data.task"))
                }
            }
        case .articlePublished, .activityHeld:
            _ = knownTask("task")
        case .contestHeld:
            _ = knownTask("task")
            if case .array(let awards)? = data["awards"] {
                for (index, award) in awards.enumerated() {
                    if let code = award.objectValue?["agency"]?.stringValue { knownAgency(code, "data.awards[\(index + 1)].agency") }
                }
            }
        case .eventRetracted:
            if case .retracting(let target) = LineageStep(type: draft.type, corrects: nil, data: data) {
                let stored = try lookup.content(of: EventKey(agency: draft.agency, id: target))
                if stored == nil {
                    problems.append(.unknownEvent(target, field: "data.event", ProblemDetail.retractable))
                } else if stored?.type == EventType.eventRetracted.rawValue {
                    problems.append(.invalidValue("data.event", ProblemDetail.retractRetraction))
                }
            }
        case .taskAssigned:
            if let task = data["task"]?.stringValue, draft.corrects == nil, registry.tasks[task] != nil {
                problems.append(.invalidValue("data.task", ProblemDetail.alreadyAssigned))
            }
            for key in ["lead", "coordinating"] {
                for (index, reference) in codes(key) where !reference.hasPrefix("kind:") { knownAgency(reference, "data.\(key)[\(index)]") }
            }
            _ = knownTask("carried_from")
        case .agencyRegistered:
            if let code = data["code"]?.stringValue {
                if code == AgencyCode.system {
                    problems.append(.invalidValue("data.code", ProblemDetail.systemCode))
                } else if draft.corrects == nil, registry.agencies[code] != nil {
                    problems.append(.invalidValue("data.code", ProblemDetail.alreadyRegistered))
                }
            }
            if let parent = data["parent"]?.stringValue { knownAgency(parent, "data.parent") }
        case .agencyRenamed:
            if let code = data["code"]?.stringValue, registry.agencies[code] == nil {
                problems.append(.unknownAgency(code, field: "data.code"))
            }
        case .agencyDissolved:
            if let code = data["code"]?.stringValue, registry.agencies[code] == nil {
                problems.append(.unknownAgency(code, field: "data.code"))
            }
            for (index, code) in codes("successors") { knownAgency(code, "data.successors[\(index)]") }
        case .agencyMerged:
            for (index, code) in codes("from") { knownAgency(code, "data.from[\(index)]") }
            if let into = data["into"]?.stringValue { knownAgency(into, "data.into") }
        case .targetSet:
            if let indicator = data["indicator"]?.stringValue.flatMap(TargetIndicator.parse),
                case .taskCount(let task, _) = indicator, registry.tasks[task] == nil
            {
                problems.append(.unknownTask(task, field: "data.indicator"))
            }
        case .planAdopted:
            if let plan = data["plan"]?.stringValue, draft.corrects == nil, registry.plans[plan] != nil {
                problems.append(.invalidValue("data.plan", ProblemDetail.alreadyAdopted))
            }
        case .initiativeShared:
            if let code = data["initiative"]?.stringValue, draft.corrects == nil, registry.initiatives[code] != nil {
                problems.append(.invalidValue("data.initiative", ProblemDetail.alreadyShared))
            }
        case .initiativeApplied:
            if let code = data["initiative"]?.stringValue, registry.initiatives[code] == nil {
                problems.append(.unknownInitiative(code, field: "data.initiative"))
            }
            _ = knownTask("task")
        case .reportReviewed:
            if let code = data["agency"]?.stringValue { knownAgency(code, "data.agency") }
            if data["decision"]?.stringValue == ReviewDecision.returned.rawValue, data["reason"] == nil {
                problems.append(.missingField("data.reason"))
            }
        case .commentPosted:
            if let code = data["agency"]?.stringValue {
                knownAgency(code, "data.agency")
                if code != draft.agency, !registry.isCoordinator(draft.agency) {
                    problems.append(.notPermitted(ProblemDetail.commentOwnAgency, field: "data.agency"))
                }
            }
        case .surveySubmitted, .indicatorReported, .reportSubmitted, .reportGenerated, .initiativeProposed, .reminderSent:
            break
        }
        return problems
    }
}
