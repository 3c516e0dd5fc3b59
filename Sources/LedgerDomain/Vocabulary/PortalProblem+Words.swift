/// What each `PortalProblem` says to the person refused, in both languages.
extension PortalProblem {
    public var message: LocalizedText {
        switch self {
        case .authenticationRequired:
            LocalizedText(vi: "Cần đăng nhập (tên đăng nhập và mật khẩu).", en: "Sign-in required (login and password).")
        case .tooManyAttempts:
            LocalizedText(
                vi: "Đăng nhập sai quá nhiều lần; vui lòng chờ rồi thử lại.", en: "Too many failed sign-ins; wait, then try again.")
        case .forbiddenAgency:
            LocalizedText(
                vi: "Tài khoản này không được gửi tệp thay cho cơ quan, đơn vị khác.",
                en: "This account may not send files for another agency.")
        case .readOnlyRole:
            LocalizedText(vi: "Tài khoản kiểm toán chỉ được xem, không được gửi tệp.", en: "An auditor's account reads only; it sends no files.")
        case .unknownAgency:
            LocalizedText(vi: "Không có cơ quan, đơn vị với mã này.", en: "No agency has this code.")
        case .payloadTooLarge:
            LocalizedText(vi: "Tệp gửi lên vượt quá dung lượng cho phép.", en: "The upload is larger than allowed.")
        case .malformedUpload:
            LocalizedText(
                vi: "Yêu cầu gửi tệp không đúng dạng multipart/form-data với trường “file”.",
                en: "The upload is not multipart/form-data with a “file” field.")
        case .invalidUploadName:
            LocalizedText(
                vi: "Tên tệp gửi lên không hợp lệ (trống, bắt đầu bằng dấu chấm hoặc có ký tự điều khiển).",
                en: "The uploaded file's name is not valid (empty, starting with a dot, or with control characters).")
        case .unknownPeriod:
            LocalizedText(
                vi: "Kỳ báo cáo không hợp lệ (ví dụ: 2024-Q1, 2024-H1, 2024-9M, 2024).", en: "Not a report period (e.g. 2024-Q1, 2024-H1, 2024-9M, 2024).")
        case .notFound:
            LocalizedText(vi: "Không tìm thấy trang.", en: "No such page.")
        case .unavailable:
            LocalizedText(vi: "Hệ thống tạm thời không xử lý được yêu cầu; vui lòng thử lại sau.", en: "The service cannot answer now; try again later.")
        case .invalidCSRFToken:
            LocalizedText(
                vi: "Biểu mẫu đã hết hạn hoặc không phải gửi từ trang này; vui lòng tải lại trang rồi thử lại.",
                en: "The form has expired or was not sent from this page; reload the page and try again.")
        case .signInFailed:
            LocalizedText(vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong login or password.")
        case .signInBusy:
            LocalizedText(
                vi: "Hệ thống đang bận kiểm tra đăng nhập; vui lòng thử lại sau vài giây.",
                en: "Too many sign-ins are being checked; try again in a few seconds.")
        case .accountsUnavailable:
            LocalizedText(
                vi: "Không đọc được danh sách tài khoản nên chưa thể đăng nhập; vui lòng báo quản trị viên hệ thống.",
                en: "The accounts file cannot be read, so nobody can sign in; tell the system's administrator.")
        case .uploadsBusy:
            LocalizedText(
                vi: "Đang có quá nhiều tệp chờ xử lý; vui lòng gửi lại sau ít phút.",
                en: "Too many files are waiting to be taken; send again in a few minutes.")
        case .noFileChosen:
            LocalizedText(vi: "Chưa chọn tệp nào để gửi.", en: "No file was chosen.")
        case .invalidQuery:
            LocalizedText(
                vi: "Điều kiện lọc không hợp lệ (ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD, loại sự kiện theo danh mục).",
                en: "The filter is not valid (dates as DD/MM/YYYY or YYYY-MM-DD, event types from the list).")
        }
    }
}
