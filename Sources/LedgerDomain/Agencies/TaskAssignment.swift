/// A task of the plan (`task.assigned`), with who leads it and when.
public struct TaskAssignment: Sendable, Equatable {
    public var task: String
    public var title: String
    public var plan: String
    public var lead: [AgencyReference]
    public var coordinating: [AgencyReference]
    public var window: TaskWindow
    public var contents: [String]
    public var assignedOn: LocalDate
    /// The task of an earlier plan this one carries on (`carried_from`).
    public var carriedFrom: String? = nil
}

/// A plan adopted by the province (`plan.adopted`): the year its tasks and targets belong to.
public struct PlanAdoption: Sendable, Equatable {
    public var plan: String
    public var title: String
    public var year: Int
    public var document: String?
    public var signed: LocalDate?
}

/// One standing `target.set`.
public struct TargetRecord: Sendable, Equatable {
    public var indicator: String
    public var min: String
    public var plan: String?
    public var occurredOn: LocalDate
    public var seq: Int64
}

/// When a task is to be carried out.
public enum TaskWindow: Sendable, Equatable {
    case ongoing
    case months(from: YearMonth, to: YearMonth)

    public init?(_ value: JSONValue?) {
        switch value {
        case .string("ongoing")?: self = .ongoing
        case .object(let object)?:
            guard let from = object["from"]?.stringValue.flatMap(YearMonth.parse),
                let to = object["to"]?.stringValue.flatMap(YearMonth.parse)
            else { return nil }
            self = .months(from: from, to: to)
        default: return nil
        }
    }
}
