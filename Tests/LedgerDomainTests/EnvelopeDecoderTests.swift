import Testing

@testable import LedgerDomain

struct EnvelopeDecoderTests {
    /// Decodes as the daemon's own decoder does, which also knows the `SYSTEM` types' schema.
    static func decode(_ text: String, folder: String? = "BST") -> Result<EventDraft, DecodingProblems> {
        let value = try! JSONParser().parse(Array(text.utf8))
        return EnvelopeDecoder(acceptsSystemTypes: true).decode(value, folderAgency: folder)
    }

    @Test func aClerksSystemTypeIsNotPermittedWhateverItsData() throws {
        for data in [#"{}"#, #"{"period":"x"}"#] {
            let value = try JSONParser().parse(Array(#"{"id":"g","type":"report.generated","occurred_at":"2024-01-01","data":\#(data)}"#.utf8))
            guard case .failure(let failure) = EnvelopeDecoder().decode(value, folderAgency: "BST") else {
                Issue.record("accepted")
                continue
            }
            #expect(failure.problems.map(\.code) == [.notPermitted] && failure.problems.first?.field == "type")
        }
    }

    /// One valid event of every type a file may carry (CONTRACT §5).
    static let validEvents: [String] = [
        #"{"id":"t1","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"KH2024-01","title":"T","plan":"P","lead":["BST","kind:district"],"coordinating":[],"window":{"from":"2024-01","to":"2024-02"},"contents":["a"]}}"#,
        #"{"id":"t2","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"KH2024-12","title":"T","plan":"P","lead":["STTTT"],"window":"ongoing"}}"#,
        #"{"id":"r1","type":"task.reported","occurred_at":"2024-02-01","data":{"task":"KH2024-01","status":"in_progress","note":"n"}}"#,
        #"{"id":"a1","type":"article.published","occurred_at":"2024-02-01T08:00:00+07:00","data":{"title":"T","channel":"zalo","outlet":"O","url":"https://x","task":"KH2024-01"}}"#,
        #"{"id":"c1","type":"contest.held","occurred_at":"2024-09-10","data":{"title":"H","theme":"x","start":"15/06/2024","end":"2024-09-10","participants":10,"entries":3,"awards":[{"rank":1,"winner":"W","agency":"SNV"}],"task":"KH2024-06"}}"#,
        #"{"id":"s1","type":"survey.submitted","occurred_at":"2024-05-01","data":{"kind":"awareness","audience":"citizens","respondents":10,"aware":10}}"#,
        #"{"id":"s2","type":"survey.submitted","occurred_at":"2024-01-20","data":{"kind":"contest-feedback","contest":"HT-CCHC-2023","assessment":"tốt","recommendation":"other-form","proposal":"p","other":"o"}}"#,
        #"{"id":"h1","type":"activity.held","occurred_at":"2024-03-01","data":{"form":"business-dialogue","title":"Cà phê sáng với doanh nghiệp","participants":0}}"#,
        #"{"id":"i1","type":"indicator.reported","occurred_at":"2024-06-01","data":{"indicator":"online-procedures","numerator":0,"denominator":1}}"#,
        #"{"id":"p1","type":"report.submitted","occurred_at":"2024-06-01","data":{"period":"2024-9M","document":"45/BC-STTTT"}}"#,
        #"{"id":"x1","type":"event.retracted","occurred_at":"2024-06-01","data":{"event":"p1","reason":"sai"}}"#,
        #"{"id":"g1","type":"agency.registered","occurred_at":"2024-01-01","data":{"code":"UBND-XA","name":"UBND xã","kind":"commune","parent":"UBND-MX"}}"#,
        #"{"id":"g2","type":"agency.renamed","occurred_at":"2024-01-01","data":{"code":"SNV","name":"Sở Nội vụ (mới)"}}"#,
        #"{"id":"g3","type":"agency.merged","occurred_at":"2025-07-01","data":{"from":["UBND-MX","UBND-TD"],"into":"UBND-CT","effective":"2025-07-01"}}"#,
        #"{"id":"k1","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"awareness.businesses","min":"0.75"}}"#,
        #"{"id":"k2","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"task:KH2024-02:performance","min":"5"}}"#,
        #"{"id":"g4","type":"agency.dissolved","occurred_at":"2025-06-20","data":{"code":"UBND-MX","effective":"2025-07-01","successors":["UBND"],"note":"Nghị quyết sắp xếp"}}"#,
        #"{"id":"g5","type":"agency.renamed","occurred_at":"2025-07-01","data":{"code":"UBND-XA1","name":"UBND phường 1","parent":"UBND","kind":"commune"}}"#,
        #"{"id":"k4","type":"target.set","occurred_at":"2025-01-02","data":{"indicator":"awareness.citizens","min":"0.9","plan":"KH-TTCCHC-2025"}}"#,
        #"{"id":"p1","type":"plan.adopted","occurred_at":"2025-01-02","data":{"plan":"KH-TTCCHC-2025","title":"Kế hoạch 2025","year":2025,"document":"12/KH-UBND","signed":"2025-01-02"}}"#,
        #"{"id":"i1","type":"initiative.shared","occurred_at":"2024-02-01","data":{"initiative":"MH-2023-01","title":"Một cửa thân thiện","origin":"UBND-TD","award":"Giải Nhất Hội thi CCHC năm 2023","url":"https://example.org/mh"}}"#,
        #"{"id":"i2","type":"initiative.applied","occurred_at":"2024-03-01","data":{"initiative":"MH-2023-01","since":"2024-02-20","result":"Rút ngắn thời gian chờ"}}"#,
        #"{"id":"i3","type":"initiative.proposed","occurred_at":"2024-05-02","data":{"title":"Sổ tay điện tử","description":"Tra cứu thủ tục trên điện thoại","benefit":"Giảm đi lại"}}"#,
        #"{"id":"r1","type":"report.reviewed","occurred_at":"2024-04-20","data":{"agency":"BST","period":"2024-Q1","decision":"returned","reason":"Thiếu số liệu tập huấn"}}"#,
        #"{"id":"c1","type":"comment.posted","occurred_at":"2024-04-21","data":{"agency":"BST","period":"2024-Q1","text":"Đã bổ sung, xin gửi lại."}}"#,
        #"{"id":"m1","type":"reminder.sent","occurred_at":"2024-03-12","data":{"agency":"BST","period":"2024-Q1","due":"2024-03-17","offset":-5,"recipients":["lan.bst"]}}"#,
        #"{"id":"k3","type":"report.generated","occurred_at":"2024-01-01","data":{"period":"2024-Q1","edition":1,"through_seq":1,"head_hash":"ab","files":[]}}"#,
    ]

    @Test(arguments: validEvents)
    func acceptsAValidEventOfEveryType(_ text: String) throws {
        let draft = try Self.decode(text).get()
        #expect(draft.agency == "BST")
    }

    @Test func coversEveryEventType() {
        let types = Set(Self.validEvents.compactMap { try? Self.decode($0).get().type })
        #expect(types == Set(EventType.allCases))
    }

    @Test func normalisesTextDatesWindowsAndLists() throws {
        let draft = try Self.decode(
            #"{"id":" t1 ","type":"task.assigned","occurred_at":"01/02/2024","data":{"task":"KH2024-01","title":"  Tha\#u{0300}nh  ","plan":"P","lead":["BST"],"window":{"from":"2024-06","to":"2024-09"}}}"#
        ).get()
        #expect(draft.id == "t1")
        #expect(draft.occurredAt.storedText == "2024-02-01")
        #expect(draft.data["title"] == .string("Thành"))
        #expect(draft.data["coordinating"] == .array([]))
        #expect(
            draft.canonicalData
                == #"{"coordinating":[],"lead":["BST"],"plan":"P","task":"KH2024-01","title":"Thành","window":{"from":"2024-06","to":"2024-09"}}"#)
        let contest = try Self.decode(
            #"{"id":"c","type":"contest.held","occurred_at":"2024-09-10","data":{"title":"H","start":"2024-06-15T23:30:00Z","end":"10/09/2024","participants":1}}"#
        ).get()
        #expect(contest.data["start"] == .string("2024-06-16"))
        #expect(contest.data["end"] == .string("2024-09-10"))
    }

    /// Invalid forms: each names the field and code it must produce.
    static let invalidEvents: [(String, String, ErrorCode)] = [
        (#"{"type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo"}}"#, "id", .missingField),
        (#"{"id":"bad id!","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo"}}"#, "id", .invalidValue),
        (#"{"id":"a","type":"article.deleted","occurred_at":"2024-01-01","data":{}}"#, "type", .unknownType),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo"},"extra":1}"#, "extra", .unknownField),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"tiktok"}}"#, "data.channel", .invalidValue),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"channel":"zalo"}}"#, "data.title", .missingField),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"  ","channel":"zalo"}}"#, "data.title", .invalidValue),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo","views":3}}"#, "data.views", .unknownField),
        (#"{"id":"a","type":"article.published","occurred_at":"03/25/2024","data":{"title":"T","channel":"zalo"}}"#, "occurred_at", .invalidDate),
        (
            #"{"id":"a","type":"article.published","agency":"DPTTH","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo"}}"#, "agency",
            .agencyMismatch
        ),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01"}"#, "data", .missingField),
        (#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":[]}"#, "data", .invalidValue),
        (
            #"{"id":"s","type":"survey.submitted","occurred_at":"2024-01-01","data":{"kind":"awareness","audience":"citizens","respondents":10,"aware":11}}"#,
            "data.aware", .invalidValue
        ),
        (
            #"{"id":"s","type":"survey.submitted","occurred_at":"2024-01-01","data":{"kind":"awareness","audience":"citizens","respondents":0,"aware":0}}"#,
            "data.respondents", .invalidValue
        ),
        (
            #"{"id":"s","type":"survey.submitted","occurred_at":"2024-01-01","data":{"kind":"awareness","audience":"farmers","respondents":1,"aware":0}}"#,
            "data.audience", .invalidValue
        ),
        (
            #"{"id":"s","type":"survey.submitted","occurred_at":"2024-01-01","data":{"kind":"awareness","audience":"citizens","respondents":1,"aware":0,"recommendation":"other-form"}}"#,
            "data.recommendation", .unknownField
        ),
        (
            #"{"id":"s","type":"survey.submitted","occurred_at":"2024-01-01","data":{"kind":"contest-feedback","contest":"C","assessment":"A","recommendation":"stop"}}"#,
            "data.recommendation", .invalidValue
        ),
        (
            #"{"id":"i","type":"indicator.reported","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","numerator":5,"denominator":4}}"#,
            "data.numerator", .invalidValue
        ),
        (
            #"{"id":"i","type":"indicator.reported","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","numerator":1,"denominator":0}}"#,
            "data.denominator", .invalidValue
        ),
        (
            #"{"id":"i","type":"indicator.reported","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","numerator":1.5,"denominator":4}}"#,
            "data.numerator", .invalidValue
        ),
        (
            #"{"id":"i","type":"indicator.reported","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","numerator":-1,"denominator":4}}"#,
            "data.numerator", .invalidValue
        ),
        (
            #"{"id":"i","type":"indicator.reported","occurred_at":"2024-01-01","data":{"indicator":"happiness","numerator":1,"denominator":4}}"#,
            "data.indicator", .invalidValue
        ),
        (#"{"id":"h","type":"activity.held","occurred_at":"2024-01-01","data":{"form":"party","title":"T"}}"#, "data.form", .invalidValue),
        (
            #"{"id":"h","type":"activity.held","occurred_at":"2024-01-01","data":{"form":"video","title":"T","participants":"12"}}"#, "data.participants",
            .invalidValue
        ),
        (
            #"{"id":"c","type":"contest.held","occurred_at":"2024-01-01","data":{"title":"T","start":"2024-02-01","end":"2024-01-01","participants":1}}"#,
            "data.end", .invalidDate
        ),
        (
            #"{"id":"c","type":"contest.held","occurred_at":"2024-01-01","data":{"title":"T","start":"2024-13-01","end":"2024-01-01","participants":1}}"#,
            "data.start", .invalidDate
        ),
        (
            #"{"id":"c","type":"contest.held","occurred_at":"2024-01-01","data":{"title":"T","start":"2024-01-01","end":"2024-01-01","participants":1,"awards":[{"rank":"1","winner":"W"},{"winner":"X"}]}}"#,
            "data.awards[2].rank", .missingField
        ),
        (
            #"{"id":"c","type":"contest.held","occurred_at":"2024-01-01","data":{"title":"T","start":"2024-01-01","end":"2024-01-01","participants":1,"awards":[{"rank":"1","winner":"W","prize":5}]}}"#,
            "data.awards[1].prize", .unknownField
        ),
        (
            #"{"id":"t","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"K","title":"T","plan":"P","lead":[],"window":"ongoing"}}"#,
            "data.lead", .invalidValue
        ),
        (
            #"{"id":"t","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"K","title":"T","plan":"P","lead":["kind:village"],"window":"ongoing"}}"#,
            "data.lead[1]", .invalidValue
        ),
        (
            #"{"id":"t","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"K","title":"T","plan":"P","lead":["BST"],"window":{"from":"2024-09","to":"2024-06"}}}"#,
            "data.window", .invalidValue
        ),
        (
            #"{"id":"t","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"K","title":"T","plan":"P","lead":["BST"],"window":{"from":"2024-9"}}}"#,
            "data.window.to", .missingField
        ),
        (
            #"{"id":"t","type":"task.assigned","occurred_at":"2024-01-01","data":{"task":"K","title":"T","plan":"P","lead":["BST"],"window":"always"}}"#,
            "data.window", .invalidValue
        ),
        (#"{"id":"p","type":"report.submitted","occurred_at":"2024-01-01","data":{"period":"2024-Q5"}}"#, "data.period", .invalidValue),
        (#"{"id":"g","type":"agency.registered","occurred_at":"2024-01-01","data":{"code":"bst","name":"B","kind":"press"}}"#, "data.code", .invalidValue),
        (#"{"id":"g","type":"agency.registered","occurred_at":"2024-01-01","data":{"code":"BST2","name":"B","kind":"ministry"}}"#, "data.kind", .invalidValue),
        (
            #"{"id":"g","type":"agency.merged","occurred_at":"2024-01-01","data":{"from":["A1"],"into":"A1","effective":"2025-07-01"}}"#, "data.into",
            .invalidValue
        ),
        (#"{"id":"k","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","min":"1.2"}}"#, "data.min", .invalidValue),
        (#"{"id":"k","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"staff-trained","min":0.8}}"#, "data.min", .invalidValue),
        (
            #"{"id":"k","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"task:KH2024-02:performance","min":"4.5"}}"#, "data.min",
            .invalidValue
        ),
        (
            #"{"id":"k","type":"target.set","occurred_at":"2024-01-01","data":{"indicator":"task:KH2024-02:dancing","min":"4"}}"#, "data.indicator",
            .invalidValue
        ),
        (#"{"id":"x","type":"event.retracted","occurred_at":"2024-01-01","data":{"event":"a"}}"#, "data.reason", .missingField),
        (
            #"{"id":"a","type":"article.published","occurred_at":"2024-01-01","corrects":"no such/id","data":{"title":"T","channel":"zalo"}}"#, "corrects",
            .invalidValue
        ),
    ]

    @Test(arguments: invalidEvents)
    func reportsTheFieldAndCodeOfAnInvalidForm(_ text: String, _ field: String, _ code: ErrorCode) throws {
        guard case .failure(let failure) = Self.decode(text) else {
            Issue.record("expected \(code.rawValue) at \(field)")
            return
        }
        #expect(failure.problems.contains { $0.field == field && $0.code == code }, "got \(failure.problems.map { "\($0.field ?? "-"):\($0.code.rawValue)" })")
    }

    @Test func listsEveryProblemOfAnEvent() throws {
        guard case .failure(let failure) = Self.decode(#"{"id":"a","type":"article.published","occurred_at":"x","data":{"channel":"tv","n":1}}"#) else {
            Issue.record("expected problems")
            return
        }
        #expect(Set(failure.problems.compactMap(\.field)) == ["occurred_at", "data.n", "data.channel", "data.title"])
    }

    @Test func aTextOfMoreThan4000ScalarsIsRefused() {
        let title = String(repeating: "ệ", count: 4001)
        let result = Self.decode(#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"\#(title)","channel":"zalo"}}"#)
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.problems.first?.field == "data.title")
        let exact = String(repeating: "ệ", count: 4000)
        #expect(
            (try? Self.decode(#"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"\#(exact)","channel":"zalo"}}"#).get()) != nil)
    }

    @Test func withoutAFolderTheAgencyIsRequired() {
        guard
            case .failure(let failure) = Self.decode(
                #"{"id":"a","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo"}}"#, folder: nil)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.problems.map(\.field) == ["agency"])
    }
}
