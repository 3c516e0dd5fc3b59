import LedgerDomain

/// An agency's report in the layout of Decree 30/2020/NĐ-CP, the agency as issuing body,
/// addressed to the Provincial People's Committee through the Department of Home Affairs:
/// the document its leader signs. Number, day and month are left for the office to fill
/// in when it is signed, so the file stays the same for the same figures.
struct AgencyDocxReport: WordprocessingDocument {
    let report: AgencyReport
    let labels: ReportLabels

    func render() throws -> [UInt8] { try package(document()) }

    func document() -> String {
        let l = labels
        let d = DocumentWords(l.language)
        let c = report.consolidated, a = report.agency
        let w = ReportWords(c, language: l.language)
        let n = HumanNumbers(l.language)
        let superior = c.agencies.first { $0.code == "UBND" }?.name ?? d.provincialCommittee
        let through = c.agencies.first { $0.code == "SNV" }?.name ?? d.homeAffairs
        let province = DocxReport.province(from: superior)
        // A department sits under "UBND TỈNH …"; a people's committee is its own head.
        var issuer = paragraph(run(a.name.uppercased(), bold: true, size: 24), align: "center")
        if !a.name.hasPrefix("Ủy ban nhân dân") && !a.name.hasPrefix("UBND") {
            issuer = paragraph(run(superior.uppercased().replacingOccurrences(of: "ỦY BAN NHÂN DÂN", with: "UBND"), size: 24), align: "center") + issuer
        }
        var body = table(
            widths: Self.headerWidths, borders: false,
            rows: [
                [
                    issuer + paragraph(run("———"), align: "center") + paragraph(run(d.numberLine(issuer: a.code)), align: "center"),
                    paragraph(run(d.nationalName, bold: true, size: 24), align: "center")
                        + paragraph(run(d.motto, bold: true, size: 26), align: "center")
                        + paragraph(run("———————————"), align: "center")
                        + paragraph(
                            run(d.placeAndBlankDate(province: province, year: c.reportDue.year), italic: true),
                            align: "center"),
                ]
            ])
        body += paragraph("")
        body += paragraph(run(d.kind, bold: true, size: 28), align: "center")
        body += paragraph(run(d.title(l.periodInWords(c.period)), bold: true), align: "center")
        body += paragraph(run(l.addressee(superior, through: through)), align: "center")
        body += paragraph(run(l.agencyOpening(a.name, period: c.period, from: c.from, to: c.to)), align: "both", indent: true)

        body += heading("I. \(l.results.uppercased())")
        body += table(
            widths: [2400, 1200, 5500],
            rows: [
                ["", l.total, l.details].map { cell($0, bold: true) },
                [cell(l.articles), cell(n.count(a.articles), align: "right"), cell(w.channels(a.articlesByChannel))],
                [cell(l.activities), cell(n.count(a.activities), align: "right"), cell(w.forms(a.activitiesByForm))],
                [cell(l.contests), cell(n.count(a.contests), align: "right"), cell("")],
                [cell(l.surveys), cell(n.count(a.surveys), align: "right"), cell("")],
            ], size: 24)

        body += heading("II. \(l.tasks.uppercased())")
        if report.tasks.isEmpty {
            body += paragraph(run(l.noTasks), align: "both", indent: true)
        } else {
            var rows = [[l.task, l.roleHeader, l.window, l.status].map { cell($0, bold: true) }]
            for task in report.tasks {
                rows.append([
                    cell("\(task.line.task): \(task.line.title)"), cell(l.role(task.role)), cell(l.window(task.line.window)),
                    cell(w.status(task.status)),
                ])
            }
            body += table(widths: [4700, 1300, 1500, 1600], rows: rows, size: Self.tableSize)
        }

        body += heading("III. \(l.indicators.uppercased())")
        if report.indicators.isEmpty {
            body += paragraph(run(l.none), indent: true)
        } else {
            body += indicatorTable(report.indicators, words: w, labels: l)
        }
        body += findings(Findings(report, language: l.language), number: "IV", labels: l)
        body += paragraph(
            run(
                "\(l.throughSeq): \(c.throughSeq); \(l.headHash): \(c.headHash); \(l.edition): \(c.edition.map(String.init) ?? l.adHoc)",
                italic: true, size: 18), align: "left")
        body += paragraph("")
        let recipients = d.agencyRecipients(superior: superior, through: through)
        body += table(
            widths: [4500, 4600], borders: false,
            rows: [
                [
                    paragraph(run(d.recipients, bold: true, italic: true, size: 24))
                        + recipients.map { paragraph(run($0, size: 22)) }.joined(),
                    paragraph(run(d.headOfAgency, bold: true), align: "center")
                        + paragraph(run(d.signatureNote, italic: true, size: 22), align: "center"),
                ]
            ])
        return documentXML(body)
    }
}
