import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest

/// The formats and encodings of CONTRACT §4, each read by the real ingestor from a real file.
struct FileFormatTests {
    @Test func ndjsonAllowsBlankLinesCRLFAndABOMAndCountsPhysicalLines() throws {
        let fixture = try IngestFixture()
        let text = "\u{FEFF}" + IngestFixture.article("a1") + "\r\n\r\n   \r\n" + IngestFixture.article("a2", channel: "tv") + "\r\n"
        let outcome = try fixture.ingest("n.ndjson", text)
        #expect(outcome.places == ["4:data.channel:invalid_value"])
    }

    @Test func ndjsonReportsEachMalformedLine() throws {
        let fixture = try IngestFixture()
        let outcome = try fixture.ingest("n.jsonl", [IngestFixture.article("a1"), "{not json", "[1]", IngestFixture.article("a4")].joined(separator: "\n"))
        #expect(outcome.codes == [.malformed, .malformed])
        #expect(outcome.problems.map(\.line) == [2, 3])
    }

    @Test func jsonArrayErrorsNameThePosition() throws {
        let fixture = try IngestFixture()
        let outcome = try fixture.ingest(
            "a.json",
            "[" + [IngestFixture.article("a1"), IngestFixture.article("a2"), IngestFixture.article("a3", date: "2024-02-30")].joined(separator: ",\n") + "]")
        #expect(outcome.places == ["3:occurred_at:invalid_date"])
        let single = try fixture.ingest("o.json", IngestFixture.article("o1", channel: "x"))
        #expect(single.places == ["1:data.channel:invalid_value"])
        #expect(try fixture.ingest("e.json", "[]").status == .accepted)
    }

    @Test func nestingDeeperThan32IsMalformed() throws {
        let fixture = try IngestFixture()
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let outcome = try fixture.ingest("d.json", IngestFixture.article("a1", extra: #","x":\#(deep)"#))
        #expect(outcome.codes == [.malformed])
        let shallow = try fixture.ingest("s.json", IngestFixture.article("a2", extra: #","x":[[1]]"#))
        #expect(shallow.places == ["1:data.x:unknown_field"])
    }

    @Test func semicolonCSVFromAVietnameseExcel() throws {
        let fixture = try IngestFixture()
        let csv =
            "\u{FEFF}id;type;occurred_at;form;title;participants;task\r\n"
            + "H1;activity.held;15/03/2024;performance;\"Tiểu phẩm \"\"Một cửa\"\"; lưu động\";420;KH2024-02\r\n"
            + "H2;activity.held;16/03/2024;workshop;Hội thảo;;\r\n"
        let outcome = try fixture.ingest("bieu-dien.csv", csv, agency: "SVHTTDL")
        #expect(outcome.status == .accepted && outcome.appended == 2, "\(outcome.places)")
        let events = try fixture.storedEvents(agency: "SVHTTDL")
        #expect(events[0].data == #"{"form":"performance","participants":420,"task":"KH2024-02","title":"Tiểu phẩm \"Một cửa\"; lưu động"}"#)
        #expect(events[0].occurredAt == "2024-03-15" && events[0].sourceLine == 2)
        #expect(events[1].data == #"{"form":"workshop","title":"Hội thảo"}"#)
    }

    @Test func csvWithVietnameseHeadersAndLabelsIsReadLikeCodes() throws {
        let fixture = try IngestFixture()
        let csv =
            "Mã sự kiện;Loại sự kiện;Ngày thực hiện;Hình thức;Tên hoạt động;Số người tham gia;Nhiệm vụ\r\n"
            + "V1;activity.held;05/03/2024;Tập huấn, bồi dưỡng;Tập huấn;45;KH2024-05 — Tập huấn nghiệp vụ\r\n"
            + ";;;;;;\r\n"
        let outcome = try fixture.ingest("viet.csv", csv, agency: "UBND-TD")
        #expect(outcome.status == .accepted && outcome.appended == 1, "\(outcome.places)")
        let events = try fixture.storedEvents(agency: "UBND-TD")
        #expect(events.first?.data == #"{"form":"training","participants":45,"task":"KH2024-05","title":"Tập huấn"}"#)
    }

    /// LibreOffice's "save as CSV" of a filled template: labels in row 1, codes in row 2, and
    /// rows whose only cells are the template's pre-filled id and type are not events.
    @Test func aTemplateSavedAsCSVIsReadByItsCodeRow() throws {
        let fixture = try IngestFixture()
        let csv =
            "Mã sự kiện,Loại sự kiện,Ngày thực hiện,Hình thức,Tên hoạt động\n"
            + "id,type,occurred_at,form,title\n"
            + "HD-001,activity.held,12/03/2024,tuyên truyền lưu động,Xe loa\n"
            + "HD-002,activity.held,,,\n"
            + "HD-003,activity.held,13/03/2024,Training course,Xe loa\n"
        let outcome = try fixture.ingest("mau.csv", csv, agency: "UBND-TD")
        #expect(outcome.places == ["5:data.form:invalid_value"], "the code row is not an event and line numbers stay physical")
        let fixed = try fixture.ingest("mau2.csv", csv.replacingOccurrences(of: "Training course", with: "Hội nghị"), agency: "UBND-TD")
        #expect(fixed.status == .accepted && fixed.appended == 2, "\(fixed.places)")
    }

    @Test func commaCSVWithListsWindowsAndAMultiLineCell() throws {
        let fixture = try IngestFixture()
        let csv =
            "id,type,occurred_at,task,title,plan,lead,coordinating,window\n"
            + "t1,task.assigned,2024-03-01,KH2024-30,\"Nhiệm vụ\nhai dòng\",P,BST;DPTTH,kind:district,2024-06..2024-09\n"
            + "t2,task.assigned,2024-03-01,KH2024-31,Một tháng,P,BST,,2024-05\n"
            + "t3,task.assigned,2024-03-01,KH2024-32,Thường xuyên,P,,,ongoing\n"
        let outcome = try fixture.ingest("tasks.csv", csv, agency: "SNV")
        // Row t3 starts on physical line 5 because row t1's title spans two lines.
        #expect(outcome.places == ["5:data.lead:missing_field"])
        let fixed = try fixture.ingest("tasks2.csv", csv.replacingOccurrences(of: "P,,,ongoing", with: "P,STTTT,,ongoing"), agency: "SNV")
        #expect(fixed.status == .accepted)
        let events = try fixture.storedEvents(agency: "SNV")
        #expect(
            events.map(\.data) == [
                #"{"coordinating":["kind:district"],"lead":["BST","DPTTH"],"plan":"P","task":"KH2024-30","title":"Nhiệm vụ\nhai dòng","window":{"from":"2024-06","to":"2024-09"}}"#,
                #"{"coordinating":[],"lead":["BST"],"plan":"P","task":"KH2024-31","title":"Một tháng","window":{"from":"2024-05","to":"2024-05"}}"#,
                #"{"coordinating":[],"lead":["STTTT"],"plan":"P","task":"KH2024-32","title":"Thường xuyên","window":"ongoing"}"#,
            ])
    }

    @Test func csvColumnsAreCheckedLikeJSONFields() throws {
        let fixture = try IngestFixture()
        let csv =
            "id\ttype\toccurred_at\ttitle\tchannel\tviews\n"
            + "a1\tarticle.published\t2024-01-05\tT\tzalo\t\n"
            + "a2\tarticle.published\t2024-01-05\tT\tzalo\t30\n"
            + "a3\tarticle.published\t2024-01-05\t\tzalo\t\n"
        let outcome = try fixture.ingest("t.tsv", csv)
        #expect(outcome.places == ["3:data.views:unknown_field", "4:data.title:missing_field"])
        let noHeader = try fixture.ingest("h.csv", "type,occurred_at\narticle.published,2024-01-01\n")
        #expect(noHeader.places == ["1:id:missing_field"])
    }

    @Test func windows1258CSVIsReadAndStoredAsNFC() throws {
        let fixture = try IngestFixture()
        // "Tập huấn" as Excel writes it in Windows-1258: tone marks as separate bytes (0xF2 = dot below, 0xEC = acute).
        var bytes = Array("id;type;occurred_at;form;title\r\nV1;activity.held;12/04/2024;training;T".utf8)
        bytes += [0xE2, 0xF2, 0x70, 0x20, 0x68, 0x75, 0xE2, 0xEC, 0x6E] + Array("\r\n".utf8)
        let outcome = try fixture.ingest("excel.csv", bytes: bytes, agency: "UBND-VC")
        #expect(outcome.status == .accepted, "\(outcome.places)")
        let title = try #require(try fixture.storedEvents(agency: "UBND-VC").first).data
        #expect(title == #"{"form":"training","title":"Tập huấn"}"#)
        #expect(title.unicodeScalars.contains("\u{1EAD}"))  // ậ precomposed

        fixture.configuration.csvFallbackEncoding = .none
        #expect(try fixture.ingest("excel2.csv", bytes: bytes, agency: "UBND-VC").places == ["-:-:encoding"])
    }

    @Test(arguments: [true, false])
    func utf16WithABOMIsConverted(littleEndian: Bool) throws {
        let fixture = try IngestFixture()
        let text = IngestFixture.article("u1", title: "Cải cách hành chính")
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 { bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let outcome = try fixture.ingest("unicode.json", bytes: bytes)
        #expect(outcome.status == .accepted)
        #expect(try fixture.storedEvents(agency: "BST").first?.data.contains("Cải cách hành chính") == true)
        let csv = try fixture.ingest("unicode.ndjson", bytes: bytes)
        #expect(csv.status == .accepted && csv.duplicates == 1)
    }

    @Test func jsonThatIsNotUTF8IsAnEncodingError() throws {
        let fixture = try IngestFixture()
        var bytes = Array(IngestFixture.article("x1").utf8)
        bytes[bytes.count - 5] = 0xE9  // a Latin-1 é
        #expect(try fixture.ingest("latin.json", bytes: bytes).codes == [.encoding])
        #expect(try fixture.ingest("latin.ndjson", bytes: bytes).places == ["1:-:encoding"])
    }

    @Test func tooLargeAndUnsupportedFormatsAreRefusedWhole() throws {
        let fixture = try IngestFixture()
        fixture.configuration.maxFileBytes = 100
        let big = try fixture.ingest("big.ndjson", IngestFixture.article("a1") + "\n" + IngestFixture.article("a2"))
        #expect(big.places == ["-:-:too_large"] && big.sha256 != nil)
        let word = try fixture.ingest("report.docx", "PK")
        #expect(word.places == ["-:-:unsupported_format"])
        // A workbook is read, and one that is not a ZIP package says so.
        let excel = try fixture.ingest("report.xlsx", "PK")
        #expect(excel.places == ["-:-:malformed"])
    }
}
