import HTTPTypes
import Hummingbird
import LedgerDomain

/// The reporting loop on both sides of the portal: where an agency's report of a period
/// stands (pending, accepted, returned with the reason), SNV's accept and return buttons,
/// and the comment thread of the agency and period, shown on the clerk's page and on SNV's
/// page of the agency. Each decision or comment is an event of the visitor's agency sent
/// through the inbox rules (`PortalBackend.submit`), then the page again (303 when taken,
/// the page with the reasons and 422 when not).
struct LoopPages: Sendable {
    let routes: WebRoutes

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        routes.guarded(router, .coordinates).post("dashboard/agency/:code/review") { request, context in
            let visitor = try context.visitor, code = context.parameters.get("code") ?? ""
            let form = QueryString.parse(try await routes.formText(request))
            guard AgencyCode.isValid(code), try backend.knowsAgency(code) else { return routes.layout(visitor).problem(.unknownAgency) }
            guard let period = form["period"].flatMap(ReportPeriod.parse), let decision = form["decision"].flatMap(ReviewDecision.init(rawValue:))
            else { return routes.layout(visitor).problem(.invalidQuery) }
            var data = JSONObject([("agency", .string(code)), ("period", .string(period.description)), ("decision", .string(decision.rawValue))])
            if let reason = form["reason"], !reason.trimmingCharacters(in: .whitespaces).isEmpty { data.append("reason", .string(reason)) }
            let verdict = try await backend.submit(.reportReviewed, data: data, as: visitor.account.agency, fileStem: "xem-xet-\(code)")
            routes.logger.info(
                "report reviewed",
                metadata: [
                    "login": "\(visitor.account.login)", "agency": "\(code)", "period": "\(period)", "decision": "\(decision.rawValue)",
                    "accepted": "\(verdict.accepted)",
                ])
            return try await answer(verdict, back: "/dashboard/agency/\(q(code))?period=\(q(period.description))", visitor: visitor)
        }
        routes.guarded(router, .upload(parameter: "code")).post("agency/:code/comments") { request, context in
            let visitor = try context.visitor, code = context.parameters.get("code") ?? ""
            let form = QueryString.parse(try await routes.formText(request))
            guard AgencyCode.isValid(code), try backend.knowsAgency(code) else { return routes.layout(visitor).problem(.unknownAgency) }
            guard let period = form["period"].flatMap(ReportPeriod.parse) else { return routes.layout(visitor).problem(.invalidQuery) }
            let data = JSONObject([("agency", .string(code)), ("period", .string(period.description)), ("text", .string(form["text"] ?? ""))])
            // A clerk writes as her agency; a coordinator as hers (SNV), on the agency's thread.
            let verdict = try await backend.submit(.commentPosted, data: data, as: visitor.account.agency, fileStem: "y-kien-\(code)")
            routes.logger.info("comment posted", metadata: ["login": "\(visitor.account.login)", "agency": "\(code)", "accepted": "\(verdict.accepted)"])
            let side = visitor.account.mayActFor(agency: code) && visitor.account.role == .clerk ? "/agency" : "/dashboard/agency"
            return try await answer(verdict, back: "\(side)/\(q(code))?period=\(q(period.description))#thread", visitor: visitor)
        }
    }

    private func answer(_ verdict: UploadVerdict, back: String, visitor: Visitor) async throws -> Response {
        if verdict.accepted { return PageLayout.redirect(back) }
        let messages = verdict.errors.map(\.message)
        let body =
            "<div class=\"problem\" role=\"alert\" id=\"refused\"><p>\(h(words.notRecorded))</p><ul>" + messages.map { "<li>\(h($0))</li>" }.joined()
            + "</ul></div>\n<p><a href=\"\(h(back))\">← \(h(words.back))</a></p>\n"
        return routes.layout(visitor).page(words.notRecorded, body, status: .unprocessableContent)
    }

    /// Where the report stands, SNV's buttons (on SNV's side), and the thread with its form.
    static func fragment(_ view: AgencyView, visitor: Visitor, words w: PortalWords, reviewing: Bool) -> String {
        let code = q(view.code), token = h(visitor.csrf ?? "")
        var html = "<section id=\"loop\"><h2>\(h(w.reviewHeading))</h2>\n"
        html += "<p class=\"review r-\(h(view.reviewCode ?? "none"))\" id=\"review\" role=\"status\">\(h(view.review ?? w.notSubmitted))</p>\n"
        if !view.reminders.isEmpty { html += "<p class=\"muted\" id=\"reminders\">\(h(view.reminders.joined(separator: "; ")))</p>\n" }
        if reviewing, visitor.account.role == .coordinator || visitor.account.role == .admin {
            html += """
                <form class="card" id="review-form" method="post" action="/dashboard/agency/\(code)/review">
                <input type="hidden" name="csrf" value="\(token)"><input type="hidden" name="period" value="\(h(view.period))">
                <label for="reason">\(h(w.returnReason))</label>
                <textarea id="reason" name="reason" rows="2" cols="60"></textarea>
                <p><button type="submit" name="decision" value="accepted" id="accept">\(h(w.acceptReport))</button>
                <button type="submit" name="decision" value="returned" id="return">\(h(w.returnReport))</button></p>
                </form>

                """
        }
        html += "<h3 id=\"thread\">\(h(w.thread)) (\(view.comments.count))</h3>\n"
        html +=
            view.comments.isEmpty
            ? "<p>\(h(w.none))</p>\n"
            : "<ol class=\"thread\">" + view.comments.map { "<li><b>\(h($0.by))</b> <span class=\"muted\">\(h($0.on))</span><br>\(h($0.text))</li>" }.joined()
                + "</ol>\n"
        if visitor.account.role != .auditor {
            html += """
                <form class="card" id="comment-form" method="post" action="/agency/\(code)/comments">
                <input type="hidden" name="csrf" value="\(token)"><input type="hidden" name="period" value="\(h(view.period))">
                <label for="comment-text">\(h(w.yourComment))</label>
                <textarea id="comment-text" name="text" rows="3" cols="60" required></textarea>
                <p><button type="submit" id="post-comment">\(h(w.postComment))</button></p>
                </form>

                """
        }
        return html + "</section>\n"
    }
}
