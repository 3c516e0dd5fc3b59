import HTTPTypes
import Hummingbird
import LedgerDomain

/// SNV's pages (coordinators, admins and auditors): a period at a glance — who is silent,
/// late or missing, which tasks are overdue and who leads them — then the consolidated
/// report with its charts, each figure linked to its events; the editions issued with
/// their files; a page per agency.
struct DashboardPages: Sendable {
    let routes: WebRoutes
    /// The page of a period at a seq is the same for every reader: written once.
    let rendered = RenderedPages()

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        let readers = routes.guarded(router, .readsEverything)
        readers.get("dashboard") { request, context in
            let visitor = try context.visitor
            guard let period = routes.period(request) else { return routes.layout(visitor).problem(.unknownPeriod) }
            let view = try await backend.dashboard(period) { figure in "/audit/trace?period=\(q(period.description))&figure=\(q(figure))" }
            let body = rendered.body(for: "\(view.period)@\(view.seq)") { page(view) }
            return routes.layout(visitor).page("\(words.dashboard) — \(view.periodTitle)", body)
        }
        readers.get("dashboard/agency/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            let visitor = try context.visitor
            guard let period = routes.period(request) else { return routes.layout(visitor).problem(.unknownPeriod) }
            guard AgencyCode.isValid(code), let view = try await backend.agencyView(code, period: period) else {
                return routes.layout(visitor).problem(.unknownAgency)
            }
            let back =
                "<p><a href=\"/dashboard?period=\(q(view.period))\">← \(h(words.dashboard))</a> · <a href=\"/agency/\(q(code))?period=\(q(view.period))\">\(h(words.files))</a></p>\n"
            let loop = LoopPages.fragment(view, visitor: visitor, words: words, reviewing: true)
            return routes.layout(visitor).page(view.name, back + loop + (view.reportHTML.isEmpty ? "<p>\(h(words.none))</p>" : view.reportHTML))
        }
        readers.get("reports/file") { request, context in
            let visitor = try context.visitor
            guard let path = QueryString.parse(request.uri.query)["path"], let bytes = try backend.reportFile(path) else {
                return routes.layout(visitor).problem(.notFound)
            }
            return Download.file(bytes, name: String(path.split(separator: "/").last ?? "report"), type: Download.type(of: path))
        }
    }

    /// The first screen holds the period's headline figures and what needs action, as
    /// counts that lead to their lists; the long lists of names are folded below it.
    private func page(_ view: DashboardView) -> String {
        let w = words
        let watched: [(id: String, title: String, names: [String])] = [
            ("silent", w.silent, view.silent), ("late", w.late, view.late), ("missing", w.missing, view.missing),
            ("overdue", w.overdue, view.overdue.map { "\($0.task) \($0.title): \($0.leads.joined(separator: "; "))" }),
        ]
        var html = """
            <form class="filters" method="get" action="/dashboard">
            <label for="period">\(h(w.period))</label>
            <select id="period" name="period">\(view.periods.map { "<option\($0 == view.period ? " selected" : "")>\(h($0))</option>" }.joined())</select>
            <button type="submit">\(h(w.show))</button>
            </form>
            <section id="headline"><h2>\(h(view.periodTitle))</h2>
            <div class="actions">\(watched.map { "<a class=\"action\" href=\"#\($0.id)\"><b>\($0.names.count)</b> \(h($0.title))</a>" }.joined())</div>
            \(view.headlineHTML)</section>
            <section id="watch"><h2>\(h(w.watch))</h2>
            <div class="watch">

            """
        for item in watched {
            html += "<details id=\"\(item.id)\"\(item.names.count <= 5 ? " open" : "")><summary><h3>\(h(item.title)) (\(item.names.count))</h3></summary>"
            html += list(item.names) + "</details>\n"
        }
        html += "</div>\n</section>\n"
        html += "<div class=\"report\">\n\(view.reportHTML)</div>\n"
        html += "<section id=\"editions\"><h2>\(h(w.editions))</h2>\n"
        if view.editions.isEmpty { html += "<p>\(h(w.noEditions))</p>" }
        for edition in view.editions {
            html += "<div class=\"card\"><b>\(h(w.edition(edition.number, edition.recordedAt, edition.throughSeq)))</b><ul>"
            html += edition.files.map { "<li><a href=\"/reports/file?path=\(q($0))\">\(h($0))</a></li>" }.joined()
            html += "</ul></div>\n"
        }
        html +=
            "</section>\n<section id=\"agency-pages\"><h2>\(h(w.agencyPages))</h2><details><summary>\(h(w.agencyPages)) (\(view.agencies.count))</summary><ul>"
        html += view.agencies.map { "<li><a href=\"/dashboard/agency/\(q($0.code))?period=\(q(view.period))\">\(h($0.name))</a> (\(h($0.code)))</li>" }.joined()
        return html + "</ul></details></section>\n"
    }

    private func list(_ items: [String]) -> String {
        items.isEmpty ? "<p>\(h(words.none))</p>" : "<ul>" + items.map { "<li>\(h($0))</li>" }.joined() + "</ul>"
    }
}
