import LedgerDomain

extension ConsolidatedReport {
    /// Where an agency's report of the period stands with SNV: waiting for a decision, or
    /// the latest decision made after its latest submission.
    public enum Review: String, Sendable, Equatable {
        case pending, accepted, returned
    }

    /// How many of the agencies expected to report did, on time, late, and what SNV decided
    /// (CONTRACT §7.2): expected is the period's roster without the coordinators, who
    /// receive the reports. Rates are submitted ÷ expected and on time ÷ expected.
    public struct Completeness: Sendable, Equatable {
        public var period: ReportPeriod
        public var expected = 0
        public var submitted = 0
        public var onTime = 0
        public var late = 0
        public var missing = 0
        public var accepted = 0
        public var returned = 0

        public var rate: String { Self.ratio(submitted, expected) }
        public var onTimeRate: String { Self.ratio(onTime, expected) }

        /// A 4-place decimal string, half up; "0.0000" when nobody is expected.
        static func ratio(_ part: Int, _ whole: Int) -> String {
            guard whole > 0 else { return "0.0000" }
            let tenThousandths = (part * 20_000 + whole) / (whole * 2)
            return "\(tenThousandths / 10_000).\(String(format: "%04d", tenThousandths % 10_000))"
        }

        var json: JSONValue {
            .object([
                "period": .string(period.description), "expected": .integer(expected), "submitted": .integer(submitted),
                "on_time": .integer(onTime), "late": .integer(late), "missing": .integer(missing), "accepted": .integer(accepted),
                "returned": .integer(returned), "rate": .string(rate), "on_time_rate": .string(onTimeRate),
            ])
        }
    }

    /// One agency's report of one of the last periods of the same kind.
    public struct PastReport: Sendable, Equatable {
        public var period: ReportPeriod
        /// nil when the agency was not expected then (not yet registered, dissolved).
        public var status: Arrival.Status?
        public var review: Review?

        var json: JSONValue {
            .object([
                "period": .string(period.description), "report_status": status.map { .string($0.rawValue) } ?? .null,
                "review": review.map { .string($0.rawValue) } ?? .null,
            ])
        }
    }
}
