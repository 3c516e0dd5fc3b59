import LedgerDomain

/// The words of the portal's pages, in the configured language (Vietnamese by default).
/// Messages of refusals are `PortalProblem`s; these are the labels around them.
struct PortalWords {
    let language: Language

    private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    var product: String { pick("Sổ cái cải cách hành chính", "Administrative reform ledger") }
    var signIn: String { pick("Đăng nhập", "Sign in") }
    var signOut: String { pick("Đăng xuất", "Sign out") }
    var login: String { pick("Tên đăng nhập", "Login") }
    var password: String { pick("Mật khẩu", "Password") }
    var myAgency: String { pick("Cơ quan của tôi", "My agency") }
    var dashboard: String { pick("Tổng hợp", "Dashboard") }
    var audit: String { pick("Nhật ký sự kiện", "Audit trail") }
    var verify: String { pick("Kiểm tra toàn vẹn", "Verify") }
    var verifyNow: String { pick("Kiểm tra ngay", "Verify now") }
    var verifyExplain: String {
        pick(
            "Tính lại chuỗi băm từ sự kiện đầu tiên và so từng tệp báo cáo đã phát hành với dấu băm đã ghi trong sổ.",
            "Recomputes the hash chain from the first event and compares every issued report file with the hash the log recorded.")
    }
    var verifyOK: String { pick("Toàn vẹn: sổ cái và các tệp báo cáo không bị thay đổi.", "Intact: the ledger and the report files are unaltered.") }
    var verifyFailed: String { pick("KHÔNG toàn vẹn", "NOT intact") }
    var upload: String { pick("Gửi tệp báo cáo", "Send report files") }
    var uploadHint: String {
        pick(
            "Chọn một hoặc nhiều tệp (.json, .ndjson, .jsonl, .csv, .tsv, .xlsx). Mỗi tệp được kiểm tra như khi đặt vào thư mục của cơ quan.",
            "Choose one or more files (.json, .ndjson, .jsonl, .csv, .tsv, .xlsx). Each is checked as if dropped in the agency's folder.")
    }
    var send: String { pick("Gửi", "Send") }
    func sheetRow(_ sheet: String, _ row: Int) -> String { pick("trang “\(sheet)”, dòng \(row)", "sheet “\(sheet)”, row \(row)") }
    var chooseFiles: String { pick("Chọn tệp cần gửi (có thể chọn nhiều tệp)", "Choose the files to send (several at once)") }
    var template: String { pick("Tải biểu mẫu Excel của cơ quan", "Download the agency's Excel template") }
    var verdicts: String { pick("Kết quả gửi tệp", "Verdicts") }
    var accepted: String { pick("Đã nhận", "Accepted") }
    var rejected: String { pick("Bị từ chối", "Rejected") }
    func acceptedCount(_ appended: Int, _ duplicates: Int) -> String {
        pick("\(appended) sự kiện mới, \(duplicates) sự kiện đã có", "\(appended) new events, \(duplicates) already recorded")
    }
    var tasks: String { pick("Nhiệm vụ của cơ quan", "The agency's tasks") }
    var due: String { pick("Cần hoàn thành trong kỳ", "Due this period") }
    var files: String { pick("Lịch sử tệp đã gửi", "Files sent") }
    var noFiles: String { pick("Chưa có tệp nào.", "No files yet.") }
    var none: String { pick("không có", "none") }
    var task: String { pick("Nhiệm vụ", "Task") }
    var window: String { pick("Thời gian", "Window") }
    var role: String { pick("Vai trò", "Role") }
    var status: String { pick("Tình trạng", "Status") }
    var file: String { pick("Tệp", "File") }
    var when: String { pick("Thời điểm", "When") }
    var result: String { pick("Kết quả", "Result") }
    var period: String { pick("Kỳ báo cáo", "Period") }
    var show: String { pick("Xem", "Show") }
    var watch: String { pick("Cần theo dõi", "To watch") }
    var silent: String { pick("Chưa có hoạt động trong kỳ", "Silent in the period") }
    var late: String { pick("Gửi báo cáo trễ hạn", "Report sent late") }
    var missing: String { pick("Chưa gửi báo cáo kỳ", "Period report not sent") }
    var overdue: String { pick("Nhiệm vụ quá hạn (đơn vị chủ trì)", "Overdue tasks (leads)") }
    var editions: String { pick("Các lần phát hành báo cáo", "Report editions") }
    var noEditions: String { pick("Chưa phát hành lần nào cho kỳ này.", "No edition issued for this period yet.") }
    func edition(_ number: Int, _ at: String, _ seq: Int64) -> String {
        pick("Lần \(number) — ghi lúc \(at), đến sự kiện số \(seq)", "Edition \(number) — recorded \(at), through seq \(seq)")
    }
    var agencyPages: String { pick("Trang từng cơ quan", "Each agency's page") }
    var agency: String { pick("Cơ quan", "Agency") }
    var type: String { pick("Loại sự kiện", "Event type") }
    var from: String { pick("Từ ngày", "From") }
    var to: String { pick("Đến ngày", "To") }
    var text: String { pick("Có chứa", "Containing") }
    var filter: String { pick("Lọc", "Filter") }
    var any: String { pick("(tất cả)", "(any)") }
    var next: String { pick("Trang sau", "Next page") }
    var noEvents: String { pick("Không có sự kiện nào.", "No events.") }
    var seq: String { pick("Số thứ tự", "Seq") }
    var occurred: String { pick("Ngày diễn ra", "Occurred") }
    var recorded: String { pick("Ghi sổ lúc", "Recorded") }
    var id: String { pick("Mã sự kiện", "Event id") }
    var source: String { pick("Nguồn (tệp: dòng)", "Source (file: line)") }
    var hash: String { pick("Mã băm", "Hash") }
    var corrects: String { pick("Đính chính cho", "Corrects") }
    var correctedBy: String { pick("Được đính chính bởi", "Corrected by") }
    var retractedBy: String { pick("Bị thu hồi bởi", "Retracted by") }
    var data: String { pick("Nội dung", "Data") }
    var event: String { pick("Sự kiện", "Event") }
    func traceTitle(_ figure: String, _ period: String) -> String {
        pick("Sự kiện tạo nên số liệu “\(figure)” — kỳ \(period)", "Events behind “\(figure)” — \(period)")
    }
    func traceCount(_ count: Int, _ shown: Int) -> String {
        pick(
            "\(count) sự kiện" + (shown < count ? " (hiện \(shown) sự kiện đầu)" : ""), "\(count) events" + (shown < count ? " (the first \(shown) shown)" : "")
        )
    }
    var signedInAs: String { pick("Đang đăng nhập", "Signed in as") }
    var demoNote: String {
        pick("Dữ liệu hiển thị là bản ghi gốc trong sổ cái; không sửa được từ trang này.", "What is shown is the ledger's record; nothing here edits it.")
    }
}
