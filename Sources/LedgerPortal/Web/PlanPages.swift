import HTTPTypes
import Hummingbird
import LedgerDomain

/// SNV's plan pages (coordinators, admins and auditors): the adopted plans year by year,
/// a page per plan — its document, its tasks with each lead's status in the plan year's
/// report now, the task each carries on, its targets — and the plan workbook to fill in
/// (sent back through SNV's own upload page, like any file).
struct PlanPages: Sendable {
    let routes: WebRoutes

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        let readers = routes.guarded(router, .readsEverything)
        readers.get("plans") { _, context in
            let visitor = try context.visitor
            return routes.layout(visitor).page(words.plans, list(try await backend.plans()))
        }
        readers.get("plans/template.xlsx") { request, context in
            let visitor = try context.visitor
            let asked = QueryString.parse(request.uri.query)["year"]
            let year = asked.flatMap(Int.init)
            if asked != nil, year.map(AcceptedDates.years.contains) != true { return routes.layout(visitor).problem(.notFound) }
            let bytes = try await backend.planTemplate(year: year)
            return Download.file(bytes, name: "ke-hoach\(year.map { "-\($0)" } ?? "").xlsx", type: Download.xlsx)
        }
        readers.get("plans/:plan") { _, context in
            let visitor = try context.visitor
            let code = context.parameters.get("plan") ?? ""
            guard Identifier.isValid(code), let view = try await backend.plan(code) else { return routes.layout(visitor).problem(.notFound) }
            return routes.layout(visitor).page(view.title, page(view))
        }
    }

    private func list(_ plans: [PlanView]) -> String {
        let w = words
        var html = "<h1>\(h(w.plans))</h1>\n"
        if plans.isEmpty {
            html += "<p>\(h(w.noPlans))</p>\n"
        } else {
            html += "<table id=\"plans\"><tr><th>\(h(w.planYear))</th><th>\(h(w.planCode))</th><th>\(h(w.planDocument))</th><th>\(h(w.planTasks))</th></tr>\n"
            for plan in plans {
                html += """
                    <tr><td>\(plan.year)</td><td><a href="/plans/\(q(plan.plan))"><b>\(h(plan.plan))</b></a> \(h(plan.title))</td>\
                    <td>\(h(plan.document ?? "—"))</td><td>\(h(w.counts(tasks: plan.taskCount, targets: plan.targetCount)))</td></tr>

                    """
            }
            html += "</table>\n"
        }
        html += """
            <section><h2>\(h(w.planTemplate))</h2><p class="muted">\(h(w.planTemplateHint))</p>
            <p><a class="button" id="plan-template" href="/plans/template.xlsx">\(h(w.planTemplate))</a></p></section>

            """
        return html
    }

    private func page(_ view: PlanView) -> String {
        let w = words
        var html = "<p><a href=\"/plans\">← \(h(w.plans))</a></p>\n<h1>\(h(view.title))</h1>\n<dl class=\"facts\">"
        html += "<dt>\(h(w.planCode))</dt><dd>\(h(view.plan))</dd><dt>\(h(w.planYear))</dt><dd>\(view.year)</dd>"
        if let document = view.document { html += "<dt>\(h(w.planDocument))</dt><dd>\(h(document))</dd>" }
        if let signed = view.signed { html += "<dt>\(h(w.planSigned))</dt><dd>\(h(signed))</dd>" }
        html += "</dl>\n<p><a href=\"/dashboard?period=\(view.year)\">\(h(w.planReport)) \(view.year)</a></p>\n"
        html += "<section><h2>\(h(w.planTasks)) (\(view.tasks.count))</h2>\n"
        if view.tasks.isEmpty {
            html += "<p>\(h(w.none))</p>"
        } else {
            html +=
                "<table id=\"plan-tasks\"><tr><th>\(h(w.task))</th><th>\(h(w.taskWindow))</th><th>\(h(w.taskLeads))</th><th>\(h(w.linkedEvents))</th></tr>\n"
            for task in view.tasks {
                let carried = task.carriedFrom.map { " <span class=\"muted\">(\(h(w.carriedFrom($0))))</span>" } ?? ""
                let leads = task.leads.map { lead in
                    lead.status.isEmpty ? h(lead.agency) : "\(h(lead.agency)): <span class=\"s-\(h(lead.statusCode))\">\(h(lead.status))</span>"
                }.joined(separator: "<br>")
                html +=
                    "<tr><td><b>\(h(task.task))</b> \(h(task.title))\(carried)</td><td>\(h(task.window))</td><td>\(leads)</td><td>\(task.linkedEvents)</td></tr>\n"
            }
            html += "</table>"
        }
        html += "\n</section>\n<section><h2>\(h(w.planTargets)) (\(view.targets.count))</h2>\n"
        if view.targets.isEmpty {
            html += "<p>\(h(w.none))</p>"
        } else {
            html += "<table id=\"plan-targets\"><tr><th>\(h(w.planTargets))</th><th>\(h(w.targetMin))</th></tr>\n"
            html += view.targets.map { "<tr><td>\(h($0.label)) <span class=\"muted\">(\(h($0.indicator)))</span></td><td>\(h($0.min))</td></tr>\n" }.joined()
            html += "</table>"
        }
        return html + "\n</section>\n"
    }
}
