/// The words of the centre's report across ledgers (`central report`).
public struct CentralReportWords: Bilingual, Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public func title(_ period: String) -> String {
        pick(
            "Báo cáo tổng hợp kết quả tuyên truyền cải cách hành chính của các tỉnh, thành phố — kỳ \(period)",
            "Administrative-reform communication across provinces — \(period)")
    }
    public func scope(region: String?, ledgers: Int) -> String {
        region.map { pick("Vùng \($0): \(ledgers) sổ cái", "Region \($0): \(ledgers) ledgers") } ?? pick("Tất cả: \(ledgers) sổ cái", "All: \(ledgers) ledgers")
    }
    public func range(_ from: String, _ to: String) -> String { pick("Từ ngày \(from) đến ngày \(to)", "From \(from) to \(to)") }
    public var totals: String { pick("Tổng hợp", "Totals") }
    public var byRegion: String { pick("Theo vùng", "By region") }
    public var byLedger: String { pick("Theo tỉnh, thành phố (sổ cái)", "By province (ledger)") }
    public var indicators: String { pick("Chỉ số", "Indicators") }
    public var surveys: String { pick("Khảo sát nhận thức", "Awareness surveys") }
    public var missing: String { pick("Cơ quan, đơn vị chưa gửi báo cáo", "Agencies that have not reported") }
    public var region: String { pick("Vùng", "Region") }
    public var ledger: String { pick("Sổ cái", "Ledger") }
    public var name: String { pick("Tên", "Name") }
    public var qualifiedAgency: String { pick("Cơ quan, đơn vị (sổ cái:mã)", "Agency (ledger:code)") }
    public var ledgers: String { pick("Số sổ cái", "Ledgers") }
    public var size: String { pick("Số sự kiện đã nhận", "Events held") }
    public var articles: String { pick("Tin, bài", "Articles") }
    public var activities: String { pick("Hoạt động", "Activities") }
    public var contests: String { pick("Hội thi", "Contests") }
    public var expected: String { pick("Phải báo cáo", "Expected") }
    public var submitted: String { pick("Đã báo cáo", "Reported") }
    public var rate: String { pick("Tỷ lệ", "Rate") }
    public var audience: String { pick("Đối tượng", "Audience") }
    public var respondents: String { pick("Số người được khảo sát", "Respondents") }
    public var aware: String { pick("Số người biết", "Aware") }
    public var indicator: String { pick("Chỉ số", "Indicator") }
    public var numerator: String { pick("Tử số", "Numerator") }
    public var denominator: String { pick("Mẫu số", "Denominator") }
    public var none: String { pick("Không có.", "None.") }
    public var source: String {
        pick(
            "Số liệu do Trung tâm tổng hợp từ các sổ cái đã được kiểm tra chuỗi băm, cây Merkle và chữ ký điểm kiểm tra.",
            "Figures summed by the centre from ledgers whose hash chain, Merkle tree and checkpoint signatures it checked.")
    }
}
