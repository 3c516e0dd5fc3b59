import Foundation
import LedgerDomain

/// An administrative report in the layout of Decree 30/2020/NĐ-CP: issuing body and
/// national motto header, number line, place and date, title, numbered sections with
/// tables, "Nơi nhận" and signature; Times New Roman 13 pt on A4.
///
/// Written as WordprocessingML into a ZIP whose entries carry a fixed date, so the same
/// report always gives the same bytes.
struct DocxReport: WordprocessingDocument {
    let report: ConsolidatedReport
    let labels: ReportLabels

    func render() throws -> [UInt8] { try package(document()) }

    // MARK: The document

    func document() -> String {
        let l = labels
        let w = ReportWords(report, language: l.language)
        let n = HumanNumbers(l.language)
        let d = DocumentWords(l.language)
        let province = report.agencies.first { $0.code == "UBND" }.map { Self.province(from: $0.name) } ?? "…"
        // Header lines use the customary abbreviation: "UBND TỈNH SÓC TRĂNG".
        let superior = (report.agencies.first { $0.code == "UBND" }?.name ?? d.provincialCommitteeHeader).uppercased()
            .replacingOccurrences(of: "ỦY BAN NHÂN DÂN", with: "UBND")
        let issuer = (report.agencies.first { $0.code == "SNV" }?.name ?? d.homeAffairsHeader).uppercased()
        var body = ""
        // Header: issuing body (left) and national motto (right), per Decree 30/2020.
        body += table(
            widths: Self.headerWidths, borders: false,
            rows: [
                [
                    paragraph(run(superior, size: 24), align: "center") + paragraph(run(issuer, bold: true, size: 24), align: "center")
                        + paragraph(run("———"), align: "center") + paragraph(run(d.numberLine(issuer: "SNV")), align: "center"),
                    paragraph(run(d.nationalName, bold: true, size: 24), align: "center")
                        + paragraph(run(d.motto, bold: true, size: 26), align: "center")
                        + paragraph(run("———————————"), align: "center")
                        + paragraph(run(d.placeAndDate(province: province, date: report.to), italic: true), align: "center"),
                ]
            ])
        body += paragraph("")
        body += paragraph(run(d.kind, bold: true, size: 28), align: "center")
        body += paragraph(run(d.title(l.periodInWords(report.period)), bold: true), align: "center")
        body += paragraph(
            run(
                "\(l.period): \(report.period) (\(l.date(report.from)) – \(l.date(report.to)), \(l.mode(report.mode))); \(l.edition): \(report.edition.map(String.init) ?? l.adHoc)",
                italic: true, size: 22), align: "center")
        body += paragraph(run("\(l.throughSeq): \(report.throughSeq); \(l.headHash): \(report.headHash)", size: 18), align: "center")

        body += heading("I. \(l.totals.uppercased())")
        let t = report.totals
        body += table(
            widths: [1820, 1820, 1820, 1820, 1820],
            rows: [
                [l.events, l.articles, l.activities, l.contests, l.surveys].map { cell($0, bold: true) },
                [t.events, t.articles, t.activities, t.contests, t.surveys].map { cell(n.count($0), align: "center") },
            ])
        if let comparison = YearOverYear(report) {
            body += table(
                widths: [2700, 1280, 1280, 1280, 1280, 1280],
                rows: [[cell("", bold: true)] + [l.events, l.articles, l.activities, l.contests, l.surveys].map { cell($0, bold: true) }]
                    + comparison.rows(l, n).map { row in [cell(row.label, bold: true)] + row.figures.map { cell($0, align: "center") } })
            let details = comparison.details(l, n, w)
            if !details.isEmpty {
                body += table(
                    widths: [4500, 1500, 1500, 1600],
                    rows: [[l.comparedItem, l.currentPeriod, l.sameTimeLastYear, l.changeShort].map { cell($0, bold: true) }]
                        + details.map { row in [cell(row.label)] + [row.now, row.before, row.change].map { cell($0, align: "center") } })
            }
        }

        body += heading("II. \(l.agencies.uppercased())")
        var agencyRows = [
            [l.code, l.name, l.articles, l.activities, l.contests, l.surveys, l.periodReport(due: report.reportDue)].map { cell($0, bold: true) }
        ]
        for agency in report.agencies {
            agencyRows.append([
                cell(agency.code), cell(agency.name), cell(n.count(agency.articles), align: "right"),
                cell(n.count(agency.activities), align: "right"), cell(n.count(agency.contests), align: "right"),
                cell(n.count(agency.surveys), align: "right"), cell(w.arrival(of: agency), align: "center"),
            ])
        }
        body += table(widths: [1500, 2900, 800, 1000, 700, 900, 1554], rows: agencyRows, size: Self.tableSize)

        body += heading("III. \(l.tasks.uppercased())")
        var taskRows = [[l.task, l.window, l.statusByLead, l.linkedEvents].map { cell($0, bold: true) }]
        for task in report.tasks {
            taskRows.append([
                cell("\(task.task): \(task.title)"), cell(l.window(task.window)),
                cell(w.statuses(task.statusByLead)),
                cell(n.count(task.linkedEvents), align: "right"),
            ])
        }
        body += table(widths: [3600, 1400, 3200, 900], rows: taskRows, size: Self.tableSize)

        body += heading("IV. \(l.indicators.uppercased())")
        body += indicatorTable(report.indicators, words: w, labels: l)

        body += heading("V. \(l.contestFeedback.uppercased())")
        let f = report.contestFeedback
        body += paragraph(
            run("\(l.responses): \(f.responses); \(l.continueContest): \(f.continueContest); \(l.otherForm): \(f.otherForm)."), align: "both", indent: true)
        if let due = f.due {
            body += paragraph(run(l.feedbackDue(due) + "."), align: "both", indent: true)
            for (label, status) in [(l.feedbackOnTime, Arrival.Status.onTime), (l.feedbackLate, .late)] {
                let names = w.feedback(report, status)
                body += paragraph(run("\(label): \(names.isEmpty ? l.none : names.joined(separator: "; "))."), align: "both", indent: true)
            }
        }
        body += paragraph(
            run("\(l.withoutResponse): \(f.agenciesWithoutResponse.isEmpty ? l.none : w.agencies(f.agenciesWithoutResponse))."), align: "both",
            indent: true)

        // Who reported in the last four periods, under the contest feedback.
        if !report.completeness.isEmpty {
            body += paragraph(run(l.completeness, bold: true), align: "both", indent: true)
            body += table(
                widths: [900, 800, 800, 800, 700, 800, 900, 800, 900, 900],
                rows: [ReportWords.completenessHeader(l).map { cell($0, bold: true) }]
                    + w.completenessRows(report).map { $0.map { cell($0, align: "center") } }, size: Self.tableSize)
        }
        // Models and initiatives, when there are any, come before the silent agencies.
        let initiatives = report.initiatives
        var numbers = ["VI", "VII"]
        if !initiatives.isEmpty {
            numbers = ["VII", "VIII"]
            body += heading("VI. \(l.initiatives.uppercased())")
            body += paragraph(
                run(l.initiativesSummary(shared: initiatives.shared, applied: initiatives.applied, proposed: initiatives.proposed)), align: "both",
                indent: true)
            if !initiatives.byInitiative.isEmpty {
                body += table(
                    widths: [1400, 3500, 1800, 2400],
                    rows: [[l.initiativeCode, l.initiative, l.initiativeOrigin, l.appliedBy].map { cell($0, bold: true) }]
                        + w.initiativeRows(initiatives).map { $0.map { cell($0) } }, size: Self.tableSize)
            }
            if !initiatives.proposals.isEmpty {
                body += paragraph(run("\(l.proposalsInPeriod): \(w.proposals(initiatives.proposals, l))."), align: "both", indent: true)
            }
        }
        body += heading("\(numbers[0]). \(l.silent.uppercased())")
        body += paragraph(run(report.silentAgencies.isEmpty ? l.none : w.agencies(report.silentAgencies)), align: "both", indent: true)
        body += findings(Findings(report, language: l.language), number: numbers[1], labels: l)
        body += paragraph("")

        // Recipients (left) and signature (right).
        let recipients = d.consolidatedRecipients
        body += table(
            widths: [4500, 4600], borders: false,
            rows: [
                [
                    paragraph(run(d.recipients, bold: true, italic: true, size: 24))
                        + recipients.map { paragraph(run($0, size: 22)) }.joined(),
                    paragraph(run(d.director, bold: true), align: "center"),
                ]
            ])
        // Every line of a signed note in a fixed-width font, so that a paper copy can be typed back in.
        for (title, explained, note) in [
            (l.checkpoint, l.checkpointNote, report.checkpoint), (l.witnessedCheckpoint, l.witnessedCheckpointNote, report.witnessedCheckpoint),
        ] {
            guard let note else { continue }
            body += heading(title)
            body += paragraph(run(explained, italic: true, size: 20), align: "both")
            for line in note.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                body += paragraph(monospaced(String(line)))
            }
        }
        return documentXML(body)
    }

    /// "Ủy ban nhân dân tỉnh Sóc Trăng" → "Sóc Trăng".
    static func province(from name: String) -> String {
        for prefix in ["Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ", "UBND tỉnh "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}
