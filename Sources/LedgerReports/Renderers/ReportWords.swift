import LedgerDomain

/// A report's codes turned into the words its readers use: agency names instead of codes,
/// channel, form and indicator labels from the domain's vocabulary, task titles beside ids.
/// The JSON and CSV formats keep the codes (CONTRACT §7.2); md, html and docx use this.
struct ReportWords {
    let language: Language
    private let names: [String: String]
    private let titles: [String: String]

    init(_ report: ConsolidatedReport, language: Language) {
        self.language = language
        names = Dictionary(report.agencies.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        titles = Dictionary(report.tasks.map { ($0.task, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The agency's name in the report (with its predecessors), or the code if unlisted.
    func agency(_ code: String) -> String { names[code] ?? code }

    /// The rows of the report's section on models and initiatives: code, title (and award),
    /// who originated it, who applies it.
    func initiativeRows(_ initiatives: ConsolidatedReport.Initiatives) -> [[String]] {
        initiatives.byInitiative.map { line in
            [
                line.initiative, line.title + (line.award.map { " (\($0))" } ?? ""), line.origin.map(agency) ?? "–",
                line.appliedBy.isEmpty ? "–" : agencies(line.appliedBy),
            ]
        }
    }

    /// "BST: Một cửa số (10/03/2025)" for each proposal.
    func proposals(_ proposals: [InitiativeProposal], _ labels: ReportLabels) -> String {
        proposals.map { "\(agency($0.agency)): \($0.title) (\(labels.date($0.proposedOn)))" }.joined(separator: "; ")
    }

    /// Names joined by "; ": names themselves hold commas ("Sở Văn hóa, Thể thao và Du lịch").
    func agencies(_ codes: [String]) -> String { codes.map(agency).joined(separator: "; ") }

    func channel(_ code: String) -> String { Self.channels.label(of: code, in: language) }

    func form(_ code: String) -> String { Self.forms.label(of: code, in: language) }

    func status(_ status: TaskStatus) -> String { status.label.text(in: language) }

    /// "Tỷ lệ … nắm vững mục tiêu, nhiệm vụ CCHC"; a code no vocabulary knows stays as written.
    func indicator(_ code: String) -> String {
        guard let indicator = TargetIndicator.parse(code) else { return code }
        if case .taskCount(let task, _) = indicator { return indicator.label(in: language, taskTitle: titles[task]) }
        return indicator.label(in: language)
    }

    /// "Facebook 1, Báo in 2" for an agency's articles by channel.
    func channels(_ counts: [(String, Int)]) -> String { counts.map { "\(channel($0.0)) \($0.1)" }.joined(separator: ", ") }

    func forms(_ counts: [(String, Int)]) -> String { counts.map { "\(form($0.0)) \($0.1)" }.joined(separator: ", ") }

    /// "Ủy ban nhân dân huyện Mỹ Xuyên: Đang thực hiện; …" for a task's leads.
    func statuses(_ statuses: [(String, TaskStatus)]) -> String {
        statuses.map { "\(agency($0.0)): \(status($0.1))" }.joined(separator: "; ")
    }

    /// "Đúng hạn (16/03/2024)", "Trễ hạn (31/12/2024)", "Chưa gửi".
    /// The arrival of an agency's report and, once it arrived, SNV's decision on it:
    /// "Đúng hạn (10/04/2024) — trả lại: thiếu số liệu".
    func arrival(of line: ConsolidatedReport.AgencyLine) -> String {
        arrival(line.report) + (review(line.review, reason: line.reviewReason).map { " — \($0)" } ?? "")
    }

    func review(_ review: ConsolidatedReport.Review?, reason: String?) -> String? {
        let l = ReportLabels(language)
        switch review {
        case .pending: return l.reviewPending
        case .accepted: return l.reviewAccepted
        case .returned: return l.reviewReturned(reason)
        case nil: return nil
        }
    }

    /// The last periods' completeness as table rows: period, the counts, the two rates.
    func completenessRows(_ report: ConsolidatedReport) -> [[String]] {
        let n = HumanNumbers(language)
        return report.completeness.map { c in
            [c.period.description] + [c.expected, c.submitted, c.onTime, c.late, c.missing, c.accepted, c.returned].map { n.count($0) }
                + [n.percent(c.rate), n.percent(c.onTimeRate)]
        }
    }

    static func completenessHeader(_ l: ReportLabels) -> [String] {
        [
            l.period, l.expected, l.submittedCount, l.onTimeCount, l.lateCount, l.missingCount, l.acceptedCount, l.returnedCount, l.submittedRate,
            l.onTimeRate,
        ]
    }

    func arrival(_ arrival: Arrival) -> String {
        let status = arrival.status.label.text(in: language)
        return arrival.arrived.map { "\(status) (\(ReportLabels(language).date($0)))" } ?? status
    }

    /// The names (with arrival days) of the non-coordinating agencies whose feedback has `status`.
    func feedback(_ report: ConsolidatedReport, _ status: Arrival.Status) -> [String] {
        report.agencies.compactMap { agency in
            guard let feedback = agency.feedback, feedback.status == status else { return nil }
            return feedback.arrived.map { "\(agency.name) (\(ReportLabels(language).date($0)))" } ?? agency.name
        }
    }

    private static let channels = Channel.choices
    private static let forms = ActivityForm.choices
}
