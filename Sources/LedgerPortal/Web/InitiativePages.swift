import HTTPTypes
import Hummingbird
import LedgerDomain

/// The library of models and initiatives (`/initiatives`, every signed-in account): what SNV
/// shared, who originated each and who applies it since when, the proposals waiting. A
/// clerk applies one in two clicks — "Áp dụng" beside it, then "Xác nhận áp dụng" with the
/// day (today unless changed) — which sends an `initiative.applied` through the same
/// checks as a file (`POST /agency/{code}/initiatives/apply`).
struct InitiativePages: Sendable {
    let routes: WebRoutes

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        routes.guarded(router, .signedIn).get("initiatives") { request, context in
            let visitor = try context.visitor
            let chosen = QueryString.parse(request.uri.query)["apply"]
            return routes.layout(visitor).page(words.initiatives, page(try await backend.initiativeLibrary(), visitor: visitor, chosen: chosen))
        }
        routes.guarded(router, .upload(parameter: "code")).post("agency/:code/initiatives/apply") { request, context in
            let visitor = try context.visitor, code = context.parameters.get("code") ?? ""
            let layout = routes.layout(visitor)
            guard AgencyCode.isValid(code), try backend.knowsAgency(code) else { return layout.problem(.unknownAgency) }
            let form = QueryString.parse(try await routes.formText(request))
            guard let initiative = form["initiative"], Identifier.isValid(initiative) else { return layout.problem(.invalidQuery) }
            let since = form["since"].flatMap { $0.isEmpty ? nil : $0 }
            let verdict = try await backend.applyInitiative(agency: code, initiative: initiative, since: since, result: form["result"])
            routes.logger.info(
                "initiative applied",
                metadata: ["login": "\(visitor.account.login)", "agency": "\(code)", "initiative": "\(initiative)", "accepted": "\(verdict.accepted)"])
            let library = try await backend.initiativeLibrary()
            return layout.page(
                words.initiatives, verdictHTML(verdict, initiative: initiative) + page(library, visitor: visitor, chosen: nil),
                status: verdict.accepted ? .ok : .unprocessableContent)
        }
    }

    private func verdictHTML(_ verdict: UploadVerdict, initiative: String) -> String {
        if verdict.accepted { return "<p class=\"ok\" role=\"status\" id=\"applied\">\(h(words.initiativeApplied(initiative)))</p>\n" }
        let messages = verdict.errors.map(\.message)
        return "<div class=\"problem\" role=\"alert\" id=\"refused\"><p>\(h(words.initiativeRefused))</p><ul>"
            + messages.map { "<li>\(h($0))</li>" }.joined() + "</ul></div>\n"
    }

    private func page(_ library: InitiativeLibrary, visitor: Visitor, chosen: String?) -> String {
        let w = words, account = visitor.account
        // The agency a clerk applies for: her own; others read.
        let applier = account.role == .clerk ? account.agency : nil
        var html = "<h1>\(h(w.initiatives))</h1>\n<p class=\"muted\">\(h(w.initiativesIntro))</p>\n"
        if library.initiatives.isEmpty { html += "<p>\(h(w.noInitiatives))</p>\n" }
        for entry in library.initiatives {
            html += "<section class=\"card initiative\" id=\"mh-\(h(entry.code))\"><h2>\(h(entry.code)) — \(h(entry.title))</h2>\n<dl class=\"facts\">"
            if let origin = entry.origin { html += "<dt>\(h(w.initiativeOrigin))</dt><dd>\(h(origin))</dd>" }
            if let award = entry.award { html += "<dt>\(h(w.initiativeAward))</dt><dd>\(h(award))</dd>" }
            html += "<dt>\(h(w.initiativeShared))</dt><dd>\(h(entry.sharedOn))</dd></dl>\n"
            if let description = entry.description { html += "<p>\(h(description))</p>\n" }
            if let url = entry.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
                html += "<p><a href=\"\(h(url))\" rel=\"noopener noreferrer\">\(h(url))</a></p>\n"
            }
            html += "<p><b>\(h(w.initiativeAppliers)) (\(entry.appliers.count)):</b> "
            html +=
                entry.appliers.isEmpty
                ? h(w.none) : entry.appliers.map { "\(h($0.name)) (\(h($0.code)), \(h(w.since($0.since))))" }.joined(separator: "; ")
            html += "</p>\n"
            if let applier, !entry.appliers.contains(where: { $0.code == applier }) {
                if chosen == entry.code {
                    html += """
                        <form class="apply" method="post" action="/agency/\(q(applier))/initiatives/apply">
                        <input type="hidden" name="csrf" value="\(h(visitor.csrf ?? ""))"><input type="hidden" name="initiative" value="\(h(entry.code))">
                        <label for="since-\(h(entry.code))">\(h(w.appliedFrom))</label>
                        <input type="date" id="since-\(h(entry.code))" name="since">
                        <label for="result-\(h(entry.code))">\(h(w.applyResult))</label>
                        <input type="text" id="result-\(h(entry.code))" name="result">
                        <button type="submit" id="confirm-\(h(entry.code))">\(h(w.confirmApply))</button>
                        </form>

                        """
                } else {
                    html +=
                        "<p><a class=\"button\" id=\"apply-\(h(entry.code))\" href=\"/initiatives?apply=\(q(entry.code))#mh-\(q(entry.code))\">\(h(w.apply))</a></p>\n"
                }
            }
            html += "</section>\n"
        }
        html += "<section><h2>\(h(w.waitingProposals)) (\(library.waiting.count))</h2>\n"
        html +=
            library.waiting.isEmpty
            ? "<p>\(h(w.none))</p>"
            : "<ul id=\"waiting\">"
                + library.waiting.map { "<li><b>\(h($0.title))</b> — \(h($0.agency)), \(h($0.proposedOn)): \(h($0.description))</li>" }.joined()
                + "</ul>"
        return html + "\n</section>\n"
    }
}
