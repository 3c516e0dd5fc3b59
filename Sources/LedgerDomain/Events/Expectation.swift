/// What a valid value looks like, in both languages, for `invalid_value` messages.
enum Expectation {
    static let text = LocalizedText(vi: "cần một chuỗi văn bản", en: "a text string is expected")
    static let nonEmpty = LocalizedText(vi: "không được để trống", en: "it must not be empty")
    static let maxLength = LocalizedText(vi: "dài quá 4.000 ký tự", en: "it is longer than 4,000 characters")
    static let identifier = LocalizedText(
        vi: "cần 1–128 ký tự gồm chữ cái không dấu, chữ số và . _ : -",
        en: "1–128 characters of letters A–Z, digits and . _ : - are expected")
    static let agencyCode = LocalizedText(
        vi: "mã cơ quan gồm 2–16 chữ in hoa, chữ số hoặc dấu -",
        en: "an agency code of 2–16 capital letters, digits or - is expected")
    static let agencyReference = LocalizedText(
        vi: "cần mã cơ quan hoặc nhóm “kind:<loại cơ quan>”",
        en: "an agency code or a group “kind:<agency kind>” is expected")
    static let date = LocalizedText(
        vi: "cần ngày dạng YYYY-MM-DD, DD/MM/YYYY hoặc RFC 3339 có múi giờ",
        en: "a date as YYYY-MM-DD, DD/MM/YYYY or RFC 3339 with an offset is expected")
    static let window = LocalizedText(
        vi: "cần {\"from\":\"YYYY-MM\",\"to\":\"YYYY-MM\"} hoặc \"ongoing\" (CSV: 2024-06..2024-09, 2024-05 hoặc ongoing)",
        en: "{\"from\":\"YYYY-MM\",\"to\":\"YYYY-MM\"} or \"ongoing\" is expected (CSV: 2024-06..2024-09, 2024-05 or ongoing)")
    static let yearMonth = LocalizedText(vi: "cần tháng dạng YYYY-MM", en: "a month as YYYY-MM is expected")
    static let windowOrder = LocalizedText(vi: "tháng bắt đầu sau tháng kết thúc", en: "the window starts after it ends")
    static let period = LocalizedText(
        vi: "cần kỳ báo cáo dạng 2024-Q1…2024-Q4, 2024-H1, 2024-9M hoặc 2024, năm từ 2000 đến 2100",
        en: "a period like 2024-Q1…2024-Q4, 2024-H1, 2024-9M or 2024, in a year from 2000 to 2100, is expected")
    static let decimal = LocalizedText(vi: "cần số thập phân dạng chuỗi, ví dụ \"0.8\" hoặc \"5\"", en: "a decimal string such as \"0.8\" or \"5\" is expected")
    static let ratioTarget = LocalizedText(vi: "chỉ tiêu tỷ lệ phải từ 0 đến 1", en: "a ratio target must be between 0 and 1")
    static let countTarget = LocalizedText(vi: "chỉ tiêu của nhiệm vụ phải là số nguyên", en: "a task target must be a whole count")
    static let targetIndicator = LocalizedText(
        vi: "cần awareness.officials, awareness.citizens, awareness.businesses, staff-trained, online-procedures hoặc task:<mã nhiệm vụ>:<hình thức hoặc kênh>",
        en: "awareness.officials, awareness.citizens, awareness.businesses, staff-trained, online-procedures or task:<task id>:<form or channel> is expected")
    static let award = LocalizedText(vi: "mỗi giải cần {\"rank\",\"winner\",\"agency?\"}", en: "each award is {\"rank\",\"winner\",\"agency?\"}")
    static let mergeIntoItself = LocalizedText(vi: "cơ quan không thể sáp nhập vào chính nó", en: "an agency cannot merge into itself")
    static let retractRetraction = LocalizedText(
        vi: "không thể thu hồi một lệnh thu hồi; hãy gửi lại sự kiện với mã mới",
        en: "a retraction cannot be retracted; send the event again with a new id")
    static let alreadyRegistered = LocalizedText(vi: "mã cơ quan đã được đăng ký", en: "this agency code is already registered")
    static let alreadyAssigned = LocalizedText(
        vi: "nhiệm vụ đã được giao; để sửa, hãy gửi bản đính chính (corrects)",
        en: "this task is already assigned; send a correction (corrects) to change it")
    static let systemCode = LocalizedText(vi: "mã SYSTEM dành cho hệ thống", en: "the code SYSTEM is reserved")

    static func wholeNumber(_ minimum: Int, _ maximum: Int) -> LocalizedText {
        LocalizedText(vi: "cần số nguyên từ \(minimum) đến \(grouped(maximum, separator: "."))",
                      en: "a whole number from \(minimum) to \(grouped(maximum, separator: ",")) is expected")
    }

    /// `1000000000` → `1.000.000.000` (Vietnamese) or `1,000,000,000`.
    static func grouped(_ value: Int, separator: String) -> String {
        var digits = String(value)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: separator)
    }

    static let decimalPrecision = LocalizedText(
        vi: "chỉ tiêu có tối đa \(DecimalText.maxFractionDigits) chữ số thập phân và \(DecimalText.maxWholeDigits) chữ số phần nguyên",
        en: "a target has at most \(DecimalText.maxFractionDigits) decimal places and \(DecimalText.maxWholeDigits) whole digits")
    static let reportFile = LocalizedText(vi: "mỗi tệp cần {\"name\",\"sha256\"}", en: "each file is {\"name\",\"sha256\"}")

    static func forbiddenCharacter(_ scalar: Unicode.Scalar) -> LocalizedText {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let shown = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return LocalizedText(vi: "chứa ký tự \(shown), là ký tự không được phép trong văn bản (báo cáo Word không mở được)",
                             en: "it holds the character \(shown), which text may not contain (a Word report could not open)")
    }

    static func list(_ minimum: Int) -> LocalizedText {
        minimum > 0
            ? LocalizedText(vi: "cần danh sách có ít nhất \(minimum) mục", en: "a list of at least \(minimum) item(s) is expected")
            : LocalizedText(vi: "cần một danh sách", en: "a list is expected")
    }

    static func oneOf(_ allowed: [String]) -> LocalizedText {
        let list = allowed.joined(separator: ", ")
        return LocalizedText(vi: "cần một trong: \(list)", en: "one of \(list) is expected")
    }

    static func notMoreThan(_ other: String) -> LocalizedText {
        LocalizedText(vi: "không được lớn hơn “\(other)”", en: "it must not exceed “\(other)”")
    }

    static func notBefore(_ other: String) -> LocalizedText {
        LocalizedText(vi: "không được trước “\(other)”", en: "it must not be before “\(other)”")
    }
}
