import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// Models and initiatives as the seeds ask for them: SNV shares the three models awarded at
/// the 2023 contest, four agencies apply them at different dates (one through its Excel
/// template), one proposes a new model, which SNV then shares through its plan workbook.
/// Every period's figures equal a count by hand, in every format.
struct InitiativesTests {
    func drop(_ fixture: CLIFixture, agency: String, _ name: String, _ lines: [String]) throws -> [String: JSONValue] {
        let file = fixture.folder.write(name, lines.joined(separator: "\n"))
        let result = try fixture.run(["ingest", "--agency", agency, "--json", file])
        let entry = try fixture.json(result.stdout).objectValue?["files"]?.arrayValue?.first?.objectValue
        return Dictionary((entry?.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    func fill(_ script: String, _ template: String, _ out: String) throws {
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, template, out])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func sharedAppliedAndProposedModelsAreCountedInEveryFormat() throws {
        let fixture = try CLIFixture()
        let shared = try drop(
            fixture, agency: "SNV", "mo-hinh-2023.ndjson",
            [
                #"{"id":"MH1","type":"initiative.shared","occurred_at":"2024-02-01","data":{"initiative":"MH-2023-01","title":"Bộ phận một cửa thân thiện","origin":"UBND-TD","award":"Giải Nhất Hội thi CCHC năm 2023"}}"#,
                #"{"id":"MH2","type":"initiative.shared","occurred_at":"2024-02-01","data":{"initiative":"MH-2023-02","title":"Zalo tiếp nhận phản ánh","origin":"UBND-MX","award":"Giải Nhì Hội thi CCHC năm 2023"}}"#,
                #"{"id":"MH3","type":"initiative.shared","occurred_at":"2024-02-01","data":{"initiative":"MH-2023-03","title":"Tủ sách pháp luật điện tử","origin":"Tỉnh Đồng Tháp","award":"Giải Ba Hội thi CCHC năm 2023"}}"#,
            ])
        #expect(shared["status"] == .string("accepted"), "\(shared)")
        // Decree 09 quarters: Q1 2023-12-15…2024-03-14, Q2 …06-14, Q3 …09-14.
        for (agency, code, since) in [("BST", "MH-2023-01", "2024-02-20"), ("STTTT", "MH-2023-02", "2024-03-05"), ("UBND-VC", "MH-2023-01", "2024-04-10")] {
            let applied = try drop(
                fixture, agency: agency, "ap-dung-\(agency).ndjson",
                [#"{"id":"AD-1","type":"initiative.applied","occurred_at":"\#(since)","data":{"initiative":"\#(code)","since":"\#(since)"}}"#])
            #expect(applied["status"] == .string("accepted"), "\(agency): \(applied)")
        }
        // The fourth applies through its Excel template: the shared models in a drop-down.
        let template = fixture.folder.file("mau-SGDDT.xlsx"), filled = fixture.folder.file("sgddt.xlsx")
        #expect(try fixture.run(["template", "--agency", "SGDDT", "--out", template]).status == 0)
        try fill(
            """
            import datetime, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Áp dụng mô hình, sáng kiến"]
            validation = next(v for v in sheet.data_validations.dataValidation if "D" in str(v.sqref))
            name, cells = validation.formula1.rsplit("!", 1)
            choices = [row[0].value for row in book[name.strip("'")][cells.replace("$", "")]]
            sheet["C3"], sheet["D3"] = datetime.date(2024, 7, 2), next(c for c in choices if c.startswith("MH-2023-03 "))
            sheet["E3"], sheet["F3"] = datetime.date(2024, 7, 1), "Thư viện số ở 12 trường"
            book.save(sys.argv[2])
            """, template, filled)
        let viaTemplate = try fixture.run(["ingest", "--agency", "SGDDT", "--json", filled])
        #expect(viaTemplate.stdout.contains(#""appended": 1"#), "\(viaTemplate.stdout)")
        let proposed = try drop(
            fixture, agency: "UBND-LP", "de-xuat.ndjson",
            [
                #"{"id":"DX-LP-1","type":"initiative.proposed","occurred_at":"2024-05-02","data":{"title":"Sổ tay điện tử thủ tục hành chính","description":"Tra cứu thủ tục trên điện thoại","benefit":"Người dân đi lại ít hơn"}}"#
            ])
        #expect(proposed["status"] == .string("accepted"))

        // Refusals: an unknown code, and a clerk sharing.
        let unknown = try drop(
            fixture, agency: "BST", "sai.ndjson",
            [#"{"id":"AD-9","type":"initiative.applied","occurred_at":"2024-04-01","data":{"initiative":"MH-KHONG-CO","since":"2024-04-01"}}"#])
        let unknownError = unknown["errors"]?.arrayValue?.first?.objectValue
        #expect(unknownError?["code"] == .string("unknown_initiative") && unknownError?["field"] == .string("data.initiative"), "\(unknown)")
        #expect(unknownError?["message"]?.stringValue?.contains("MH-KHONG-CO") == true)
        let clerkShares = try drop(
            fixture, agency: "BST", "chia-se.ndjson",
            [#"{"id":"MH9","type":"initiative.shared","occurred_at":"2024-04-01","data":{"initiative":"MH-9","title":"X"}}"#])
        #expect(clerkShares["errors"]?.arrayValue?.first?.objectValue?["code"] == .string("not_permitted"))

        // Q2's report, before SNV takes the proposal up: it waits, and the findings say so.
        let beforeSharing = try fixture.run(["report", "--period", "2024-Q2", "--format", "md"]).stdout
        #expect(beforeSharing.contains("Sổ tay điện tử thủ tục hành chính") && beforeSharing.contains("xem xét, chia sẻ các đề xuất"), "\(beforeSharing)")

        // SNV shares the proposal through its plan workbook, picking it from the list.
        let planTemplate = fixture.folder.file("ke-hoach.xlsx"), planFilled = fixture.folder.file("ke-hoach-filled.xlsx")
        #expect(try fixture.run(["plan", "template", "--year", "2024", "--out", planTemplate]).status == 0)
        try fill(
            """
            import datetime, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Mô hình, sáng kiến"]
            header = {cell.value: cell.column_letter for cell in sheet[1]}
            letter = header["Đề xuất được tiếp nhận"]
            validation = next(v for v in sheet.data_validations.dataValidation if letter in str(v.sqref))
            name, cells = validation.formula1.rsplit("!", 1)
            choices = [row[0].value for row in book[name.strip("'")][cells.replace("$", "")]]
            sheet[header["Ngày ban hành"] + "3"] = datetime.date(2024, 8, 1)
            sheet[header["Mô hình, sáng kiến"] + "3"] = "MH-2024-01"
            sheet[header["Tên mô hình, sáng kiến"] + "3"] = "Sổ tay điện tử thủ tục hành chính"
            sheet[header["Nơi khởi xướng"] + "3"] = "UBND-LP"
            sheet[letter + "3"] = next(c for c in choices if c.startswith("DX-LP-1 "))
            book.save(sys.argv[2])
            """, planTemplate, planFilled)
        let taken = try fixture.run(["ingest", "--agency", "SNV", "--json", planFilled])
        #expect(taken.stdout.contains(#""appended": 1"#), "\(taken.stdout)")

        // By hand. Q1: 3 shared, 2 applications (BST, STTTT). Q2: 1 (UBND-VC), 1 proposal.
        // Q3: 1 shared (the proposal), 1 (SGDDT). The year: 4, 4, 1.
        let expected: [(String, Int, Int, Int, [String: [String]])] = [
            ("2024-Q1", 3, 2, 0, ["MH-2023-01": ["BST"], "MH-2023-02": ["STTTT"], "MH-2023-03": []]),
            ("2024-Q2", 0, 1, 1, ["MH-2023-01": ["BST", "UBND-VC"], "MH-2023-02": ["STTTT"], "MH-2023-03": []]),
            (
                "2024-Q3", 1, 1, 0,
                ["MH-2023-01": ["BST", "UBND-VC"], "MH-2023-02": ["STTTT"], "MH-2023-03": ["SGDDT"], "MH-2024-01": []]
            ),
            (
                "2024", 4, 4, 1,
                ["MH-2023-01": ["BST", "UBND-VC"], "MH-2023-02": ["STTTT"], "MH-2023-03": ["SGDDT"], "MH-2024-01": []]
            ),
        ]
        for (period, sharedCount, appliedCount, proposedCount, byInitiative) in expected {
            let out = fixture.folder.file("out-\(period)")
            let made = try fixture.run(["report", "--period", period, "--format", "json,md,html,docx", "--out", out])
            #expect(made.status == 0, "\(made.stderr)")
            let reportFiles = try FileManager.default.contentsOfDirectory(atPath: out)
            let json = try fixture.json(try String(contentsOfFile: out + "/" + #require(reportFiles.first { $0.hasSuffix(".json") }), encoding: .utf8))
            let initiatives = try #require(json.objectValue?["initiatives"]?.objectValue)
            #expect(
                [initiatives["shared"], initiatives["applied"], initiatives["proposed"]]
                    == [.integer(sharedCount), .integer(appliedCount), .integer(proposedCount)], "\(period): \(initiatives)")
            var found: [String: [String]] = [:]
            for line in initiatives["by_initiative"]?.arrayValue ?? [] {
                guard let line = line.objectValue, let code = line["initiative"]?.stringValue else { continue }
                found[code] = line["applied_by"]?.arrayValue?.compactMap(\.stringValue) ?? []
            }
            #expect(found == byInitiative, "\(period)")
            let agencies = json.objectValue?["agencies"]?.arrayValue?.compactMap { $0.objectValue } ?? []
            let bst = agencies.first { $0["code"] == .string("BST") }
            #expect(bst?["initiatives_applied"] == .array([.string("MH-2023-01")]))
            // The same counts in words in Markdown, HTML and the Word document.
            let sentence = "Trong kỳ: \(sharedCount) mô hình, sáng kiến được chia sẻ; \(appliedCount) lượt áp dụng mới; \(proposedCount) đề xuất mới."
            let markdown = try String(contentsOfFile: out + "/" + #require(reportFiles.first { $0.hasSuffix(".md") }), encoding: .utf8)
            #expect(markdown.contains("## Mô hình, sáng kiến") && markdown.contains(sentence), "\(period)")
            #expect(markdown.contains("| MH-2023-01 | Bộ phận một cửa thân thiện (Giải Nhất Hội thi CCHC năm 2023) |"))
            let html = try String(contentsOfFile: out + "/" + #require(reportFiles.first { $0.hasSuffix(".html") }), encoding: .utf8)
            #expect(html.contains("<table class=\"initiatives\">") && html.contains(sentence))
            #expect(html.components(separatedBy: "<td>MH-20").count - 1 == byInitiative.count)
            let docx = out + "/" + (try #require(reportFiles.first { $0.hasSuffix(".docx") }))
            let text = try ProcessRunner.run(
                "/usr/bin/env", ["python3", "-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", docx])
            #expect(text.stdout.contains(sentence) && text.stdout.contains("MÔ HÌNH, SÁNG KIẾN"), "\(period)")
        }
        // The findings mention them; BST's own report lists what it applies.
        let year = try fixture.run(["report", "--period", "2024", "--format", "md"]).stdout
        #expect(year.contains("Về mô hình, sáng kiến cải cách hành chính: 4 mô hình, sáng kiến đã được chia sẻ (4 trong kỳ), 4 cơ quan, đơn vị đang áp dụng"))
        #expect(!year.contains("xem xét, chia sẻ các đề xuất"), "the proposal was taken up")
        let own = try fixture.run(["report", "--period", "2024-Q2", "--agency", "BST", "--format", "md"]).stdout
        #expect(own.contains("MH-2023-01 «Bộ phận một cửa thân thiện» từ ngày 20/02/2024"), "\(own)")
        let proposer = try fixture.run(["report", "--period", "2024-Q2", "--agency", "UBND-LP", "--format", "md"]).stdout
        #expect(proposer.contains("đề xuất trong kỳ Sổ tay điện tử thủ tục hành chính"), "\(proposer)")
        // A retraction of an application takes it out of every later count.
        _ = try drop(
            fixture, agency: "UBND-VC", "rut.ndjson",
            [#"{"id":"X-1","type":"event.retracted","occurred_at":"2024-09-20","data":{"event":"AD-1","reason":"nhầm"}}"#])
        let after = try fixture.json(try fixture.run(["report", "--period", "2024-Q2", "--format", "json"]).stdout)
        #expect(after.objectValue?["initiatives"]?.objectValue?["applied"] == .integer(0))
    }
}
