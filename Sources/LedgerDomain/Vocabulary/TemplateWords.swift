/// The words of the clerk's workbook (`reformledger template`): sheet names, the
/// instruction sheet, and the message of a drop-down list. Kept beside the labels so both
/// languages are reviewed in one place.
public enum TemplateWords {
    private static func w(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

    /// Sheet names (at most 31 characters, none of `[]:*?/\`). The two survey forms have
    /// their own sheets; the others are named after their event type.
    public static let awarenessSheet = w("Khảo sát nhận thức", "Awareness survey")
    public static let feedbackSheet = w("Phiếu góp ý hội thi", "Contest feedback")
    public static let guideSheet = w("Hướng dẫn", "Instructions")
    public static let listsSheet = w("Danh mục", "Lists")

    public static let title = w(
        "MẪU BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH", "ADMINISTRATIVE REFORM COMMUNICATION — REPORTING WORKBOOK")

    public static func agencyLine(name: String, code: String) -> LocalizedText {
        w("Cơ quan, đơn vị: \(name) (mã \(code))", "Agency: \(name) (code \(code))")
    }

    public static let anyAgencyLine = w(
        "Mẫu chung cho mọi cơ quan: gửi vào thư mục của cơ quan mình.", "A template for any agency: send it to your agency's folder.")

    public static let steps: [LocalizedText] = [
        w(
            "1. Mỗi trang là một loại công việc: hoạt động tuyên truyền, tin bài, hội thi, khảo sát, số liệu chỉ tiêu, tiến độ nhiệm vụ, gửi báo cáo định kỳ.",
            "1. Each sheet is one kind of work: activities, articles, contests, surveys, indicators, task progress, periodic reports."),
        w(
            "2. Mỗi dòng là một việc đã làm. Cột “Mã sự kiện” có sẵn mã: giữ nguyên, hoặc đặt mã khác chưa dùng (chữ, số và . _ : -).",
            "2. Each row is one thing done. The “Event id” column is filled in: keep it, or write another unused id (letters, digits and . _ : -)."),
        w(
            "3. Ngày ghi theo ngày/tháng/năm, ví dụ 05/03/2024.",
            "3. Dates are day/month/year, e.g. 05/03/2024."),
        w(
            "4. Ô có mũi tên: chọn trong danh sách (hình thức, kênh, đối tượng, tình trạng, nhiệm vụ của cơ quan, kỳ báo cáo).",
            "4. Cells with an arrow: pick from the list (form, channel, audience, status, your agency's tasks, period)."),
        w(
            "5. Không sửa hai dòng tiêu đề và không xóa các cột, dòng ẩn: hệ thống đọc theo đó. Dòng để trống được bỏ qua.",
            "5. Do not edit the two header rows or delete hidden rows and columns: they are how the file is read. Empty rows are skipped."),
        w(
            "6. Lưu dạng Excel (.xlsx) và gửi vào thư mục của cơ quan (hoặc tải lên cổng thông tin). Gửi lại cùng tệp không tạo bản ghi trùng.",
            "6. Save as Excel (.xlsx) and put it in your agency's folder (or upload it). Sending the same file again records nothing twice."),
        w(
            "7. Tệp có lỗi không được ghi nhận phần nào; danh sách lỗi ghi rõ trang, ô và lý do để sửa và gửi lại.",
            "7. A file with errors is not recorded at all; the list of errors names the sheet, the cell and the reason, to fix and send again."),
    ]

    public static let columnsHeading = w("Các cột của từng trang", "The columns of each sheet")
    public static let sheetColumn = w("Trang", "Sheet")
    public static let fieldColumn = w("Cột", "Column")
    public static let requiredColumn = w("Bắt buộc", "Required")
    public static let yes = w("Có", "Yes")
    public static let no = w("Không", "No")

    public static let listErrorTitle = w("Giá trị không có trong danh sách", "Not in the list")
    public static let listError = w("Hãy chọn một giá trị trong danh sách của ô.", "Pick a value from the cell's list.")
}
