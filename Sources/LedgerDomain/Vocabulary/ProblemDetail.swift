/// The catalogue of message details, in Vietnamese (the default) and English: what a
/// valid value looks like, and why a record or a file was refused. With the problems of
/// `Problem+Catalog.swift` it holds every message a clerk reads; no other file writes one
/// (`Scripts/check-layers.sh` checks it).
public enum ProblemDetail {
    public static let text = LocalizedText(vi: "cần một chuỗi văn bản", en: "a text string is expected")
    public static let nonEmpty = LocalizedText(vi: "không được để trống", en: "it must not be empty")
    public static let maxLength = LocalizedText(vi: "dài quá 4.000 ký tự", en: "it is longer than 4,000 characters")
    public static let identifier = LocalizedText(
        vi: "cần 1–128 ký tự gồm chữ cái không dấu, chữ số và . _ : -",
        en: "1–128 characters of letters A–Z, digits and . _ : - are expected")
    public static let agencyCode = LocalizedText(
        vi: "mã cơ quan gồm 2–16 chữ in hoa, chữ số hoặc dấu -",
        en: "an agency code of 2–16 capital letters, digits or - is expected")
    public static let agencyReference = LocalizedText(
        vi: "cần mã cơ quan hoặc nhóm “kind:<loại cơ quan>”",
        en: "an agency code or a group “kind:<agency kind>” is expected")
    public static let date = LocalizedText(
        vi: "cần ngày dạng YYYY-MM-DD, DD/MM/YYYY hoặc RFC 3339 có múi giờ",
        en: "a date as YYYY-MM-DD, DD/MM/YYYY or RFC 3339 with an offset is expected")
    public static let window = LocalizedText(
        vi: "cần {\"from\":\"YYYY-MM\",\"to\":\"YYYY-MM\"} hoặc \"ongoing\" (CSV: 2024-06..2024-09, 2024-05 hoặc ongoing)",
        en: "{\"from\":\"YYYY-MM\",\"to\":\"YYYY-MM\"} or \"ongoing\" is expected (CSV: 2024-06..2024-09, 2024-05 or ongoing)")
    public static let yearMonth = LocalizedText(vi: "cần tháng dạng YYYY-MM", en: "a month as YYYY-MM is expected")
    public static let windowOrder = LocalizedText(vi: "tháng bắt đầu sau tháng kết thúc", en: "the window starts after it ends")
    public static let period = LocalizedText(
        vi: "cần kỳ báo cáo dạng 2024-Q1…2024-Q4, 2024-H1, 2024-9M hoặc 2024, năm từ 2000 đến 2100",
        en: "a period like 2024-Q1…2024-Q4, 2024-H1, 2024-9M or 2024, in a year from 2000 to 2100, is expected")
    public static let decimal = LocalizedText(
        vi: "cần số thập phân dạng chuỗi, ví dụ \"0.8\" hoặc \"5\"", en: "a decimal string such as \"0.8\" or \"5\" is expected")
    public static let ratioTarget = LocalizedText(vi: "chỉ tiêu tỷ lệ phải từ 0 đến 1", en: "a ratio target must be between 0 and 1")
    public static let countTarget = LocalizedText(vi: "chỉ tiêu của nhiệm vụ phải là số nguyên", en: "a task target must be a whole count")
    public static let targetIndicator = LocalizedText(
        vi: "cần awareness.officials, awareness.citizens, awareness.businesses, staff-trained, online-procedures hoặc task:<mã nhiệm vụ>:<hình thức hoặc kênh>",
        en: "awareness.officials, awareness.citizens, awareness.businesses, staff-trained, online-procedures or task:<task id>:<form or channel> is expected")
    public static let award = LocalizedText(vi: "mỗi giải cần {\"rank\",\"winner\",\"agency?\"}", en: "each award is {\"rank\",\"winner\",\"agency?\"}")
    public static let mergeIntoItself = LocalizedText(vi: "cơ quan không thể sáp nhập vào chính nó", en: "an agency cannot merge into itself")
    public static let retractRetraction = LocalizedText(
        vi: "không thể thu hồi một lệnh thu hồi; hãy gửi lại sự kiện với mã mới",
        en: "a retraction cannot be retracted; send the event again with a new id")
    public static let alreadyRegistered = LocalizedText(vi: "mã cơ quan đã được đăng ký", en: "this agency code is already registered")
    public static let alreadyAssigned = LocalizedText(
        vi: "nhiệm vụ đã được giao; để sửa, hãy gửi bản đính chính (corrects)",
        en: "this task is already assigned; send a correction (corrects) to change it")
    public static let commentOwnAgency = LocalizedText(
        vi: "chỉ cơ quan đó hoặc cơ quan điều phối được trao đổi về báo cáo của cơ quan",
        en: "only the agency itself or a coordinator may comment on its report")
    public static let alreadyShared = LocalizedText(
        vi: "mô hình, sáng kiến đã được chia sẻ với mã này; để sửa, hãy gửi bản đính chính (corrects)",
        en: "an initiative is already shared under this code; send a correction (corrects) to change it")
    public static let alreadyAdopted = LocalizedText(
        vi: "kế hoạch đã được ban hành; để sửa, hãy gửi bản đính chính (corrects)",
        en: "this plan is already adopted; send a correction (corrects) to change it")
    public static let systemCode = LocalizedText(vi: "mã SYSTEM dành cho hệ thống", en: "the code SYSTEM is reserved")

    public static func wholeNumber(_ minimum: Int, _ maximum: Int) -> LocalizedText {
        LocalizedText(
            vi: "cần số nguyên từ \(minimum) đến \(grouped(maximum, separator: "."))",
            en: "a whole number from \(minimum) to \(grouped(maximum, separator: ",")) is expected")
    }

    /// `1000000000` → `1.000.000.000` (Vietnamese) or `1,000,000,000`.
    public static func grouped(_ value: Int, separator: String) -> String {
        var digits = String(value)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: separator)
    }

    public static let decimalPrecision = LocalizedText(
        vi: "chỉ tiêu có tối đa \(DecimalText.maxFractionDigits) chữ số thập phân và \(DecimalText.maxWholeDigits) chữ số phần nguyên",
        en: "a target has at most \(DecimalText.maxFractionDigits) decimal places and \(DecimalText.maxWholeDigits) whole digits")
    public static let reportFile = LocalizedText(vi: "mỗi tệp cần {\"name\",\"sha256\"}", en: "each file is {\"name\",\"sha256\"}")

    public static func forbiddenCharacter(_ scalar: Unicode.Scalar) -> LocalizedText {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let shown = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return LocalizedText(
            vi: "chứa ký tự \(shown), là ký tự không được phép trong văn bản (báo cáo Word không mở được)",
            en: "it holds the character \(shown), which text may not contain (a Word report could not open)")
    }

    public static func list(_ minimum: Int) -> LocalizedText {
        minimum > 0
            ? LocalizedText(vi: "cần danh sách có ít nhất \(minimum) mục", en: "a list of at least \(minimum) item(s) is expected")
            : LocalizedText(vi: "cần một danh sách", en: "a list is expected")
    }

    /// Vietnamese lists the words a clerk sees in the template's drop-down list; English the codes.
    public static func oneOf(_ allowed: Choices) -> LocalizedText {
        let words = allowed.labels.map { "“\($0.vi)”" }.joined(separator: ", ")
        let codes = allowed.codes.joined(separator: ", ")
        return LocalizedText(vi: "cần một trong: \(words) (hoặc mã: \(codes))", en: "one of \(codes) is expected")
    }

    public static func notMoreThan(_ other: String) -> LocalizedText {
        LocalizedText(vi: "không được lớn hơn “\(other)”", en: "it must not exceed “\(other)”")
    }

    public static func notBefore(_ other: String) -> LocalizedText {
        LocalizedText(vi: "không được trước “\(other)”", en: "it must not be before “\(other)”")
    }

    // MARK: Admission: who may send what, and references to earlier events

    public static let inTheFuture = LocalizedText(vi: "ngày xảy ra muộn hơn hiện tại quá một ngày", en: "it is more than one day in the future")
    public static let systemSender = LocalizedText(vi: "chỉ hệ thống được gửi sự kiện của SYSTEM", en: "only the daemon sends events as SYSTEM")
    public static let retractable = LocalizedText(vi: "của cùng cơ quan để thu hồi", en: "of the same agency to retract")

    public static func correctable(type: String) -> LocalizedText {
        LocalizedText(vi: "cùng cơ quan và cùng loại “\(type)” để đính chính", en: "of the same agency and type “\(type)” to correct")
    }

    public static func systemType(_ type: String) -> LocalizedText {
        LocalizedText(vi: "loại “\(type)” chỉ do hệ thống tạo", en: "type “\(type)” is written by the daemon only")
    }

    public static func coordinatorsOnly(type: String, coordinators: [String]) -> LocalizedText {
        let list = coordinators.joined(separator: ", ")
        return LocalizedText(vi: "loại “\(type)” chỉ dành cho cơ quan điều phối (\(list))", en: "type “\(type)” is for coordinators only (\(list))")
    }

    public static func mergedAway(_ agency: String, into: String, on effective: LocalDate) -> LocalizedText {
        LocalizedText(vi: "cơ quan \(agency) đã sáp nhập vào \(into) từ ngày \(effective)", en: "agency \(agency) was merged into \(into) on \(effective)")
    }

    public static func dissolved(_ agency: String, on effective: LocalDate) -> LocalizedText {
        LocalizedText(
            vi: "cơ quan \(agency) đã giải thể, kết thúc hoạt động từ ngày \(effective); không gửi sự kiện diễn ra từ ngày đó",
            en: "agency \(agency) was dissolved on \(effective); it sends nothing dated on or after that day")
    }

    public static func notOnTask(_ agency: String, task: String) -> LocalizedText {
        LocalizedText(vi: "\(agency) không chủ trì hay phối hợp nhiệm vụ \(task)", en: "\(agency) neither leads nor coordinates task \(task)")
    }

    public static func dateOutOfRange(_ years: ClosedRange<Int>) -> LocalizedText {
        LocalizedText(
            vi: "ngày phải trong khoảng 01/01/\(years.lowerBound) – 31/12/\(years.upperBound)",
            en: "the date must lie between \(years.lowerBound)-01-01 and \(years.upperBound)-12-31")
    }

    // MARK: The envelope of a record

    public static func eventNotAnObject(_ kind: String) -> LocalizedText {
        LocalizedText(vi: "mỗi sự kiện phải là một đối tượng JSON, không phải \(kind)", en: "each event must be a JSON object, not a \(kind)")
    }

    public static func stringExpected(not kind: String) -> LocalizedText {
        LocalizedText(vi: "cần chuỗi, không phải \(kind)", en: "a string is expected, not a \(kind)")
    }

    public static func objectExpected(not kind: String) -> LocalizedText {
        LocalizedText(vi: "cần đối tượng JSON, không phải \(kind)", en: "an object is expected, not a \(kind)")
    }

    // MARK: Reading files: encodings, JSON syntax, CSV

    public static func unreadable(_ reason: String) -> LocalizedText {
        LocalizedText(vi: "không đọc được tệp (\(reason))", en: "the file cannot be read (\(reason))")
    }

    public static let lineNotUTF8 = LocalizedText(vi: "dòng này không phải UTF-8", en: "this line is not UTF-8")
    public static let notUTFWithBOM = LocalizedText(vi: "tệp không phải UTF-8 hay UTF-16 có BOM", en: "the file is neither UTF-8 nor UTF-16 with a BOM")
    public static let notWindows1258 = LocalizedText(
        vi: "tệp không phải UTF-8 và có byte không thuộc bảng mã Windows-1258",
        en: "the file is not UTF-8 and has bytes that Windows-1258 does not define")
    public static let invalidUTF16 = LocalizedText(vi: "nội dung UTF-16 bị lỗi", en: "the UTF-16 content is invalid")

    public static let unexpectedEnd = LocalizedText(vi: "nội dung kết thúc giữa chừng", en: "the content ends too early")

    public static func unexpectedCharacter(_ character: String, at offset: Int) -> LocalizedText {
        LocalizedText(vi: "ký tự không mong đợi “\(character)” ở byte \(offset)", en: "unexpected character “\(character)” at byte \(offset)")
    }

    public static func tooDeep(_ limit: Int) -> LocalizedText {
        LocalizedText(vi: "lồng nhau sâu quá \(limit) cấp", en: "nesting is deeper than \(limit) levels")
    }

    public static func duplicateKey(_ key: String) -> LocalizedText {
        LocalizedText(vi: "khóa “\(key)” xuất hiện hai lần", en: "the key “\(key)” appears twice")
    }

    public static func invalidEscape(at offset: Int) -> LocalizedText {
        LocalizedText(vi: "chuỗi thoát (\\) không hợp lệ ở byte \(offset)", en: "invalid escape sequence at byte \(offset)")
    }

    public static func invalidNumber(at offset: Int) -> LocalizedText {
        LocalizedText(vi: "số không hợp lệ ở byte \(offset)", en: "invalid number at byte \(offset)")
    }

    public static func trailingContent(at offset: Int) -> LocalizedText {
        LocalizedText(vi: "còn nội dung thừa sau giá trị JSON ở byte \(offset)", en: "extra content after the JSON value at byte \(offset)")
    }

    public static func controlCharacter(at offset: Int) -> LocalizedText {
        LocalizedText(vi: "ký tự điều khiển chưa thoát trong chuỗi ở byte \(offset)", en: "unescaped control character in a string at byte \(offset)")
    }

    public static let unclosedQuote = LocalizedText(vi: "dấu ngoặc kép không được đóng", en: "a quoted cell is never closed")
    public static let quoteInsideCell = LocalizedText(
        vi: "dấu ngoặc kép nằm giữa ô; hãy đặt cả ô trong ngoặc kép và nhân đôi dấu bên trong",
        en: "a quote inside a cell; quote the whole cell and double the inner quotes")
    public static let noHeader = LocalizedText(vi: "tệp rỗng, không có dòng tiêu đề", en: "the file is empty; there is no header row")
    public static let awardsInJSONOnly = LocalizedText(vi: "giải thưởng (awards) chỉ ghi được trong tệp JSON", en: "awards can only be given in JSON files")

    public static func repeatedColumn(_ column: String) -> LocalizedText {
        LocalizedText(vi: "cột “\(column)” lặp lại ở dòng tiêu đề", en: "the column “\(column)” appears twice in the header")
    }

    public static func tooManyCells(_ cells: Int, columns: Int) -> LocalizedText {
        LocalizedText(vi: "dòng có \(cells) ô nhưng tiêu đề chỉ có \(columns) cột", en: "the row has \(cells) cells but the header has \(columns) columns")
    }

    // MARK: Workbooks (.xlsx)

    public static let notAWorkbook = LocalizedText(
        vi: "tệp .xlsx không phải sổ tính Excel (không mở được gói ZIP của nó)",
        en: "the .xlsx file is not an Excel workbook (its ZIP package cannot be opened)")
    public static func workbookPartMissing(_ part: String) -> LocalizedText {
        LocalizedText(vi: "sổ tính thiếu phần “\(part)”", en: "the workbook lacks its part “\(part)”")
    }
    public static func workbookPartUnreadable(_ part: String) -> LocalizedText {
        LocalizedText(vi: "không giải nén được phần “\(part)” của sổ tính", en: "the workbook's part “\(part)” cannot be unpacked")
    }
    public static func unpackedSize(limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "nội dung giải nén vượt \(limit / 1_048_576) MiB", en: "its unpacked content exceeds \(limit / 1_048_576) MiB")
    }
    public static func compressionRatio(_ part: String, limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "phần “\(part)” nén hơn \(limit) lần, dấu hiệu của tệp nén độc hại (ZIP bomb)",
            en: "its part “\(part)” is compressed more than \(limit) times, the mark of a ZIP bomb")
    }
    public static func tooManyRows(sheet: String, limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "trang “\(sheet)” có dòng quá số \(limit)", en: "the sheet “\(sheet)” has rows beyond row \(limit)")
    }
    public static let documentType = LocalizedText(
        vi: "sổ tính chứa khai báo DTD hoặc thực thể XML (<!DOCTYPE, <!ENTITY), điều mà Excel không bao giờ ghi",
        en: "the workbook holds an XML document type or entity declaration (<!DOCTYPE, <!ENTITY), which Excel never writes")
    public static func unknownEntity(_ entity: String) -> LocalizedText {
        LocalizedText(vi: "tham chiếu thực thể XML không hợp lệ “&\(entity)”", en: "an invalid XML entity reference “&\(entity)”")
    }
    public static func xmlSyntax(part: String, offset: Int) -> LocalizedText {
        LocalizedText(
            vi: "XML của phần “\(part)” sai cú pháp ở byte \(offset)", en: "the XML of the part “\(part)” is malformed at byte \(offset)")
    }
    public static func xmlTokenTooLong(part: String, offset: Int, limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "phần “\(part)” có một ô hoặc thẻ XML dài quá \(limit) byte (từ byte \(offset))",
            en: "the part “\(part)” has a cell or XML tag longer than \(limit) bytes (from byte \(offset))")
    }
    public static let passwordProtectedWorkbook = LocalizedText(
        vi:
            "sổ tính được đặt mật khẩu nên không đọc được; hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi gửi lại",
        en:
            "the workbook is protected by a password and cannot be read; remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and send it again"
    )
    public static let oldExcelFormat = LocalizedText(
        vi: "tệp là sổ tính Excel kiểu cũ (.xls) được đổi tên thành .xlsx; hãy mở bằng Excel và lưu lại dạng “Sổ làm việc Excel (*.xlsx)”",
        en: "the file is an old Excel workbook (.xls) renamed .xlsx; open it in Excel and save it as “Excel Workbook (*.xlsx)”")
    public static func tooManyColumns(sheet: String, limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "trang “\(sheet)” có dữ liệu ở ô nằm ngoài \(limit) cột đầu tiên; hãy xóa nội dung ô đó rồi gửi lại",
            en: "the sheet “\(sheet)” has something in a cell beyond its first \(limit) columns; clear that cell and send again")
    }
    public static func tooManySheets(_ count: Int, limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "sổ tính có \(count) trang, quá số \(limit) trang cho phép",
            en: "the workbook has \(count) sheets, more than the \(limit) allowed")
    }
    public static func sharedStringsSize(limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "các chuỗi dùng chung của sổ tính dài hơn \(limit / 1_048_576) MiB",
            en: "the workbook's shared strings hold more than \(limit / 1_048_576) MiB of text")
    }
    public static func tooManyParts(limit: Int) -> LocalizedText {
        LocalizedText(
            vi: "gói ZIP của sổ tính có quá \(limit) phần", en: "the workbook's ZIP package has more than \(limit) parts")
    }
    public static func sharedString(_ index: String, count: Int) -> LocalizedText {
        LocalizedText(
            vi: "ô trỏ tới chuỗi dùng chung số \(index) nhưng sổ tính chỉ có \(count) chuỗi",
            en: "the cell refers to shared string \(index) but the workbook has \(count)")
    }
    public static let cellReference = LocalizedText(vi: "địa chỉ ô không hợp lệ", en: "an invalid cell reference")
    public static func noEventSheet(_ sheets: [String]) -> LocalizedText {
        let names = sheets.map { "“\($0)”" }.joined(separator: ", ")
        return LocalizedText(
            vi:
                "không trang nào có tiêu đề cột của một loại sự kiện (cần ít nhất cột Mã sự kiện và Ngày thực hiện, và cột Loại sự kiện hoặc tên trang là loại sự kiện); các trang: \(names)",
            en:
                "no sheet has the header of an event type (at least the id and occurred_at columns, and a type column or a sheet named after the type); sheets: \(names)"
        )
    }
}
