/// The fixed words of the Word reports' page (Decree 30/2020/NĐ-CP): the national name
/// and motto (always in Vietnamese, as the decree has them), the document's kind and title,
/// the place and date, the recipients and the signature block.
public struct DocumentWords: Bilingual, Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public var nationalName: String { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }
    public var motto: String { "Độc lập - Tự do - Hạnh phúc" }
    /// "Số: …/BC-SNV": the number line of a report (BC) by the issuer's code.
    public func numberLine(issuer code: String) -> String { "Số: …/BC-\(code)" }
    public var kind: String { pick("BÁO CÁO", "REPORT") }
    public func title(_ periodInWords: String) -> String {
        pick("Kết quả công tác tuyên truyền cải cách hành chính \(periodInWords)", "Results of administrative-reform communication, \(periodInWords)")
    }
    public var recipients: String { pick("Nơi nhận:", "Recipients:") }
    public var director: String { pick("GIÁM ĐỐC", "DIRECTOR") }
    public var headOfAgency: String { pick("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "HEAD OF THE AGENCY") }
    public var signatureNote: String { pick("(Ký, ghi rõ họ tên, đóng dấu)", "(signature, name, seal)") }
    /// The names used when the registry has none for UBND and SNV.
    public var provincialCommittee: String { pick("Ủy ban nhân dân tỉnh", "Provincial People's Committee") }
    public var homeAffairs: String { pick("Sở Nội vụ", "Department of Home Affairs") }
    /// The same, as the header writes them whatever the language (Decree 30 headers are Vietnamese).
    public var provincialCommitteeHeader: String { "Ủy ban nhân dân tỉnh" }
    public var homeAffairsHeader: String { "Sở Nội vụ" }

    /// The consolidated report's recipients.
    public var consolidatedRecipients: [String] {
        language == .vi
            ? ["- Ủy ban nhân dân tỉnh (b/c);", "- Các sở, ban ngành tỉnh;", "- UBND các huyện, thị xã, thành phố;", "- Lưu: VT, CCHC."]
            : ["- Provincial People's Committee (for report);", "- Provincial departments;", "- District people's committees;", "- Archive."]
    }

    /// An agency report's recipients: its superior and SNV, which consolidates.
    public func agencyRecipients(superior: String, through: String) -> [String] {
        language == .vi
            ? ["- \(superior) (b/c);", "- \(through) (tổng hợp);", "- Lưu: VT."]
            : ["- \(superior) (for report);", "- \(through) (to consolidate);", "- Archive."]
    }

    /// "Sóc Trăng, ngày 31 tháng 12 năm 2024" (months 1 and 2 with a leading zero, as
    /// Decree 30 asks); "Sóc Trăng, 2024-12-31" in English.
    public func placeAndDate(province: String, date: LocalDate) -> String {
        guard language == .vi else { return "\(province), \(date)" }
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "\(province), ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// The place and a date left for the signer to fill in.
    public func placeAndBlankDate(province: String, year: Int) -> String {
        pick("\(province), ngày …  tháng …  năm \(year)", "\(province), … \(year)")
    }
}
