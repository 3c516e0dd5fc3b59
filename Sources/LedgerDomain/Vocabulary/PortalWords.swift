/// The words of the portal's pages, in the configured language (Vietnamese by default).
/// Messages of refusals are `PortalProblem`s; these are the labels around them.
public struct PortalWords: Bilingual, Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public var product: String { pick("Sổ cái cải cách hành chính", "Administrative reform ledger") }
    public var signIn: String { pick("Đăng nhập", "Sign in") }
    public var signOut: String { pick("Đăng xuất", "Sign out") }
    public var login: String { pick("Tên đăng nhập", "Login") }
    public var password: String { pick("Mật khẩu", "Password") }
    public var myAgency: String { pick("Cơ quan của tôi", "My agency") }
    public var dashboard: String { pick("Tổng hợp", "Dashboard") }
    public var audit: String { pick("Nhật ký sự kiện", "Audit trail") }
    public var plans: String { pick("Kế hoạch", "Plans") }
    public var entry: String { pick("Nhập trực tiếp", "Enter in the browser") }
    public var entryHint: String {
        pick(
            "Mỗi lần gửi một việc đã làm, như một dòng của biểu mẫu Excel; được kiểm tra như tệp gửi lên. Ô có dấu * là bắt buộc.",
            "One piece of work per send, as one row of the Excel template; checked as an uploaded file. Fields marked * are required.")
    }
    public var entryForms: String { pick("Các mẫu nhập", "Forms") }
    public var entered: String { pick("Đã ghi nhận.", "Recorded.") }
    public var enteredAlready: String {
        pick("Đã có trong sổ: gửi lại cùng nội dung không tạo bản ghi mới.", "Already in the log: the same content sent again records nothing new.")
    }
    public var entryRefused: String { pick("Chưa ghi nhận được; sửa các ô có lỗi rồi gửi lại:", "Not recorded; correct the fields in error and send again:") }
    public var idOptional: String { pick("để trống để hệ thống tự đặt", "leave empty for a generated one") }
    public var enterSend: String { pick("Ghi nhận", "Record") }
    public var reviewHeading: String { pick("Xem xét báo cáo kỳ và trao đổi", "Review of the period report, and comments") }
    public var notSubmitted: String { pick("Chưa gửi báo cáo kỳ.", "No period report sent yet.") }
    public var reviewPending: String { pick("Đã gửi, chờ Sở Nội vụ xem xét.", "Sent, awaiting SNV's review.") }
    public var reviewAccepted: String { pick("Sở Nội vụ đã tiếp nhận báo cáo.", "SNV accepted the report.") }
    public func reviewReturned(_ reason: String?) -> String {
        pick(
            "Sở Nội vụ trả lại báo cáo" + (reason.map { ": \($0)" } ?? "") + ". Hãy bổ sung và gửi lại.",
            "SNV returned the report" + (reason.map { ": \($0)" } ?? "") + ". Complete it and send it again.")
    }
    public var returnReason: String { pick("Lý do trả lại (bắt buộc khi trả lại)", "Why it is returned (required to return)") }
    public var acceptReport: String { pick("Tiếp nhận báo cáo", "Accept the report") }
    public var returnReport: String { pick("Trả lại báo cáo", "Return the report") }
    public var thread: String { pick("Trao đổi", "Comments") }
    public var yourComment: String { pick("Ý kiến của bạn", "Your comment") }
    public var postComment: String { pick("Gửi ý kiến", "Post") }
    public var notRecorded: String { pick("Chưa ghi nhận được, vì:", "Not recorded, because:") }
    public var back: String { pick("Quay lại", "Back") }
    public var initiatives: String { pick("Mô hình, sáng kiến", "Initiatives") }
    public var initiativesIntro: String {
        pick(
            "Các mô hình, sáng kiến cải cách hành chính hay, có khả năng nhân rộng do Sở Nội vụ chia sẻ; cơ quan đang áp dụng; đề xuất mới đang chờ xem xét.",
            "The reform models and initiatives SNV shared for replication, who applies them, and new proposals waiting.")
    }
    public var noInitiatives: String { pick("Chưa có mô hình, sáng kiến nào được chia sẻ.", "No initiative is shared yet.") }
    public var initiativeOrigin: String { pick("Nơi khởi xướng", "Originated by") }
    public var initiativeAward: String { pick("Giải thưởng", "Award") }
    public var initiativeShared: String { pick("Ngày chia sẻ", "Shared on") }
    public var initiativeAppliers: String { pick("Cơ quan đang áp dụng", "Applied by") }
    public func since(_ day: String) -> String { pick("từ \(day)", "since \(day)") }
    public var apply: String { pick("Áp dụng mô hình này", "Apply this initiative") }
    public var appliedFrom: String { pick("Áp dụng từ ngày (để trống: hôm nay)", "Applied since (empty: today)") }
    public var applyResult: String { pick("Kết quả bước đầu (không bắt buộc)", "First results (optional)") }
    public var confirmApply: String { pick("Xác nhận áp dụng", "Confirm") }
    public var waitingProposals: String { pick("Đề xuất đang chờ xem xét", "Proposals waiting") }
    public func initiativeApplied(_ code: String) -> String {
        pick("Đã ghi nhận: cơ quan áp dụng mô hình, sáng kiến \(code).", "Recorded: the agency applies \(code).")
    }
    public var initiativeRefused: String { pick("Chưa ghi nhận được, vì:", "Not recorded, because:") }
    public var noPlans: String { pick("Chưa có kế hoạch nào được ban hành (plan.adopted).", "No plan is adopted (plan.adopted) yet.") }
    public var planYear: String { pick("Năm", "Year") }
    public var planCode: String { pick("Mã kế hoạch", "Plan code") }
    public var planDocument: String { pick("Văn bản", "Document") }
    public var planSigned: String { pick("Ngày ký", "Signed on") }
    public var planTasks: String { pick("Nhiệm vụ", "Tasks") }
    public var planTargets: String { pick("Chỉ tiêu", "Targets") }
    public var taskWindow: String { pick("Thời gian", "Window") }
    public var taskLeads: String { pick("Cơ quan chủ trì và tình trạng", "Leads and status") }
    public var linkedEvents: String { pick("Sự kiện gắn nhiệm vụ", "Linked events") }
    public var targetMin: String { pick("Mức phải đạt", "Minimum") }
    public func carriedFrom(_ task: String) -> String { pick("chuyển tiếp từ \(task)", "carried from \(task)") }
    public func counts(tasks: Int, targets: Int) -> String { pick("\(tasks) nhiệm vụ, \(targets) chỉ tiêu", "\(tasks) tasks, \(targets) targets") }
    public var planTemplate: String { pick("Tải mẫu Excel lập kế hoạch của Sở Nội vụ", "Download SNV's Excel plan workbook") }
    public var planTemplateHint: String {
        pick(
            "Điền kế hoạch, nhiệm vụ, chỉ tiêu và các thay đổi cơ quan vào mẫu, rồi gửi tệp ở trang của Sở Nội vụ: tệp được ghi nhận toàn bộ hoặc không ghi nhận phần nào, lỗi ghi rõ trang và ô.",
            "Fill the plan, its tasks, targets and agency changes into the workbook, then send it on SNV's page: all of it is recorded or none, errors name the sheet and cell."
        )
    }
    public var planReport: String { pick("Báo cáo năm của kế hoạch", "The plan year's report") }
    public var verify: String { pick("Kiểm tra toàn vẹn", "Verify") }
    public var verifyNow: String { pick("Kiểm tra ngay", "Verify now") }
    public var verifyExplain: String {
        pick(
            "Tính lại chuỗi băm từ sự kiện đầu tiên và so từng tệp báo cáo đã phát hành với dấu băm đã ghi trong sổ.",
            "Recomputes the hash chain from the first event and compares every issued report file with the hash the log recorded.")
    }
    public var verifyOK: String { pick("Toàn vẹn: sổ cái và các tệp báo cáo không bị thay đổi.", "Intact: the ledger and the report files are unaltered.") }
    public var verifyFailed: String { pick("KHÔNG toàn vẹn", "NOT intact") }
    public var upload: String { pick("Gửi tệp báo cáo", "Send report files") }
    public var uploadHint: String {
        pick(
            "Chọn một hoặc nhiều tệp (.json, .ndjson, .jsonl, .csv, .tsv, .xlsx). Mỗi tệp được kiểm tra như khi đặt vào thư mục của cơ quan.",
            "Choose one or more files (.json, .ndjson, .jsonl, .csv, .tsv, .xlsx). Each is checked as if dropped in the agency's folder.")
    }
    public var send: String { pick("Gửi", "Send") }
    public func sheetRow(_ sheet: String, _ row: Int) -> String { pick("trang “\(sheet)”, dòng \(row)", "sheet “\(sheet)”, row \(row)") }
    public var chooseFiles: String { pick("Chọn tệp cần gửi (có thể chọn nhiều tệp)", "Choose the files to send (several at once)") }
    public var template: String { pick("Tải biểu mẫu Excel của cơ quan", "Download the agency's Excel template") }
    public var verdicts: String { pick("Kết quả gửi tệp", "Verdicts") }
    public var accepted: String { pick("Đã nhận", "Accepted") }
    public var rejected: String { pick("Bị từ chối", "Rejected") }
    public func acceptedCount(_ appended: Int, _ duplicates: Int) -> String {
        pick("\(appended) sự kiện mới, \(duplicates) sự kiện đã có", "\(appended) new events, \(duplicates) already recorded")
    }
    public var tasks: String { pick("Nhiệm vụ của cơ quan", "The agency's tasks") }
    public var due: String { pick("Cần hoàn thành trong kỳ", "Due this period") }
    public var files: String { pick("Lịch sử tệp đã gửi", "Files sent") }
    public var noFiles: String { pick("Chưa có tệp nào.", "No files yet.") }
    public var none: String { pick("không có", "none") }
    public var task: String { pick("Nhiệm vụ", "Task") }
    public var window: String { pick("Thời gian", "Window") }
    public var role: String { pick("Vai trò", "Role") }
    public var status: String { pick("Tình trạng", "Status") }
    public var file: String { pick("Tệp", "File") }
    public var when: String { pick("Thời điểm", "When") }
    public var result: String { pick("Kết quả", "Result") }
    public var period: String { pick("Kỳ báo cáo", "Period") }
    public var show: String { pick("Xem", "Show") }
    public var watch: String { pick("Cần theo dõi", "To watch") }
    public var silent: String { pick("Chưa có hoạt động trong kỳ", "Silent in the period") }
    public var late: String { pick("Gửi báo cáo trễ hạn", "Report sent late") }
    public var missing: String { pick("Chưa gửi báo cáo kỳ", "Period report not sent") }
    public var overdue: String { pick("Nhiệm vụ quá hạn (đơn vị chủ trì)", "Overdue tasks (leads)") }
    public var editions: String { pick("Các lần phát hành báo cáo", "Report editions") }
    public var noEditions: String { pick("Chưa phát hành lần nào cho kỳ này.", "No edition issued for this period yet.") }
    public func edition(_ number: Int, _ at: String, _ seq: Int64) -> String {
        pick("Lần \(number) — ghi lúc \(at), đến sự kiện số \(seq)", "Edition \(number) — recorded \(at), through seq \(seq)")
    }
    public var agencyPages: String { pick("Trang từng cơ quan", "Each agency's page") }
    public var agency: String { pick("Cơ quan", "Agency") }
    public var type: String { pick("Loại sự kiện", "Event type") }
    public var from: String { pick("Từ ngày", "From") }
    public var to: String { pick("Đến ngày", "To") }
    public var text: String { pick("Có chứa", "Containing") }
    public var filter: String { pick("Lọc", "Filter") }
    public var any: String { pick("(tất cả)", "(any)") }
    public var next: String { pick("Trang sau", "Next page") }
    public var noEvents: String { pick("Không có sự kiện nào.", "No events.") }
    public var seq: String { pick("Số thứ tự", "Seq") }
    public var occurred: String { pick("Ngày diễn ra", "Occurred") }
    public var recorded: String { pick("Ghi sổ lúc", "Recorded") }
    public var id: String { pick("Mã sự kiện", "Event id") }
    public var source: String { pick("Nguồn (tệp: dòng)", "Source (file: line)") }
    public var hash: String { pick("Mã băm", "Hash") }
    public var corrects: String { pick("Đính chính cho", "Corrects") }
    public var correctedBy: String { pick("Được đính chính bởi", "Corrected by") }
    public var retractedBy: String { pick("Bị thu hồi bởi", "Retracted by") }
    public var data: String { pick("Nội dung", "Data") }
    public var event: String { pick("Sự kiện", "Event") }
    public func traceTitle(_ figure: String, _ period: String) -> String {
        pick("Sự kiện tạo nên số liệu “\(figure)” — kỳ \(period)", "Events behind “\(figure)” — \(period)")
    }
    public func traceCount(_ count: Int, _ shown: Int) -> String {
        pick(
            "\(count) sự kiện" + (shown < count ? " (hiện \(shown) sự kiện đầu)" : ""), "\(count) events" + (shown < count ? " (the first \(shown) shown)" : "")
        )
    }
    /// Where an error is: "dòng 12", "trang Tin bài", "ô C4".
    public func line(_ line: Int) -> String { pick("dòng \(line)", "line \(line)") }
    public func sheet(_ sheet: String) -> String { pick("trang \(sheet)", "sheet \(sheet)") }
    public func cell(_ cell: String) -> String { pick("ô \(cell)", "cell \(cell)") }
    public var signedInAs: String { pick("Đang đăng nhập", "Signed in as") }
    public var demoNote: String {
        pick("Dữ liệu hiển thị là bản ghi gốc trong sổ cái; không sửa được từ trang này.", "What is shown is the ledger's record; nothing here edits it.")
    }
}
