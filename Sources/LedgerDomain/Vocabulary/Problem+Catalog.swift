/// The catalogue of problems: every user-facing message of validation lives here, in
/// Vietnamese (the default) and English.
extension Problem {
    public static func malformed(_ detail: LocalizedText, field: String? = nil) -> Problem {
        Problem(
            field: field, code: .malformed,
            text: LocalizedText(
                vi: "Dữ liệu không đúng cú pháp: \(detail.vi).",
                en: "The content is malformed: \(detail.en)."))
    }

    public static func encoding(_ detail: LocalizedText) -> Problem {
        Problem(
            field: nil, code: .encoding,
            text: LocalizedText(
                vi: "Bảng mã của tệp không được hỗ trợ: \(detail.vi).",
                en: "The file's text encoding is not supported: \(detail.en)."))
    }

    public static func tooLarge(size: Int, limit: Int) -> Problem {
        Problem(
            field: nil, code: .tooLarge,
            text: LocalizedText(
                vi: "Tệp có \(size) byte, vượt giới hạn \(limit) byte (max_file_bytes).",
                en: "The file has \(size) bytes, more than the limit of \(limit) bytes (max_file_bytes)."))
    }

    public static func unsupportedFormat(name: String) -> Problem {
        Problem(
            field: nil, code: .unsupportedFormat,
            text: LocalizedText(
                vi: "Định dạng tệp “\(name)” không được hỗ trợ; chỉ nhận .xlsx, .json, .ndjson, .jsonl, .csv, .tsv.",
                en: "The format of “\(name)” is not supported; use .xlsx, .json, .ndjson, .jsonl, .csv or .tsv."))
    }

    public static func unknownType(_ type: String) -> Problem {
        Problem(
            field: "type", code: .unknownType,
            text: LocalizedText(
                vi: "Loại sự kiện “\(type)” không tồn tại.",
                en: "There is no event type “\(type)”."))
    }

    public static func unknownField(_ path: String) -> Problem {
        Problem(
            field: path, code: .unknownField,
            text: LocalizedText(
                vi: "Trường “\(path)” không thuộc loại sự kiện này.",
                en: "The field “\(path)” does not belong to this event type."))
    }

    public static func missingField(_ path: String) -> Problem {
        Problem(
            field: path, code: .missingField,
            text: LocalizedText(
                vi: "Thiếu trường bắt buộc “\(path)”.",
                en: "The required field “\(path)” is missing."))
    }

    public static func invalidValue(_ path: String, _ expectation: LocalizedText) -> Problem {
        Problem(
            field: path, code: .invalidValue,
            text: LocalizedText(
                vi: "Giá trị của “\(path)” không hợp lệ: \(expectation.vi).",
                en: "The value of “\(path)” is invalid: \(expectation.en)."))
    }

    public static func invalidDate(_ path: String, _ expectation: LocalizedText) -> Problem {
        Problem(
            field: path, code: .invalidDate,
            text: LocalizedText(
                vi: "Ngày “\(path)” không hợp lệ: \(expectation.vi).",
                en: "The date “\(path)” is invalid: \(expectation.en)."))
    }

    public static func unknownAgency(_ code: String, field: String?) -> Problem {
        Problem(
            field: field, code: .unknownAgency,
            text: LocalizedText(
                vi: "Cơ quan “\(code)” chưa được đăng ký.",
                en: "The agency “\(code)” is not registered."))
    }

    public static func agencyMismatch(event: String, folder: String) -> Problem {
        Problem(
            field: "agency", code: .agencyMismatch,
            text: LocalizedText(
                vi: "Sự kiện của cơ quan “\(event)” nằm trong thư mục của cơ quan “\(folder)”; mỗi cơ quan chỉ gửi sự kiện của mình.",
                en: "An event of agency “\(event)” is in the folder of agency “\(folder)”; each agency sends only its own events."))
    }

    public static func notPermitted(_ reason: LocalizedText, field: String?) -> Problem {
        Problem(
            field: field, code: .notPermitted,
            text: LocalizedText(
                vi: "Không được phép: \(reason.vi).",
                en: "Not permitted: \(reason.en)."))
    }

    public static func unknownInitiative(_ code: String, field: String) -> Problem {
        Problem(
            field: field, code: .unknownInitiative,
            text: LocalizedText(
                vi: "Mô hình, sáng kiến “\(code)” chưa được Sở Nội vụ chia sẻ; hãy chọn mã trong danh sách mô hình đã chia sẻ.",
                en: "The initiative “\(code)” has not been shared; pick a code from the list of shared initiatives."))
    }

    public static func unknownTask(_ task: String, field: String) -> Problem {
        Problem(
            field: field, code: .unknownTask,
            text: LocalizedText(
                vi: "Nhiệm vụ “\(task)” chưa được giao.",
                en: "The task “\(task)” has not been assigned."))
    }

    public static func unknownEvent(_ id: String, field: String, _ scope: LocalizedText) -> Problem {
        Problem(
            field: field, code: .unknownEvent,
            text: LocalizedText(
                vi: "Không tìm thấy sự kiện trước đó “\(id)” \(scope.vi).",
                en: "No earlier event “\(id)” \(scope.en)."))
    }

    public static func idConflict(agency: String, id: String) -> Problem {
        Problem(
            field: "id", code: .idConflict,
            text: LocalizedText(
                vi: "Mã sự kiện “\(id)” của cơ quan “\(agency)” đã được dùng cho nội dung khác; hãy dùng mã mới hoặc gửi bản đính chính (corrects).",
                en: "The event id “\(id)” of agency “\(agency)” is already used with different content; use a new id or send a correction (corrects)."))
    }

    public static func notRegularFile(kind: String) -> Problem {
        Problem(
            field: nil, code: .notRegularFile,
            text: LocalizedText(
                vi: "Đây không phải là tệp thường (\(kind)); tệp không được mở.",
                en: "This is not a regular file (\(kind)); it was not opened."))
    }

    public static func invalidFileName(shownAs name: String) -> Problem {
        Problem(
            field: nil, code: .invalidFileName,
            text: LocalizedText(
                vi:
                    "Tên tệp không phải chữ Unicode (UTF-8) nên không đọc được; tệp được đổi tên thành “\(name)”. Hãy đặt lại tên bằng chữ tiếng Việt có dấu chuẩn rồi gửi lại.",
                en:
                    "The file name is not Unicode (UTF-8) and cannot be read; the file was renamed “\(name)”. Rename it with ordinary letters and send it again."
            ))
    }

    /// A workbook whose content is larger than the reader will unpack: a ZIP bomb, or a
    /// sheet longer than any plan's year of events.
    public static func workbookTooLarge(_ detail: LocalizedText) -> Problem {
        Problem(
            field: nil, code: .tooLarge,
            text: LocalizedText(
                vi: "Sổ tính quá lớn để đọc: \(detail.vi). Hãy chia thành nhiều tệp nhỏ hơn.",
                en: "The workbook is too large to read: \(detail.en). Split it into smaller files."))
    }
}
