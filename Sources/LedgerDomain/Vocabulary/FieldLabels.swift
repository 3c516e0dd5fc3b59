/// Column headers people read: the words of a template's row 1, which the CSV and XLSX
/// readers map back to field codes. Every label names exactly one code, so a header is
/// never ambiguous whatever the event type.
public enum FieldLabels {
    /// The header of a field (`id`, `occurred_at`, a `data` field name).
    public static func label(of field: String, type: EventType? = nil) -> LocalizedText {
        if field == "kind", type == .agencyRegistered || type == .agencyRenamed { return LocalizedText(vi: "Loại cơ quan", en: "Agency kind") }
        if field == "title", type == .activityHeld { return LocalizedText(vi: "Tên hoạt động", en: "Activity") }
        if field == "title", type == .contestHeld { return LocalizedText(vi: "Tên hội thi", en: "Contest") }
        if field == "title", type == .initiativeShared || type == .initiativeProposed {
            return LocalizedText(vi: "Tên mô hình, sáng kiến", en: "Initiative")
        }
        if field == "occurred_at", let type, type.sender == .coordinator { return LocalizedText(vi: "Ngày ban hành", en: "Issued on") }
        return table[field] ?? LocalizedText(vi: field, en: field)
    }

    /// The field code of a header written as the code or as one of its Vietnamese labels.
    public static func code(forHeader header: String) -> String? {
        byKey[Choices.key(header)]
    }

    private static let table: [String: LocalizedText] = {
        func w(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
        return [
            "id": w("Mã sự kiện", "Event id"), "type": w("Loại sự kiện", "Event type"),
            "occurred_at": w("Ngày thực hiện", "Date"), "agency": w("Mã cơ quan gửi", "Agency"),
            "corrects": w("Thay thế sự kiện có mã", "Corrects event"),
            "task": w("Nhiệm vụ", "Task"), "title": w("Tiêu đề", "Title"), "plan": w("Kế hoạch", "Plan"),
            "lead": w("Cơ quan chủ trì", "Lead"), "coordinating": w("Cơ quan phối hợp", "Coordinating"),
            "window": w("Thời gian thực hiện", "Window"), "contents": w("Nội dung", "Contents"),
            "status": w("Tình trạng", "Status"), "note": w("Ghi chú", "Note"),
            "channel": w("Kênh tuyên truyền", "Channel"), "outlet": w("Tên báo, đài, trang", "Outlet"),
            "url": w("Đường dẫn", "Link"), "theme": w("Chủ đề", "Theme"),
            "start": w("Ngày bắt đầu", "Start"), "end": w("Ngày kết thúc", "End"),
            "participants": w("Số người tham gia", "Participants"), "entries": w("Số bài dự thi", "Entries"),
            "awards": w("Giải thưởng", "Awards"), "kind": w("Loại khảo sát", "Survey kind"),
            "audience": w("Đối tượng khảo sát", "Audience"), "respondents": w("Số người được khảo sát", "Respondents"),
            "aware": w("Số người nắm được", "Aware"), "contest": w("Hội thi được góp ý", "Contest commented on"),
            "assessment": w("Đánh giá", "Assessment"), "recommendation": w("Kiến nghị", "Recommendation"),
            "proposal": w("Đề xuất hình thức khác", "Proposal"), "other": w("Ý kiến khác", "Other remarks"),
            "form": w("Hình thức", "Form"), "indicator": w("Chỉ tiêu", "Indicator"),
            "numerator": w("Tử số", "Numerator"), "denominator": w("Mẫu số", "Denominator"),
            "period": w("Kỳ báo cáo", "Period"), "document": w("Số, ký hiệu văn bản", "Document"),
            "event": w("Mã sự kiện bị hủy", "Retracted event"), "reason": w("Lý do", "Reason"),
            "code": w("Mã cơ quan", "Agency code"), "name": w("Tên cơ quan", "Agency name"),
            "parent": w("Cơ quan cấp trên", "Parent"), "from": w("Các cơ quan được hợp nhất", "Merged agencies"),
            "into": w("Hợp nhất vào", "Merged into"), "effective": w("Ngày hiệu lực", "Effective"),
            "min": w("Mức chỉ tiêu", "Minimum"), "edition": w("Lần ban hành", "Edition"),
            "through_seq": w("Đến sự kiện số", "Through seq"), "head_hash": w("Mã băm sự kiện cuối", "Head hash"),
            "files": w("Tệp báo cáo", "Report files"),
            "successors": w("Cơ quan kế thừa", "Successors"),
            "year": w("Năm kế hoạch", "Plan year"), "signed": w("Ngày ký", "Signed on"),
            "carried_from": w("Chuyển tiếp từ nhiệm vụ", "Carried from task"),
            "initiative": w("Mô hình, sáng kiến", "Initiative"), "origin": w("Nơi khởi xướng", "Originated by"),
            "description": w("Mô tả", "Description"), "award": w("Giải thưởng đạt được", "Award won"),
            "proposal_id": w("Đề xuất được tiếp nhận", "Proposal taken up"), "since": w("Áp dụng từ ngày", "Applied since"),
            "result": w("Kết quả áp dụng", "Result"), "decision": w("Kết luận", "Decision"), "text": w("Nội dung ý kiến", "Comment"),
            "due": w("Hạn gửi", "Due"),
            "offset": w("Số ngày so với hạn", "Days from the due day"), "recipients": w("Người nhận", "Recipients"),
            "benefit": w("Lợi ích dự kiến", "Expected benefit"),
            // The plan workbook's two month columns, read together as `window` (CSVRowConverter).
            "window_from": PlanTemplateWords.windowFrom, "window_to": PlanTemplateWords.windowTo,
        ]
    }()

    private static let byKey: [String: String] = {
        var byKey: [String: String] = [:]
        for (code, label) in table {
            byKey[Choices.key(code)] = code
            byKey[Choices.key(label.vi)] = code
        }
        for (field, type) in [
            ("kind", EventType.agencyRegistered), ("title", .activityHeld), ("title", .contestHeld), ("occurred_at", .planAdopted),
            ("title", .initiativeShared),
        ] {
            byKey[Choices.key(label(of: field, type: type).vi)] = field
        }
        return byKey
    }()
}
