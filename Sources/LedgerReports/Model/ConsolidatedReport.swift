import LedgerDomain

/// The consolidated report of one period (CONTRACT §7.2). Every format renders this value;
/// `json` is the reference shape.
public struct ConsolidatedReport: Sendable, Equatable {
    public var period: ReportPeriod
    public var mode: LedgerConfiguration.PeriodMode
    public var from: LocalDate
    public var to: LocalDate
    /// nil for an ad hoc report (`report` without `--issue`).
    public var edition: Int?
    public var throughSeq: Int64
    public var headHash: String
    /// The log's signed checkpoint (C2SP note) at `throughSeq`; nil when no key signs.
    public var checkpoint: String? = nil
    /// The latest checkpoint at or below `throughSeq` that the centre cosigned (`push`):
    /// the province's note with the centre's line, nil before the first push.
    public var witnessedCheckpoint: String? = nil
    /// The last day on which an agency's `report.submitted` for the period is on time:
    /// the period's last day plus `report_due_days`.
    public var reportDue: LocalDate
    public var totals: Totals
    public var agencies: [AgencyLine]
    public var tasks: [TaskLine]
    public var indicators: [IndicatorLine]
    public var contestFeedback: ContestFeedback
    public var silentAgencies: [String]
    /// Each listed agency's own indicators (its surveys and latest reports, §7.5); the
    /// agency's report shows them, the consolidated one does not.
    public var agencyIndicators: [String: [IndicatorLine]] = [:]
    /// The plans adopted for the period's year (`plan.adopted`).
    public var plans: [PlanLine] = []
    /// Models and initiatives of the period (`initiative.*`).
    public var initiatives = Initiatives()
    /// Who reported, on time, and what SNV decided; and the same for the three periods of
    /// the same kind before it (oldest first, this period last).
    public var completeness: [Completeness] = []
    /// The same period a year earlier ("so với cùng kỳ năm trước"); nil when the log has
    /// nothing dated in it.
    public var previousYear: PreviousYear? = nil

    public struct PreviousYear: Sendable, Equatable {
        public var period: ReportPeriod
        public var from: LocalDate
        public var to: LocalDate
        public var totals: Totals
        public var indicators: [(indicator: String, value: String?)]
        /// Articles by channel and activities by form, by code.
        public var channels: [(String, Int)] = []
        public var forms: [(String, Int)] = []

        public static func == (lhs: PreviousYear, rhs: PreviousYear) -> Bool {
            lhs.period == rhs.period && lhs.from == rhs.from && lhs.to == rhs.to && lhs.totals == rhs.totals
                && lhs.indicators.elementsEqual(rhs.indicators, by: { $0.indicator == $1.indicator && $0.value == $1.value })
                && lhs.channels.elementsEqual(rhs.channels, by: ==) && lhs.forms.elementsEqual(rhs.forms, by: ==)
        }
    }

    public struct PlanLine: Sendable, Equatable {
        public var plan: String
        public var title: String
        public var year: Int
        public var document: String?
    }

    public struct Totals: Sendable, Equatable {
        public var events = 0, articles = 0, activities = 0, contests = 0, surveys = 0
    }

    public struct AgencyLine: Sendable, Equatable {
        public var code: String
        public var name: String
        public var articlesByChannel: [(String, Int)]
        public var activitiesByForm: [(String, Int)]
        public var contests: Int
        public var surveys: Int
        public var tasks: [AgencyTask]
        public var reportSubmitted: Bool
        /// Whether its `report.submitted` for the period arrived by `reportDue`.
        public var report: Arrival = .missing
        /// Whether its contest feedback arrived by the feedback's due day; nil when the
        /// report does not track feedback (the due day is outside the period) or the agency
        /// is a coordinator, which is not asked.
        public var feedback: Arrival? = nil
        /// A coordinator (UBND, SNV) receives the reports rather than sends them: the
        /// drafted findings do not count it among the late or missing, and it gets no
        /// agency report of its own.
        public var isCoordinator = false
        /// The initiatives it applies as of the period's last day, by code.
        public var initiativesApplied: [String] = []
        /// SNV's decision on its report of the period; nil when nothing was submitted.
        public var review: Review? = nil
        public var reviewReason: String? = nil
        /// Its report in the three periods of the same kind before, and this one.
        public var lastPeriods: [PastReport] = []

        public var articles: Int { articlesByChannel.reduce(0) { $0 + $1.1 } }
        public var activities: Int { activitiesByForm.reduce(0) { $0 + $1.1 } }

        public static func == (lhs: AgencyLine, rhs: AgencyLine) -> Bool {
            lhs.code == rhs.code && lhs.name == rhs.name && lhs.articlesByChannel.elementsEqual(rhs.articlesByChannel, by: ==)
                && lhs.activitiesByForm.elementsEqual(rhs.activitiesByForm, by: ==) && lhs.contests == rhs.contests
                && lhs.surveys == rhs.surveys && lhs.tasks == rhs.tasks && lhs.reportSubmitted == rhs.reportSubmitted
                && lhs.report == rhs.report && lhs.feedback == rhs.feedback && lhs.isCoordinator == rhs.isCoordinator
                && lhs.initiativesApplied == rhs.initiativesApplied && lhs.review == rhs.review && lhs.reviewReason == rhs.reviewReason
                && lhs.lastPeriods == rhs.lastPeriods
        }
    }

    public struct AgencyTask: Sendable, Equatable {
        public var task: String
        public var role: String
        public var status: TaskStatus
    }

    public struct TaskLine: Sendable, Equatable {
        public var task: String
        public var title: String
        public var window: TaskWindow
        public var lead: [String]
        public var statusByLead: [(String, TaskStatus)]
        public var linkedEvents: Int
        /// The earlier plan's task this one carries on; its history counts here.
        public var carriedFrom: String? = nil

        public static func == (lhs: TaskLine, rhs: TaskLine) -> Bool {
            lhs.task == rhs.task && lhs.title == rhs.title && lhs.window == rhs.window && lhs.lead == rhs.lead
                && lhs.statusByLead.elementsEqual(rhs.statusByLead, by: ==) && lhs.linkedEvents == rhs.linkedEvents
                && lhs.carriedFrom == rhs.carriedFrom
        }
    }

    public struct IndicatorLine: Sendable, Equatable {
        public var indicator: String
        /// A sum over the period's agencies or surveys: wide enough for any log (see `Ratio`).
        public var numerator: Int128
        /// nil for a count target (`task:<id>:<form or channel>`).
        public var denominator: Int128?
        public var target: String?
        /// Whether any data exists for it in the period.
        public var hasData: Bool

        /// numerator/denominator rounded half-up to 4 places; nil without data or for counts.
        public var value: String? {
            guard hasData, let denominator, denominator > 0 else { return nil }
            return Ratio.fourPlaces(numerator, denominator)
        }

        /// numerator ≥ min × denominator, exactly; false without data or target.
        public var met: Bool {
            guard hasData, let target else { return false }
            return Ratio.meets(numerator: numerator, denominator: denominator ?? 1, minimum: target)
        }
    }

    public struct ContestFeedback: Sendable, Equatable {
        /// The feedback's due day when it falls in the period (each agency's `feedback`
        /// then says whether it arrived by then); nil otherwise.
        public var due: LocalDate? = nil
        public var responses = 0, continueContest = 0, otherForm = 0
        public var agenciesWithoutResponse: [String] = []
    }
}

/// Exact decimal arithmetic for indicator values and targets.
///
/// Numerators and denominators are sums over a period, held in `Int128`: each summand is
/// at most `FieldSpec.maxCount` (10^9) and a log holds fewer than 2^63 events, so no sum
/// of any accepted log comes near 2^127. Values and comparisons are computed by long
/// division, digit by digit, so they never multiply two sums and cannot overflow, and a
/// target of any length (an older log may hold one longer than admission now accepts)
/// is compared exactly.
public enum Ratio {
    /// `n/d` rounded half-up to 4 decimal places, as text ("0.8300"); nil when `d` is 0.
    public static func fourPlaces(_ numerator: Int128, _ denominator: Int128) -> String? {
        guard denominator > 0, numerator >= 0 else { return nil }
        var scaled = numerator / denominator
        var remainder = numerator % denominator
        for _ in 0..<5 {
            let (digit, rest) = nextDigit(remainder, denominator)
            remainder = rest
            scaled = scaled * 10 + digit
        }
        scaled = (scaled + 5) / 10  // half-up on the fifth digit
        let whole = scaled / 10_000, fraction = String(scaled % 10_000)
        return "\(whole)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// `fourPlaces` for plain integers (tests, single events).
    public static func fourPlaces(_ numerator: Int, _ denominator: Int) -> String {
        fourPlaces(Int128(numerator), Int128(denominator)) ?? "–"
    }

    /// numerator ≥ minimum × denominator, with `minimum` a decimal string (`digits` or
    /// `digits.digits`); false for anything else.
    public static func meets(numerator: Int128, denominator: Int128, minimum: String) -> Bool {
        guard denominator > 0, numerator >= 0, DecimalText.isValid(minimum) else { return false }
        let parts = minimum.split(separator: ".", omittingEmptySubsequences: false)
        // Whole parts: compare numerator/denominator's integer part with the target's.
        let targetWhole = String(parts[0].drop { $0 == "0" })
        let whole = numerator / denominator
        let ownWhole = whole == 0 ? "" : String(whole)
        if ownWhole.count != targetWhole.count { return ownWhole.count > targetWhole.count }
        if ownWhole != targetWhole { return ownWhole > targetWhole }
        // Then the fraction, one digit at a time.
        var remainder = numerator % denominator
        for byte in parts.count > 1 ? Array(parts[1].utf8) : [] {
            let (digit, rest) = nextDigit(remainder, denominator)
            remainder = rest
            let wanted = Int128(byte - UInt8(ascii: "0"))
            if digit != wanted { return digit > wanted }
        }
        return true
    }

    public static func meets(numerator: Int, denominator: Int, minimum: String) -> Bool {
        meets(numerator: Int128(numerator), denominator: Int128(denominator), minimum: minimum)
    }

    /// The next decimal digit of `remainder / denominator` (with `remainder < denominator`)
    /// and the new remainder, through a double-width product: exact for every `Int128`.
    @inline(__always)
    static func nextDigit(_ remainder: Int128, _ denominator: Int128) -> (Int128, Int128) {
        let (quotient, rest) = denominator.dividingFullWidth(remainder.multipliedFullWidth(by: 10))
        return (quotient, rest)
    }
}
