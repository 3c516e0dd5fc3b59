/// The words of SNV's plan workbook (`reformledger plan template`): its sheets, its
/// instruction sheet, and the names of the agency groups offered beside the agencies.
public enum PlanTemplateWords {
    private static func w(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

    /// Sheet names, one per event type the plan workbook writes (at most 31 characters).
    public static func sheet(of type: EventType) -> LocalizedText {
        switch type {
        case .planAdopted: w("Kế hoạch", "Plan")
        case .taskAssigned: w("Nhiệm vụ", "Tasks")
        case .targetSet: w("Chỉ tiêu", "Targets")
        case .agencyRegistered: w("Thêm cơ quan", "New agencies")
        case .agencyRenamed: w("Đổi tên, sắp xếp lại", "Renamed agencies")
        case .agencyMerged: w("Hợp nhất cơ quan", "Merged agencies")
        case .agencyDissolved: w("Giải thể, kết thúc", "Dissolved agencies")
        case .initiativeShared: w("Mô hình, sáng kiến", "Initiatives")
        default: type.label
        }
    }

    public static let title = w(
        "KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH — MẪU NHẬP CỦA SỞ NỘI VỤ", "ADMINISTRATIVE REFORM COMMUNICATION PLAN — SNV's WORKBOOK")

    public static func yearLine(_ year: Int) -> LocalizedText {
        w("Kế hoạch năm \(year). Mã kế hoạch gợi ý: KH-TTCCHC-\(year).", "The plan of \(year). Suggested plan code: KH-TTCCHC-\(year).")
    }

    public static let steps: [LocalizedText] = [
        w(
            "1. Trang “Kế hoạch”: một dòng cho văn bản kế hoạch (mã, tên, năm, số ký hiệu, ngày ký). Mã kế hoạch ghi lại ở cột “Kế hoạch” của từng nhiệm vụ, chỉ tiêu.",
            "1. Sheet “Plan”: one row for the plan (code, title, year, document number, date signed). Write the plan's code again in the “Plan” column of each task and target."
        ),
        w(
            "2. Trang “Nhiệm vụ”: mỗi dòng một nhiệm vụ. Cơ quan chủ trì, phối hợp: chọn trong danh sách (cơ quan hoặc nhóm như “Tất cả UBND cấp xã”); nhiều cơ quan thì ghi cách nhau bằng dấu chấm phẩy (;).",
            "2. Sheet “Tasks”: one task per row. Lead and coordinating agencies: pick from the list (an agency or a group such as “All commune committees”); several are separated by semicolons (;)."
        ),
        w(
            "3. Thời gian thực hiện: chọn tháng bắt đầu và tháng kết thúc (MM/YYYY), hoặc “Thường xuyên”. Nhiệm vụ tiếp nối nhiệm vụ năm trước: chọn ở cột “Chuyển tiếp từ nhiệm vụ”.",
            "3. Window: pick the first and last month (MM/YYYY), or “Ongoing”. A task continuing one of an earlier year: pick it in “Carried from task”."),
        w(
            "4. Trang “Chỉ tiêu”: chỉ tiêu và mức phải đạt (0,8 là 80%); ghi mã kế hoạch để chỉ tiêu chỉ áp dụng cho năm của kế hoạch.",
            "4. Sheet “Targets”: the indicator and the level to reach (0.8 is 80%); with the plan's code the target applies to the plan's year only."),
        w(
            "5. Các trang cơ quan: thêm, đổi tên hoặc chuyển cấp trên, hợp nhất, giải thể (từ ngày hiệu lực cơ quan không gửi báo cáo nữa).",
            "5. The agency sheets: register, rename or re-attach, merge, dissolve (from the effective date the agency sends nothing more)."),
        w(
            "6. Ngày ghi theo ngày/tháng/năm. Không sửa hai dòng tiêu đề, không xóa cột, dòng ẩn. Dòng để trống được bỏ qua.",
            "6. Dates are day/month/year. Do not edit the two header rows or delete hidden rows and columns. Empty rows are skipped."),
        w(
            "7. Lưu dạng .xlsx, gửi vào thư mục của Sở Nội vụ hoặc tải lên cổng thông tin. Tệp có lỗi không được ghi nhận phần nào; danh sách lỗi ghi rõ trang và ô.",
            "7. Save as .xlsx and put it in SNV's folder or upload it. A file with errors is not recorded at all; the errors name the sheet and the cell."),
    ]

    /// "Thường xuyên": a task without months (`window` `ongoing`).
    public static let ongoing = w("Thường xuyên", "Ongoing")
    public static let windowFrom = w("Từ tháng", "From month")
    public static let windowTo = w("Đến tháng", "To month")

    /// "Tất cả UBND cấp xã": every agency of a kind (`kind:commune`), as a plan writes it.
    public static func group(_ kind: AgencyKind) -> LocalizedText {
        switch kind {
        case .department: w("Tất cả sở, ban, ngành tỉnh", "All provincial departments")
        case .district: w("Tất cả UBND cấp huyện", "All district committees")
        case .commune: w("Tất cả UBND cấp xã", "All commune committees")
        case .press: w("Tất cả cơ quan báo chí", "All press")
        case .massOrganisation: w("Tất cả Mặt trận, đoàn thể", "All mass organisations")
        case .central: w("Tất cả cơ quan Trung ương trên địa bàn", "All central agencies")
        case .publicUnit: w("Tất cả đơn vị sự nghiệp", "All public service units")
        case .school: w("Tất cả trường học", "All schools")
        case .other: w("Tất cả cơ quan khác", "All other agencies")
        }
    }

    /// The agency group a cell names by its words ("Tất cả UBND cấp xã"), in either language.
    public static func kind(ofGroup text: String) -> AgencyKind? {
        let key = Choices.key(text)
        return AgencyKind.allCases.first { Choices.key(group($0).vi) == key || Choices.key(group($0).en) == key }
    }

    /// The month a window cell names: "03/2025", "3/2025", "2025-03", or a date of that
    /// month (an Excel date read as `2025-03-01`); "Thường xuyên" is `ongoing`.
    public static func windowMonth(_ text: String) -> String? {
        let key = Choices.key(text)
        if key == Choices.key(ongoing.vi) || key == Choices.key(ongoing.en) || key == "ongoing" { return "ongoing" }
        let parts = text.split(separator: "/")
        if parts.count == 2, parts[1].count == 4, let month = Int(parts[0]), let year = Int(parts[1]),
            let named = YearMonth(year: year, month: month)
        {
            return named.description
        }
        if text.count >= 7, let month = YearMonth.parse(String(text.prefix(7))) { return month.description }
        return nil
    }
}
