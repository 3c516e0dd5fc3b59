import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// Reminders of period reports through a sendmail stand-in (a script that keeps each
/// message): the right agencies on the right days, once each across runs, none after
/// submission or to a dissolved agency, none for a day more than 24 hours gone, and a
/// failing or hanging program logged and tried again. The real mail agent is
/// `Scripts/check-mail.sh`'s (msmtp into an SMTP sink).
struct ReminderTests {
    let fixture: CLIFixture
    let out: String

    init() throws {
        fixture = try CLIFixture()
        out = fixture.folder.file("mail")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (name, body) in [
            ("sendmail.sh", "#!/bin/sh\necho \"$@\" > \"\(out)/args\"\ncat > \"\(out)/$(date +%s%N).eml\"\n"),
            ("failing.sh", "#!/bin/sh\ncat > /dev/null\necho 'mail queue unavailable' >&2\nexit 75\n"),
            ("hanging.sh", "#!/bin/sh\nexec sleep 30\n"),
        ] {
            let path = fixture.folder.write(name, body)
            chmod(path, 0o755)
        }
        try configure("sendmail.sh")
        for (login, agency, email) in [
            ("lan.bst", "BST", "lan@baosoctrang.example"), ("hoa.stttt", "STTTT", "hoa@stttt.example"), ("an.td", "UBND-TD", "an@trande.example"),
            ("vc", "UBND-VC", "vc@vinhchau.example"), ("khong.email", "STTTT", nil),
        ] {
            var arguments = ["user", "add", "--login", login, "--agency", agency, "--role", "clerk", "--password-stdin"]
            if let email { arguments += ["--email", email] }
            let added = try ProcessRunner.run(RepositoryPaths.binary, arguments + ["--state-dir", fixture.state], stdin: "mat-khau-du-dai\n")
            precondition(added.status == 0, added.stderr)
        }
    }

    func configure(_ program: String, timeout: Int? = nil) throws {
        let seconds = timeout.map { #", "timeout_seconds": \#($0)"# } ?? ""
        try
            #"{"reminders": {"before_days": [5, 1], "after_days": [1, 3]}, "mail": {"sendmail": "\#(fixture.folder.file(program))", "from": "snv@soctrang.example", "portal": "https://cchc.soctrang.example"\#(seconds)}}"#
            .write(toFile: fixture.state + "/reformledger.json", atomically: true, encoding: .utf8)
    }

    func serveOnce(_ now: String) throws -> ProcessResult {
        let result = try fixture.run(["serve", "--once", "--now", now])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func messages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }
    }

    func reminders() throws -> [(agency: String, offset: Int, recipients: [String])] {
        let events = try fixture.json(try fixture.run(["events", "--type", "reminder.sent", "--json"]).stdout).arrayValue ?? []
        return events.compactMap { $0.objectValue?["data"]?.objectValue }.compactMap { data in
            guard let agency = data["agency"]?.stringValue, case .integer(let offset)? = data["offset"] else { return nil }
            return (agency, offset, data["recipients"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }

    @Test func theRightAgenciesOnTheRightDaysOnceEach() throws {
        // Decree 09's 2024-Q1 ends 2024-03-14, due three days later, the 17th: reminders on the
        // 12th and 16th, then the 18th and 20th. BST has reported; UBND-VC is dissolved on 1 March.
        _ = fixture.folder.write("bc.ndjson", #"{"id":"BC1","type":"report.submitted","occurred_at":"2024-03-01","data":{"period":"2024-Q1"}}"#)
        #expect(try fixture.run(["ingest", "--agency", "BST", fixture.folder.file("bc.ndjson")]).status == 0)
        _ = fixture.folder.write(
            "giai-the.ndjson",
            #"{"id":"GT-VC","type":"agency.dissolved","occurred_at":"2024-02-20","data":{"code":"UBND-VC","effective":"2024-03-01","successors":["UBND"]}}"#)
        #expect(try fixture.run(["ingest", "--agency", "UBND", fixture.folder.file("giai-the.ndjson")]).status == 0)

        _ = try serveOnce("2024-03-11T09:00:00+07:00")
        #expect(try messages().isEmpty, "no reminder before its day")
        _ = try serveOnce("2024-03-12T09:00:00+07:00")
        var sent = try messages()
        #expect(sent.count == 2, "STTTT and UBND-TD: \(sent.map { $0.prefix(200) })")
        #expect(try String(contentsOfFile: out + "/args", encoding: .utf8) == "-t -i\n")
        let toStttt = try #require(sent.first { $0.contains("To: hoa@stttt.example") })
        let subject = "Nhắc hạn gửi báo cáo kỳ quý I năm 2024 (hạn 17/03/2024)"
        #expect(toStttt.contains("Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="))
        #expect(toStttt.contains("From: snv@soctrang.example") && toStttt.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(toStttt.contains("Hạn gửi: 17/03/2024 (còn 5 ngày)") && toStttt.contains("https://cchc.soctrang.example/agency/STTTT?period=2024-Q1"))
        #expect(!sent.contains { $0.contains("lan@baosoctrang.example") || $0.contains("vc@vinhchau.example") })
        var recorded = try reminders()
        #expect(recorded.map { "\($0.agency) \($0.offset) \($0.recipients)" }.sorted() == ["STTTT -5 [\"hoa.stttt\"]", "UBND-TD -5 [\"an.td\"]"])

        // Again the same day, and the next: nothing more.
        _ = try serveOnce("2024-03-12T15:00:00+07:00")
        _ = try serveOnce("2024-03-13T09:00:00+07:00")
        #expect(try messages().count == 2)

        // UBND-TD reports; on the 16th only STTTT is reminded.
        _ = fixture.folder.write("td.ndjson", #"{"id":"BC-TD","type":"report.submitted","occurred_at":"2024-03-15","data":{"period":"2024-Q1"}}"#)
        #expect(try fixture.run(["ingest", "--agency", "UBND-TD", fixture.folder.file("td.ndjson")]).status == 0)
        _ = try serveOnce("2024-03-16T09:00:00+07:00")
        sent = try messages()
        #expect(sent.count == 3 && sent.filter { $0.contains("To: an@trande.example") }.count == 1)
        recorded = try reminders()
        #expect(recorded.contains { $0.agency == "STTTT" && $0.offset == -1 })

        // A daemon back on the 25th sends neither the 18th's nor the 20th's.
        _ = try serveOnce("2024-03-25T09:00:00+07:00")
        #expect(try messages().count == 3)
        #expect(try reminders().count == 3)
    }

    @Test func aFailingOrHangingProgramIsLoggedAndTriedAgain() throws {
        try configure("failing.sh")
        let failed = try serveOnce("2024-03-12T09:00:00+07:00")
        #expect(failed.stderr.contains("reminder not sent") && failed.stderr.contains("mail queue unavailable"), "\(failed.stderr)")
        #expect(try reminders().isEmpty)
        try configure("hanging.sh", timeout: 1)
        let started = Date()
        let hung = try serveOnce("2024-03-12T10:00:00+07:00")
        #expect(hung.stderr.contains("did not finish within 1 s"), "\(hung.stderr)")
        #expect(Date().timeIntervalSince(started) < 20, "one hung program does not hold the daemon for the others' time")
        #expect(try reminders().isEmpty)
        // Working again the next morning: the 12th's reminder is still within its day and a day.
        try configure("sendmail.sh")
        _ = try serveOnce("2024-03-13T08:00:00+07:00")
        #expect(try reminders().filter { $0.offset == -5 }.count >= 2)
        #expect(try messages().count == (try reminders()).count)
    }
}
