/// The words people read for every code (issue: one vocabulary with Vietnamese labels).
///
/// The Vietnamese labels follow the wording of Kế hoạch tuyên truyền CCHC and of the
/// province's letters, so that a clerk picks in a drop-down list what the plan calls it,
/// and a report reads like the documents SNV writes by hand. Reports and templates take
/// every label from here; inputs accept the code or the Vietnamese label (`Choices`).

private func words(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

extension Channel: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .portal: words("Cổng thông tin điện tử", "Government portal")
        case .website: words("Trang thông tin điện tử", "Website")
        case .newspaper: words("Báo in", "Newspaper")
        case .radio: words("Đài phát thanh", "Radio")
        case .television: words("Truyền hình", "Television")
        case .loudspeaker: words("Truyền thanh cơ sở", "Local loudspeakers")
        case .zalo: words("Zalo", "Zalo")
        case .facebook: words("Facebook", "Facebook")
        case .youtube: words("YouTube", "YouTube")
        case .bulletin: words("Bản tin", "Bulletin")
        case .publication: words("Ấn phẩm", "Publication")
        case .other: words("Kênh khác", "Other channel")
        }
    }
}

extension ActivityForm: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .training: words("Tập huấn, bồi dưỡng", "Training")
        case .workshop: words("Hội thảo, tọa đàm", "Workshop")
        case .conference: words("Hội nghị", "Conference")
        case .performance: words("Sân khấu hóa, văn nghệ", "Performance")
        case .video: words("Phóng sự, video", "Video")
        case .mobilePropaganda: words("Tuyên truyền lưu động", "Mobile propaganda")
        case .businessDialogue: words("Đối thoại với doanh nghiệp", "Business dialogue")
        case .studyTour: words("Học tập kinh nghiệm", "Study tour")
        case .poster: words("Pa-nô, áp phích", "Poster")
        case .leaflet: words("Tờ rơi, tờ gấp", "Leaflet")
        case .procedureListing: words("Niêm yết thủ tục hành chính", "Procedure listing")
        case .meetingIntegration: words("Lồng ghép trong hội nghị, cuộc họp", "Part of a meeting")
        case .contestLaunch: words("Phát động hội thi", "Contest launch")
        case .other: words("Hình thức khác", "Other form")
        }
    }
}

extension ReviewDecision: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .accepted: words("Đã tiếp nhận", "Accepted")
        case .returned: words("Trả lại", "Returned")
        }
    }
}

extension AgencyKind: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .department: words("Sở, ban, ngành tỉnh", "Provincial department")
        case .district: words("UBND cấp huyện", "District committee")
        case .commune: words("UBND cấp xã", "Commune committee")
        case .press: words("Cơ quan báo chí", "Press")
        case .massOrganisation: words("Mặt trận, đoàn thể", "Mass organisation")
        case .central: words("Cơ quan Trung ương trên địa bàn", "Central agency")
        case .publicUnit: words("Đơn vị sự nghiệp", "Public service unit")
        case .school: words("Trường học", "School")
        case .other: words("Cơ quan khác", "Other agency")
        }
    }
}

extension Audience: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .officials: words("Cán bộ, công chức, viên chức", "Officials")
        case .citizens: words("Người dân, tổ chức", "Citizens and organisations")
        case .businesses: words("Doanh nghiệp", "Businesses")
        }
    }
}

extension SurveyKind: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .awareness: words("Khảo sát nhận thức về CCHC", "Awareness survey")
        case .contestFeedback: words("Ý kiến về Hội thi CCHC", "Contest feedback")
        }
    }
}

extension Recommendation: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .continueContest: words("Tiếp tục tổ chức Hội thi", "Continue the contest")
        case .otherForm: words("Chuyển sang hình thức tuyên truyền khác", "Another form of communication")
        }
    }
}

extension ReportedTaskStatus: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .inProgress: words("Đang thực hiện", "In progress")
        case .done: words("Hoàn thành", "Done")
        }
    }
}

extension TaskStatus: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .done: words("Hoàn thành", "Done")
        case .overdue: words("Quá hạn", "Overdue")
        case .inProgress: words("Đang thực hiện", "In progress")
        case .ongoing: words("Thường xuyên", "Ongoing")
        case .notStarted: words("Chưa thực hiện", "Not started")
        }
    }
}

extension Arrival.Status: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .onTime: words("Đúng hạn", "On time")
        case .late: words("Trễ hạn", "Late")
        case .missing: words("Chưa gửi", "Missing")
        }
    }
}

extension ReportedIndicator: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .staffTrained:
            words(
                "Tỷ lệ cán bộ, công chức, viên chức phụ trách CCHC được tập huấn",
                "Share of reform staff trained")
        case .onlineProcedures:
            words(
                "Tỷ lệ thủ tục hành chính giải quyết bằng dịch vụ công trực tuyến",
                "Share of procedures handled online")
        }
    }
}

extension EventType: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .taskAssigned: words("Giao nhiệm vụ", "Task assigned")
        case .planAdopted: words("Ban hành kế hoạch", "Plan adopted")
        case .initiativeShared: words("Chia sẻ mô hình, sáng kiến", "Initiative shared")
        case .initiativeApplied: words("Áp dụng mô hình, sáng kiến", "Initiative applied")
        case .initiativeProposed: words("Đề xuất mô hình, sáng kiến", "Initiative proposed")
        case .reportReviewed: words("Xem xét báo cáo", "Report reviewed")
        case .commentPosted: words("Ý kiến trao đổi", "Comment")
        case .reminderSent: words("Nhắc hạn báo cáo", "Reminder sent")
        case .agencyDissolved: words("Giải thể, kết thúc hoạt động cơ quan", "Agency dissolved")
        case .taskReported: words("Tiến độ nhiệm vụ", "Task progress")
        case .articlePublished: words("Tin, bài tuyên truyền", "Article published")
        case .contestHeld: words("Hội thi", "Contest held")
        case .surveySubmitted: words("Kết quả khảo sát", "Survey results")
        case .activityHeld: words("Hoạt động tuyên truyền", "Activity held")
        case .indicatorReported: words("Số liệu chỉ tiêu", "Indicator reported")
        case .reportSubmitted: words("Gửi báo cáo định kỳ", "Report submitted")
        case .eventRetracted: words("Hủy sự kiện đã gửi", "Event retracted")
        case .agencyRegistered: words("Đăng ký cơ quan", "Agency registered")
        case .agencyRenamed: words("Đổi tên cơ quan", "Agency renamed")
        case .agencyMerged: words("Hợp nhất cơ quan", "Agencies merged")
        case .targetSet: words("Đặt chỉ tiêu", "Target set")
        case .reportGenerated: words("Báo cáo tổng hợp đã ban hành", "Report issued")
        }
    }

    /// The type written as its code or its Vietnamese label.
    public static func named(_ input: String) -> EventType? {
        EventType(rawValue: input) ?? inputChoices.code(for: input).flatMap(EventType.init(rawValue:))
    }

    private static let inputChoices = EventType.choices
}

extension TargetIndicator {
    /// "Tỷ lệ cán bộ, công chức, viên chức được khảo sát nắm vững mục tiêu CCHC", and for a
    /// task count "Số Tập huấn, bồi dưỡng của nhiệm vụ KH2024-08".
    public func label(in language: Language, taskTitle: String? = nil) -> String {
        switch self {
        case .awareness(let audience):
            let vi: String =
                switch audience {
                case .officials: "Tỷ lệ cán bộ, công chức, viên chức được khảo sát nắm vững mục tiêu, nhiệm vụ CCHC"
                case .citizens: "Tỷ lệ người dân, tổ chức được khảo sát hiểu rõ mục đích, ý nghĩa của CCHC"
                case .businesses: "Tỷ lệ doanh nghiệp được khảo sát hiểu rõ mục đích, ý nghĩa của CCHC"
                }
            return language == .vi ? vi : "Awareness among \(audience.label.en.lowercased())"
        case .reported(let indicator):
            return indicator.label.text(in: language)
        case .taskCount(let task, let measure):
            let what =
                ActivityForm(rawValue: measure)?.label ?? Channel(rawValue: measure)?.label ?? LocalizedText(vi: measure, en: measure)
            let title = taskTitle.map { " (\($0))" } ?? ""
            return language == .vi
                ? "Số lượt \(what.vi.lowercased()) của nhiệm vụ \(task)\(title)"
                : "\(what.en) count of task \(task)\(title)"
        }
    }
}
