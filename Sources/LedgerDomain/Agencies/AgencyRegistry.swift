/// Agencies and tasks, derived only from the log (CONTRACT §3: the registry is data).
///
/// It is the `LineageFold` over the registry events, kept in memory: a correction
/// replaces the event it corrects, a retraction removes exactly the event it names
/// (bringing back what a retracted correction had replaced). Agencies, tasks and targets
/// are then read off the standing events; the registry is small, so that is simply redone
/// whenever one of its events arrives.
public struct AgencyRegistry: Sendable {
    public let coordinators: Set<String>
    private var events: [Int64: RegistryEvent] = [:]
    private var lineage = InMemoryLineage()
    /// The standing event of each lineage, by the lineage's root (its first seq).
    private var standing: [Int64: Int64] = [:]
    public private(set) var agencies: [String: Agency] = [:]
    public private(set) var tasks: [String: TaskAssignment] = [:]
    /// Every standing `target.set`, in seq order: what `targets(ofYear:through:)` chooses from.
    public private(set) var targetRecords: [TargetRecord] = []
    /// Adopted plans by code (`plan.adopted`).
    public private(set) var plans: [String: PlanAdoption] = [:]
    /// Shared models and initiatives by code, who applies them, what was proposed.
    public private(set) var initiatives: [String: Initiative] = [:]
    public private(set) var initiativeApplications: [InitiativeApplication] = []
    public private(set) var initiativeProposals: [InitiativeProposal] = []
    /// SNV's decisions on reports and the comment threads, in seq order.
    public private(set) var reviews: [ReportReview] = []
    public private(set) var comments: [PostedComment] = []
    /// The reminders the daemon sent (`reminder.sent`).
    public private(set) var reminders: [SentReminder] = []

    public init(coordinators: Set<String>) {
        self.coordinators = coordinators
    }

    /// Registered agencies and coordinators are known; nothing else may send events.
    public func isKnown(_ code: String) -> Bool {
        agencies[code] != nil || coordinators.contains(code)
    }

    public func isCoordinator(_ code: String) -> Bool { coordinators.contains(code) }

    public func isRegistryEvent(_ key: EventKey) -> Bool {
        lineage.seq(of: key) != nil
    }

    /// Every registered agency of a kind (the meaning of `kind:<kind>`).
    public func codes(ofKind kind: AgencyKind) -> [String] {
        agencies.values.filter { $0.kind == kind }.map(\.code).sorted()
    }

    /// Every agency of a kind on a date: a report's groups, as they stood at the period's end.
    public func codes(ofKind kind: AgencyKind, on date: LocalDate) -> [String] {
        agencies.values.filter { $0.kind(on: date) == kind }.map(\.code).sorted()
    }

    /// Expands references to agency codes; groups use the agencies registered now.
    public func resolve(_ references: [AgencyReference]) -> Set<String> {
        var resolved = Set<String>()
        for reference in references {
            switch reference {
            case .agency(let code): resolved.insert(code)
            case .kind(let kind): resolved.formUnion(codes(ofKind: kind))
            }
        }
        return resolved
    }

    /// Folds a registry event (new, or a correction of one).
    public mutating func record(_ event: RegistryEvent) {
        let step: LineageStep = event.corrects.map { .correcting($0) } ?? .new
        events[event.seq] = event
        fold(seq: event.seq, key: event.key, step: step)
    }

    /// Folds a retraction of `target`; returns true when it named a registry event.
    @discardableResult
    public mutating func recordRetraction(of target: EventKey) -> Bool {
        // A retraction's own seq and id play no part in the fold.
        fold(seq: 0, key: target, step: .retracting(target.id))
    }

    @discardableResult
    private mutating func fold(seq: Int64, key: EventKey, step: LineageStep) -> Bool {
        // `InMemoryLineage` never throws.
        guard let action = try? LineageFold.apply(seq: seq, key: key, step: step, to: &lineage) else { return false }
        switch action {
        case .upsert(let root, let effective): standing[root] = effective
        case .delete(let root): standing[root] = nil
        }
        rederive()
        return true
    }

    private mutating func rederive() {
        agencies = [:]
        tasks = [:]
        targetRecords = []
        plans = [:]
        initiatives = [:]
        initiativeApplications = []
        initiativeProposals = []
        reviews = []
        comments = []
        reminders = []
        // Lineages in the order they began (their root seq), each as its standing event.
        for root in standing.keys.sorted() {
            if let seq = standing[root], let event = events[seq] { apply(event) }
        }
        // Decisions and comments in the order of their standing events (a correction counts as made then).
        reviews.sort { $0.seq < $1.seq }
        comments.sort { $0.seq < $1.seq }
        // Targets in the order of the standing events' own seq (a correction counts as set then).
        for seq in standing.values.sorted() {
            guard let event = events[seq], event.type == .targetSet else { continue }
            if let indicator = event.data["indicator"]?.stringValue, let min = event.data["min"]?.stringValue {
                targetRecords.append(
                    TargetRecord(indicator: indicator, min: min, plan: event.data["plan"]?.stringValue, occurredOn: event.occurredOn, seq: seq))
            }
        }
    }

    private mutating func apply(_ event: RegistryEvent) {
        let data = event.data
        func strings(_ key: String) -> [String] {
            if case .array(let items)? = data[key] { return items.compactMap(\.stringValue) }
            return []
        }
        switch event.type {
        case .agencyRegistered:
            guard let code = data["code"]?.stringValue, let name = data["name"]?.stringValue,
                let kind = data["kind"]?.stringValue.flatMap(AgencyKind.init(rawValue:))
            else { return }
            agencies[code] = Agency(
                code: code, kind: kind, parent: data["parent"]?.stringValue, registeredOn: event.occurredOn,
                names: [Agency.DatedName(from: event.occurredOn, name: name)], kinds: [Agency.DatedKind(from: event.occurredOn, kind: kind)])
        case .agencyRenamed:
            guard let code = data["code"]?.stringValue, let name = data["name"]?.stringValue else { return }
            agencies[code]?.names.append(Agency.DatedName(from: event.occurredOn, name: name))
            agencies[code]?.names.sort { $0.from < $1.from }
            if let parent = data["parent"]?.stringValue { agencies[code]?.parent = parent }
            if let kind = data["kind"]?.stringValue.flatMap(AgencyKind.init(rawValue:)), var agency = agencies[code] {
                agency.kinds.append(Agency.DatedKind(from: event.occurredOn, kind: kind))
                agency.kinds.sort { $0.from < $1.from }
                agency.kind = agency.kinds.last?.kind ?? kind
                agencies[code] = agency
            }
        case .agencyDissolved:
            guard let code = data["code"]?.stringValue, let effective = data["effective"]?.stringValue.flatMap(LocalDate.parse) else { return }
            agencies[code]?.dissolvedOn = effective
            agencies[code]?.successors = strings("successors")
        case .agencyMerged:
            guard let into = data["into"]?.stringValue, let effective = data["effective"]?.stringValue.flatMap(LocalDate.parse) else { return }
            for code in strings("from") {
                agencies[code]?.mergedInto = into
                agencies[code]?.mergeEffective = effective
            }
        case .taskAssigned:
            guard let task = data["task"]?.stringValue, let window = TaskWindow(data["window"]) else { return }
            tasks[task] = TaskAssignment(
                task: task, title: data["title"]?.stringValue ?? "", plan: data["plan"]?.stringValue ?? "",
                lead: strings("lead").compactMap(AgencyReference.parse),
                coordinating: strings("coordinating").compactMap(AgencyReference.parse),
                window: window, contents: strings("contents"), assignedOn: event.occurredOn,
                carriedFrom: data["carried_from"]?.stringValue)
        case .planAdopted:
            guard let plan = data["plan"]?.stringValue, case .integer(let year)? = data["year"] else { return }
            plans[plan] = PlanAdoption(
                plan: plan, title: data["title"]?.stringValue ?? "", year: year, document: data["document"]?.stringValue,
                signed: data["signed"]?.stringValue.flatMap(LocalDate.parse))
        case .initiativeShared:
            guard let code = data["initiative"]?.stringValue else { return }
            initiatives[code] = Initiative(
                code: code, title: data["title"]?.stringValue ?? code, origin: data["origin"]?.stringValue,
                description: data["description"]?.stringValue, award: data["award"]?.stringValue, url: data["url"]?.stringValue,
                proposal: data["proposal_id"]?.stringValue, sharedOn: event.occurredOn, seq: event.seq)
        case .initiativeApplied:
            guard let code = data["initiative"]?.stringValue, let since = data["since"]?.stringValue.flatMap(LocalDate.parse) else { return }
            initiativeApplications.append(
                InitiativeApplication(
                    agency: event.key.agency, initiative: code, since: since, result: data["result"]?.stringValue,
                    task: data["task"]?.stringValue, seq: event.seq))
        case .reportReviewed:
            guard let agency = data["agency"]?.stringValue, let period = data["period"]?.stringValue,
                let decision = data["decision"]?.stringValue.flatMap(ReviewDecision.init(rawValue:))
            else { return }
            reviews.append(
                ReportReview(
                    agency: agency, period: period, decision: decision, reason: data["reason"]?.stringValue, by: event.key.agency,
                    decidedOn: event.occurredOn, seq: event.seq))
        case .commentPosted:
            guard let agency = data["agency"]?.stringValue, let period = data["period"]?.stringValue, let text = data["text"]?.stringValue else {
                return
            }
            comments.append(PostedComment(agency: agency, period: period, text: text, by: event.key.agency, postedOn: event.occurredOn, seq: event.seq))
        case .reminderSent:
            guard let agency = data["agency"]?.stringValue, let period = data["period"]?.stringValue,
                let due = data["due"]?.stringValue.flatMap(LocalDate.parse), case .integer(let offset)? = data["offset"]
            else { return }
            reminders.append(
                SentReminder(
                    agency: agency, period: period, due: due, offset: offset, recipients: strings("recipients"), sentOn: event.occurredOn, seq: event.seq))
        case .initiativeProposed:
            initiativeProposals.append(
                InitiativeProposal(
                    agency: event.key.agency, id: event.key.id, title: data["title"]?.stringValue ?? "",
                    description: data["description"]?.stringValue ?? "", benefit: data["benefit"]?.stringValue,
                    proposedOn: event.occurredOn, seq: event.seq))
        default:
            break
        }
    }
}

extension AgencyRegistry {
    /// The plans adopted for `year`, by code.
    public func plans(ofYear year: Int) -> [PlanAdoption] {
        plans.values.filter { $0.year == year }.sorted { $0.plan < $1.plan }
    }

    /// The tasks a report of a period of `year` (last day `last`) lists: those of the plans
    /// adopted for that year; a task of an earlier plan only through a task of this year's
    /// that carries it (`carried_from`). A task whose plan was never adopted keeps the rule
    /// from before plans: assigned on or before the last day.
    public func tasks(ofYear year: Int, through last: LocalDate) -> [TaskAssignment] {
        tasks.values.filter { task in
            if let plan = plans[task.plan] { return plan.year == year }
            return task.assignedOn <= last
        }.sorted { $0.task < $1.task }
    }

    /// The targets of a period of `year` ending on `last`: each indicator's latest target
    /// without a plan (by `occurred_at`, then seq) dated on or before `last`, replaced by
    /// the latest one of a plan adopted for `year`. A target set later, or for another
    /// year's plan, never changes the period's figures.
    public func targets(ofYear year: Int, through last: LocalDate) -> [String: String] {
        var chosen: [String: String] = [:]
        let undated = targetRecords.filter { record in record.plan.flatMap { plans[$0] } == nil && record.occurredOn <= last }
        for record in undated.sorted(by: { ($0.occurredOn, $0.seq) < ($1.occurredOn, $1.seq) }) { chosen[record.indicator] = record.min }
        for record in targetRecords where record.plan.flatMap({ plans[$0] })?.year == year { chosen[record.indicator] = record.min }
        return chosen
    }

    /// Agencies listed in a report (CONTRACT §12): registered on or before `last` (coordinators
    /// always), not merged away before `first`, and not dissolved on or before `first` (the
    /// roster of the period: a period that starts after a dissolution does not expect it).
    public func listedAgencies(first: LocalDate, last: LocalDate) -> [String] {
        var codes = Set(coordinators)
        for agency in agencies.values where agency.registeredOn <= last {
            if let effective = agency.mergeEffective, effective < first { continue }
            if let dissolved = agency.dissolvedOn, dissolved <= first { continue }
            codes.insert(agency.code)
        }
        return codes.sorted()
    }

    /// Codes merged into `code`, whose history it now carries ("formerly …").
    public func predecessors(of code: String, on date: LocalDate) -> [String] {
        agencies.values.filter { $0.mergedInto == code && $0.isMergedAway(on: date) }.map(\.code).sorted()
    }
}
