import LedgerDomain

/// An agency's report as one self-contained HTML page, styled as the consolidated one
/// (inline CSS, no script, every value escaped).
struct AgencyHTMLReport {
    let report: AgencyReport
    let labels: ReportLabels

    func render() -> String {
        let c = report.consolidated, a = report.agency
        return HTMLReport.opening(title: "\(a.name) — \(labels.periodInWords(c.period))", language: labels.language) + body() + "</body>\n</html>\n"
    }

    /// The page inside `<header>…` up to `</body>`, for the portal to wrap in its own shell.
    func body() -> String {
        let l = labels
        let c = report.consolidated, a = report.agency
        let w = ReportWords(c, language: l.language)
        let n = HumanNumbers(l.language)
        var feedback = ""
        if let arrival = a.feedback, let due = c.contestFeedback.due {
            feedback = "<dt>\(e(l.feedbackArrival(due: due)))</dt><dd class=\"r-\(arrival.status.rawValue)\">\(e(w.arrival(arrival)))</dd>\n"
        }
        var html = """
            <h1>\(e(l.agencyTitle)): \(e(a.name))</h1>
            <p class="subtitle">\(e(l.periodInWords(c.period))) · \(e(c.period.description)) · \(e(l.date(c.from))) – \(e(l.date(c.to))) (\(e(l.mode(c.mode))))</p>
            <dl class="meta">
            <dt>\(e(l.edition))</dt><dd>\(e(c.edition.map(String.init) ?? l.adHoc))</dd>
            <dt>\(e(l.throughSeq))</dt><dd>\(c.throughSeq)</dd>
            <dt>\(e(l.headHash))</dt><dd><code>\(e(c.headHash))</code></dd>
            <dt>\(e(l.reportArrival(due: c.reportDue)))</dt><dd class="r-\(a.report.status.rawValue)">\(e(w.arrival(a.report)))</dd>
            \(feedback)</dl>
            </header>
            <section class="totals">
            \(tile(l.articles, a.articles))\(tile(l.activities, a.activities))\(tile(l.contests, a.contests))\(tile(l.surveys, a.surveys))
            </section>

            """
        html += section(
            l.results,
            """
            <table>
            <tr><th></th><th>\(e(l.total))</th><th>\(e(l.details))</th></tr>
            <tr><td>\(e(l.articles))</td><td class="n">\(n.count(a.articles))</td><td>\(e(w.channels(a.articlesByChannel)))</td></tr>
            <tr><td>\(e(l.activities))</td><td class="n">\(n.count(a.activities))</td><td>\(e(w.forms(a.activitiesByForm)))</td></tr>
            <tr><td>\(e(l.contests))</td><td class="n">\(n.count(a.contests))</td><td></td></tr>
            <tr><td>\(e(l.surveys))</td><td class="n">\(n.count(a.surveys))</td><td></td></tr>
            </table>
            """)
        var tasks = "<p>\(e(l.noTasks))</p>"
        if !report.tasks.isEmpty {
            tasks = "<table>\n<tr><th>\(e(l.task))</th><th>\(e(l.roleHeader))</th><th>\(e(l.window))</th><th>\(e(l.status))</th></tr>\n"
            for task in report.tasks {
                tasks +=
                    "<tr><td><b>\(e(task.line.task))</b> \(e(task.line.title))</td><td>\(e(l.role(task.role)))</td><td>\(e(l.window(task.line.window)))</td><td class=\"s-\(e(task.status.rawValue))\">\(e(w.status(task.status)))</td></tr>\n"
            }
            tasks += "</table>"
        }
        html += section(l.tasks, tasks)
        var indicators = "<p>\(e(l.none))</p>"
        if !report.indicators.isEmpty {
            indicators =
                "<table>\n<tr><th>\(e(l.indicator))</th><th>\(e(l.numerator))</th><th>\(e(l.denominator))</th><th>\(e(l.value))</th><th>\(e(l.target))</th><th>\(e(l.met))</th></tr>\n"
            for indicator in report.indicators {
                indicators +=
                    "<tr><td>\(e(w.indicator(indicator.indicator)))</td><td class=\"n\">\(n.count(indicator.numerator))</td><td class=\"n\">\(indicator.denominator.map(n.count) ?? "–")</td><td class=\"n\">\(e(n.indicator(indicator.value, isRatio: indicator.denominator != nil)))</td><td class=\"n\">\(e(n.indicator(indicator.target, isRatio: indicator.denominator != nil)))</td><td>\(indicator.met ? "✔" : "✘")</td></tr>\n"
            }
            indicators += "</table>"
        }
        html += section(l.indicators, indicators)
        html += HTMLReport.findings(Findings(report, language: l.language), labels: l)
        if let checkpoint = c.checkpoint {
            html += section(l.checkpoint, "<p>\(e(l.checkpointNote))</p>\n<pre class=\"checkpoint\">\(e(checkpoint))</pre>")
        }
        return html
    }

    private func tile(_ label: String, _ value: Int) -> String {
        "<div class=\"tile\"><span class=\"v\">\(value)</span><span class=\"k\">\(e(label))</span></div>"
    }

    private func section(_ title: String, _ body: String) -> String { "<section>\n<h2>\(e(title))</h2>\n\(body)\n</section>\n" }

    private func e(_ text: String) -> String { MarkupEscaping.escape(text) }
}
