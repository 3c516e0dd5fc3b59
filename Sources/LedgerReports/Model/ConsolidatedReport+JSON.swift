import LedgerDomain

extension ConsolidatedReport {
    /// The reference JSON shape of CONTRACT §7.2, keys in the contract's order.
    public var json: JSONValue {
        guard case .object(let object) = baseJSON else { return baseJSON }
        // `previous_year` is absent, not null, when the log has nothing a year earlier.
        var members = object.members.filter { !($0.key == "previous_year" && $0.value == .null) }
        if let checkpoint {
            // After head_hash, where a reader looks for what the figures stand on.
            let at = (members.firstIndex { $0.key == "head_hash" } ?? members.count - 1) + 1
            members.insert((key: "checkpoint", value: .string(checkpoint)), at: at)
        }
        if let witnessedCheckpoint {
            let at = (members.firstIndex { $0.key == "checkpoint" } ?? members.firstIndex { $0.key == "head_hash" } ?? members.count - 1) + 1
            members.insert((key: "witnessed_checkpoint", value: .string(witnessedCheckpoint)), at: at)
        }
        return .object(JSONObject(members))
    }

    /// `completeness`: this period's counts and rates, and `history`, the last four periods'.
    private var completenessJSON: JSONValue {
        guard let current = completeness.last, case .object(var object) = current.json else { return .null }
        object.append("history", .array(completeness.map(\.json)))
        return .object(object)
    }

    private var baseJSON: JSONValue {
        .object([
            "period": .string(period.description), "mode": .string(mode.rawValue),
            "from": .string(from.description), "to": .string(to.description),
            "edition": edition.map(JSONValue.integer) ?? .null,
            "through_seq": .integer(Int(throughSeq)), "head_hash": .string(headHash),
            "report_due": .string(reportDue.description),
            "totals": .object([
                "events": .integer(totals.events), "articles": .integer(totals.articles),
                "activities": .integer(totals.activities), "contests": .integer(totals.contests),
                "surveys": .integer(totals.surveys),
            ]),
            "agencies": .array(agencies.map(\.json)),
            "tasks": .array(tasks.map(\.json)),
            "indicators": .array(indicators.map(\.json)),
            "contest_feedback": .object([
                "feedback_due": dayJSON(contestFeedback.due),
                "responses": .integer(contestFeedback.responses), "continue_contest": .integer(contestFeedback.continueContest),
                "other_form": .integer(contestFeedback.otherForm),
                "agencies_without_response": .array(contestFeedback.agenciesWithoutResponse.map(JSONValue.string)),
            ]),
            "silent_agencies": .array(silentAgencies.map(JSONValue.string)),
            "previous_year": previousYear.map { previous in
                .object([
                    "period": .string(previous.period.description), "from": .string(previous.from.description),
                    "to": .string(previous.to.description),
                    "totals": .object([
                        "events": .integer(previous.totals.events), "articles": .integer(previous.totals.articles),
                        "activities": .integer(previous.totals.activities), "contests": .integer(previous.totals.contests),
                        "surveys": .integer(previous.totals.surveys),
                    ]),
                    "indicators": .array(
                        previous.indicators.map { .object(["indicator": .string($0.indicator), "value": $0.value.map(JSONValue.string) ?? .null]) }),
                    "by_channel": .object(JSONObject(previous.channels.map { (key: $0.0, value: .integer($0.1)) })),
                    "by_form": .object(JSONObject(previous.forms.map { (key: $0.0, value: .integer($0.1)) })),
                ])
            } ?? .null,
            "initiatives": initiatives.json,
            "completeness": completenessJSON,
            "plans": .array(
                plans.map { plan in
                    .object([
                        "plan": .string(plan.plan), "title": .string(plan.title), "year": .integer(plan.year),
                        "document": plan.document.map(JSONValue.string) ?? .null,
                    ])
                }),
        ])
    }
}

extension ConsolidatedReport.AgencyLine {
    var json: JSONValue {
        .object([
            "code": .string(code), "name": .string(name),
            "articles": .object(["total": .integer(articles), "by_channel": .object(JSONObject(articlesByChannel.map { (key: $0.0, value: .integer($0.1)) }))]),
            "activities": .object(["total": .integer(activities), "by_form": .object(JSONObject(activitiesByForm.map { (key: $0.0, value: .integer($0.1)) }))]),
            "contests": .integer(contests), "surveys": .integer(surveys),
            "tasks": .array(tasks.map { .object(["task": .string($0.task), "role": .string($0.role), "status": .string($0.status.rawValue)]) }),
            "report_submitted": .bool(reportSubmitted),
            "report_status": .string(report.status.rawValue), "report_arrived": dayJSON(report.arrived),
            "feedback_status": feedback.map { .string($0.status.rawValue) } ?? .null, "feedback_arrived": dayJSON(feedback?.arrived),
            "initiatives_applied": .array(initiativesApplied.map(JSONValue.string)),
            "review": review.map { .string($0.rawValue) } ?? .null, "review_reason": reviewReason.map(JSONValue.string) ?? .null,
            "last_periods": .array(lastPeriods.map(\.json)),
        ])
    }
}

extension ConsolidatedReport.TaskLine {
    var windowJSON: JSONValue {
        switch window {
        case .ongoing: .string("ongoing")
        case .months(let from, let to): .object(["from": .string(from.description), "to": .string(to.description)])
        }
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("task", .string(task)), ("title", .string(title)), ("window", windowJSON), ("lead", .array(lead.map(JSONValue.string))),
            ("status_by_lead", .object(JSONObject(statusByLead.map { (key: $0.0, value: .string($0.1.rawValue)) }))),
            ("linked_events", .integer(linkedEvents)),
        ]
        // Only a carried task says so: the lines of a first year read as before.
        if let carriedFrom { members.append(("carried_from", .string(carriedFrom))) }
        return .object(JSONObject(members))
    }
}

extension ConsolidatedReport.IndicatorLine {
    var json: JSONValue {
        .object([
            "indicator": .string(indicator), "numerator": .wide(numerator), "denominator": denominator.map(JSONValue.wide) ?? .null,
            "value": .optional(value), "target": .optional(target), "met": .bool(met),
        ])
    }
}

/// A day as JSON: `"2024-03-17"`, or null.
private func dayJSON(_ day: LocalDate?) -> JSONValue { day.map { .string($0.description) } ?? .null }

extension JSONValue {
    /// A sum as a JSON number: an integer when it fits, else its exact digits.
    static func wide(_ value: Int128) -> JSONValue {
        if let small = Int(exactly: value), abs(small) <= JSONValue.maxExactInteger { return .integer(small) }
        return .number(String(value))
    }
}
