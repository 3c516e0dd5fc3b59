import LedgerDomain

/// The report of the level above the provinces (`central report`): each province's
/// figures for one period as the centre summed them from its tallies, a line per ledger,
/// per region and in all, and completeness by ledger. An agency is named with its ledger
/// (`<origin>:<CODE>`), because two provinces may use the same codes.
public struct CentralReport: Sendable {
    /// What one ledger (or a sum of them) counted in the period.
    public struct Figures: Sendable, Equatable {
        public var articles: Int64 = 0
        public var byChannel: [String: Int64] = [:]
        public var activities: Int64 = 0
        public var byForm: [String: Int64] = [:]
        public var contests: Int64 = 0
        /// Every `survey.submitted` (awareness and contest feedback), as the province's `totals.surveys`.
        public var surveysHeld: Int64 = 0
        /// Awareness surveys by audience: respondents and aware.
        public var surveys: [String: Pair] = [:]
        /// Indicators: numerator and denominator.
        public var indicators: [String: Pair] = [:]

        public struct Pair: Sendable, Equatable {
            public var first: Int64 = 0
            public var second: Int64 = 0

            public init(first: Int64 = 0, second: Int64 = 0) {
                self.first = first
                self.second = second
            }
        }

        public init() {}

        /// Adds one row of tallies (`type`, `measure`, count and the two sums).
        public mutating func add(type: String, measure: String, n: Int64, a: Int64, b: Int64) {
            switch EventType(rawValue: type) {
            case .articlePublished?:
                articles += n
                byChannel[measure, default: 0] += n
            case .activityHeld?:
                activities += n
                byForm[measure, default: 0] += n
            case .contestHeld?: contests += n
            case .surveySubmitted?:
                surveysHeld += n
                guard measure != SurveyKind.contestFeedback.rawValue, !measure.isEmpty else { break }
                surveys[measure, default: Pair()].first += a
                surveys[measure, default: Pair()].second += b
            case .indicatorReported? where !measure.isEmpty:
                indicators[measure, default: Pair()].first += a
                indicators[measure, default: Pair()].second += b
            default: break
            }
        }

        public static func + (lhs: Figures, rhs: Figures) -> Figures {
            var sum = lhs
            sum.articles += rhs.articles
            sum.activities += rhs.activities
            sum.contests += rhs.contests
            sum.surveysHeld += rhs.surveysHeld
            sum.byChannel.merge(rhs.byChannel, uniquingKeysWith: +)
            sum.byForm.merge(rhs.byForm, uniquingKeysWith: +)
            sum.surveys.merge(rhs.surveys) { Pair(first: $0.first + $1.first, second: $0.second + $1.second) }
            sum.indicators.merge(rhs.indicators) { Pair(first: $0.first + $1.first, second: $0.second + $1.second) }
            return sum
        }

        public var json: JSONValue {
            func counts(_ values: [String: Int64]) -> JSONValue {
                .object(JSONObject(values.sorted { $0.key < $1.key }.map { (key: $0.key, value: .integer(Int($0.value))) }))
            }
            /// `rate` is aware / respondents for surveys, numerator / denominator for indicators.
            func pairs(_ values: [String: Pair], _ first: String, _ second: String, rate: @escaping (Pair) -> String?) -> JSONValue {
                .object(
                    JSONObject(
                        values.sorted { $0.key < $1.key }.map { item in
                            (
                                key: item.key,
                                value: .object([
                                    first: .integer(Int(item.value.first)), second: .integer(Int(item.value.second)),
                                    "rate": .optional(rate(item.value)),
                                ])
                            )
                        }))
            }
            return .object([
                "articles": .integer(Int(articles)), "by_channel": counts(byChannel), "activities": .integer(Int(activities)),
                "by_form": counts(byForm), "contests": .integer(Int(contests)), "surveys": .integer(Int(surveysHeld)),
                "awareness": pairs(surveys, "respondents", "aware") { CentralReport.rate($0.second, of: $0.first) },
                "indicators": pairs(indicators, "numerator", "denominator") { CentralReport.rate($0.first, of: $0.second) },
            ])
        }
    }

    /// One ledger's line.
    public struct LedgerLine: Sendable {
        public var origin: String
        public var name: String
        public var region: String?
        public var size: Int64
        public var checkpointAt: String?
        public var figures: Figures
        public var expected: Int
        public var submitted: Int
        /// Agency codes expected and not reported.
        public var missing: [String]

        public init(
            origin: String, name: String, region: String?, size: Int64, checkpointAt: String?, figures: Figures, expected: Int, submitted: Int,
            missing: [String]
        ) {
            self.origin = origin
            self.name = name
            self.region = region
            self.size = size
            self.checkpointAt = checkpointAt
            self.figures = figures
            self.expected = expected
            self.submitted = submitted
            self.missing = missing
        }
    }

    /// A region's sum.
    public struct RegionLine: Sendable {
        public var region: String
        public var ledgers: Int
        public var figures: Figures
        public var expected: Int
        public var submitted: Int
    }

    public var period: ReportPeriod
    public var mode: LedgerConfiguration.PeriodMode
    /// The region the report was asked for (nil: every ledger, or those named).
    public var region: String?
    public var ledgers: [LedgerLine]

    public init(period: ReportPeriod, mode: LedgerConfiguration.PeriodMode, region: String?, ledgers: [LedgerLine]) {
        self.period = period
        self.mode = mode
        self.region = region
        self.ledgers = ledgers
    }

    public var totals: Figures { ledgers.reduce(Figures()) { $0 + $1.figures } }
    public var expected: Int { ledgers.reduce(0) { $0 + $1.expected } }
    public var submitted: Int { ledgers.reduce(0) { $0 + $1.submitted } }

    /// Ledgers without a region are summed under "—".
    public var regions: [RegionLine] {
        Dictionary(grouping: ledgers) { $0.region ?? "—" }.map { region, lines in
            RegionLine(
                region: region, ledgers: lines.count, figures: lines.reduce(Figures()) { $0 + $1.figures },
                expected: lines.reduce(0) { $0 + $1.expected }, submitted: lines.reduce(0) { $0 + $1.submitted })
        }.sorted { $0.region < $1.region }
    }

    /// `part / whole` as a 4-place half-up decimal string (as the provinces' reports), nil for 0/0.
    public static func rate(_ part: Int64, of whole: Int64) -> String? {
        guard whole > 0 else { return nil }
        let scaled = (part * 20_000 / whole + 1) / 2
        let digits = String(scaled).leftPadded(to: 5)
        return "\(digits.dropLast(4)).\(digits.suffix(4))"
    }

    public var json: JSONValue {
        func completeness(_ expected: Int, _ submitted: Int) -> JSONValue {
            .object([
                "expected": .integer(expected), "submitted": .integer(submitted),
                "rate": .optional(Self.rate(Int64(submitted), of: Int64(expected))),
            ])
        }
        let range = period.range(mode)
        return .object([
            "period": .string(period.description), "periods": .string(mode.rawValue), "from": .string(range.lowerBound.description),
            "to": .string(range.upperBound.description), "region": .optional(region),
            "totals": totals.json, "completeness": completeness(expected, submitted),
            "by_region": .array(
                regions.map { line in
                    .object([
                        "region": .string(line.region), "ledgers": .integer(line.ledgers), "figures": line.figures.json,
                        "completeness": completeness(line.expected, line.submitted),
                    ])
                }),
            "by_ledger": .array(
                ledgers.map { line in
                    .object([
                        "origin": .string(line.origin), "name": .string(line.name), "region": .optional(line.region), "size": .integer(Int(line.size)),
                        "checkpoint_at": .optional(line.checkpointAt), "figures": line.figures.json,
                        "completeness": completeness(line.expected, line.submitted),
                        "missing": .array(line.missing.map { .string("\(line.origin):\($0)") }),
                    ])
                }),
        ])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
