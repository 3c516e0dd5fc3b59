/// The words of a reminder e-mail (`reminders`): Vietnamese by default, as every message.
public struct ReminderWords: Bilingual, Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    private var labels: ReportLabels { ReportLabels(language) }

    public func subject(period: ReportPeriod, due: LocalDate, offset: Int) -> String {
        offset < 0
            ? pick(
                "Nhắc hạn gửi báo cáo kỳ \(labels.periodInWords(period)) (hạn \(labels.date(due)))",
                "Reminder: the \(period) report is due on \(labels.date(due))")
            : pick(
                "Quá hạn gửi báo cáo kỳ \(labels.periodInWords(period)) (hạn \(labels.date(due)))",
                "Overdue: the \(period) report was due on \(labels.date(due))")
    }

    public func body(agencyName: String, period: ReportPeriod, due: LocalDate, offset: Int, link: String) -> String {
        let when =
            offset < 0
            ? pick("còn \(-offset) ngày", "\(-offset) day(s) left")
            : offset == 0 ? pick("hôm nay là hạn cuối", "today is the last day") : pick("đã quá hạn \(offset) ngày", "\(offset) day(s) late")
        return pick(
            """
            Kính gửi: \(agencyName),

            Sổ cái cải cách hành chính chưa ghi nhận báo cáo định kỳ kỳ \(labels.periodInWords(period)) (\(period)) của cơ quan, đơn vị.
            Hạn gửi: \(labels.date(due)) (\(when)).
            Còn thiếu: báo cáo định kỳ của kỳ (gửi báo cáo kỳ, report.submitted), cùng kết quả tuyên truyền trong kỳ nếu chưa gửi.

            Gửi tại: \(link)
            hoặc đặt tệp vào thư mục của cơ quan, đơn vị.

            Thư này được gửi tự động; nếu cơ quan đã gửi báo cáo, xin bỏ qua.
            Sở Nội vụ
            """,
            """
            To: \(agencyName),

            The reform ledger has no period report of \(period) from your agency.
            Due: \(labels.date(due)) (\(when)).
            Missing: the period report (report.submitted), with the period's work if not yet sent.

            Send it at: \(link)
            or put the file in your agency's folder.

            This message is automatic; if the report was sent, please ignore it.
            Department of Home Affairs
            """)
    }

    /// "Nhắc lần 1 ngày 12/03/2025" on the clerk's page.
    public func reminded(_ number: Int, on day: LocalDate) -> String {
        pick("Nhắc lần \(number) ngày \(labels.date(day))", "Reminder \(number) on \(labels.date(day))")
    }
}
