/// Agencies and tasks, derived only from the log (CONTRACT §3: the registry is data).
///
/// It is a fold over the *effective* registry events: a correction replaces the event
/// it corrects in place, a retraction removes exactly the event it names (bringing back
/// what a retracted correction had replaced). The registry is small, so it is simply
/// recomputed whenever one of its events arrives.
public struct AgencyRegistry: Sendable {
    public let coordinators: Set<String>
    private var events: [RegistryEvent] = []
    private var retracted: Set<EventKey> = []
    public private(set) var agencies: [String: Agency] = [:]
    public private(set) var tasks: [String: TaskAssignment] = [:]
    /// The `min` of the latest effective `target.set` (by seq) of each indicator.
    public private(set) var targets: [String: String] = [:]

    public init(coordinators: Set<String>) {
        self.coordinators = coordinators
    }

    /// Registered agencies and coordinators are known; nothing else may send events.
    public func isKnown(_ code: String) -> Bool {
        agencies[code] != nil || coordinators.contains(code)
    }

    public func isCoordinator(_ code: String) -> Bool { coordinators.contains(code) }

    public func isRegistryEvent(_ key: EventKey) -> Bool {
        events.contains { $0.key == key }
    }

    /// Every registered agency of a kind (the meaning of `kind:<kind>`).
    public func codes(ofKind kind: AgencyKind) -> [String] {
        agencies.values.filter { $0.kind == kind }.map(\.code).sorted()
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

    public mutating func record(_ event: RegistryEvent) {
        events.append(event)
        rebuild()
    }

    /// Notes a retraction; returns true when it touched the registry.
    @discardableResult
    public mutating func recordRetraction(of key: EventKey) -> Bool {
        guard isRegistryEvent(key) else { return false }
        retracted.insert(key)
        rebuild()
        return true
    }

    private mutating func rebuild() {
        var rootOf: [EventKey: EventKey] = [:]
        var effective: [EventKey: RegistryEvent] = [:]
        var rootSeq: [EventKey: Int64] = [:]
        for event in events {
            var root = event.key
            if let corrects = event.corrects {
                let target = EventKey(agency: event.key.agency, id: corrects)
                root = rootOf[target] ?? target
            }
            rootOf[event.key] = root
            if rootSeq[root] == nil { rootSeq[root] = event.seq }
            // Events come in seq order, so this leaves the latest member still standing.
            if !retracted.contains(event.key) { effective[root] = event }
        }
        agencies = [:]
        tasks = [:]
        targets = [:]
        let ordered = effective.compactMap { root, event in rootSeq[root].map { ($0, event) } }.sorted { $0.0 < $1.0 }
        for (_, event) in ordered { apply(event) }
        // "Latest target.set by seq": the effective members' own seq decides.
        for event in effective.values.sorted(by: { $0.seq < $1.seq }) where event.type == .targetSet {
            if let indicator = event.data["indicator"]?.stringValue, let min = event.data["min"]?.stringValue { targets[indicator] = min }
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
                  let kind = data["kind"]?.stringValue.flatMap(AgencyKind.init(rawValue:)) else { return }
            agencies[code] = Agency(code: code, kind: kind, parent: data["parent"]?.stringValue, registeredOn: event.occurredOn,
                                    names: [Agency.DatedName(from: event.occurredOn, name: name)])
        case .agencyRenamed:
            guard let code = data["code"]?.stringValue, let name = data["name"]?.stringValue else { return }
            agencies[code]?.names.append(Agency.DatedName(from: event.occurredOn, name: name))
            agencies[code]?.names.sort { $0.from < $1.from }
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
                window: window, contents: strings("contents"), assignedOn: event.occurredOn)
        default:
            break
        }
    }
}

extension AgencyRegistry {
    /// Agencies listed in a report (CONTRACT §12): registered on or before `last` (coordinators
    /// always), and not merged away before `first`.
    public func listedAgencies(first: LocalDate, last: LocalDate) -> [String] {
        var codes = Set(coordinators)
        for agency in agencies.values where agency.registeredOn <= last {
            if let effective = agency.mergeEffective, effective < first { continue }
            codes.insert(agency.code)
        }
        return codes.sorted()
    }

    /// Codes merged into `code`, whose history it now carries ("formerly …").
    public func predecessors(of code: String, on date: LocalDate) -> [String] {
        agencies.values.filter { $0.mergedInto == code && $0.isMergedAway(on: date) }.map(\.code).sorted()
    }
}
