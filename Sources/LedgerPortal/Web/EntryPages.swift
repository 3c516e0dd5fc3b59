import HTTPTypes
import Hummingbird
import LedgerDomain

/// Entry in the browser (`GET`/`POST /agency/{CODE}/entry`): a clerk with two articles to
/// report fills a form instead of making a file. The form's fields are the template's
/// (`EntryForm`); the sent form becomes a one-row CSV file and goes through the same
/// decoding and admission as any upload (`PortalBackend.enter`), so its provenance is a
/// file name and a line like every event's. Every error is shown beside its field (and in a
/// summary announced to screen readers); the id is generated when left empty. No script.
struct EntryPages: Sendable {
    let routes: WebRoutes

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        let entry = routes.guarded(router, .upload(parameter: "code"))
        entry.get("agency/:code/entry") { request, context in
            let visitor = try context.visitor, code = context.parameters.get("code") ?? ""
            guard AgencyCode.isValid(code), try backend.knowsAgency(code) else { return routes.layout(visitor).problem(.unknownAgency) }
            guard let form = EntryForm.named(QueryString.parse(request.uri.query)["form"]) else { return routes.layout(visitor).problem(.invalidQuery) }
            let choices = try await backend.entryChoices(agency: code)
            return routes.layout(visitor).page(
                words.entry, page(code: code, form: form, choices: choices, visitor: visitor, values: [:], errors: [:], done: nil))
        }
        entry.post("agency/:code/entry") { request, context in
            let visitor = try context.visitor, code = context.parameters.get("code") ?? ""
            guard AgencyCode.isValid(code), try backend.knowsAgency(code) else { return routes.layout(visitor).problem(.unknownAgency) }
            let values = QueryString.parse(try await routes.formText(request))
            guard let form = EntryForm.named(values["entry_form"]) else { return routes.layout(visitor).problem(.invalidQuery) }
            var fields: [String: String] = [:]
            for name in ["id", "occurred_at"] + form.fields.map(\.name) { fields[name] = values[name] ?? "" }
            if let kind = form.surveyKind { fields["kind"] = kind.rawValue }
            let verdict = try await backend.enter(agency: code, type: form.type, fields: fields)
            let choices = try await backend.entryChoices(agency: code)
            routes.logger.info(
                "entered",
                metadata: ["login": "\(visitor.account.login)", "agency": "\(code)", "type": "\(form.type.rawValue)", "accepted": "\(verdict.accepted)"])
            if verdict.accepted {
                return routes.layout(visitor).page(
                    words.entry, page(code: code, form: form, choices: choices, visitor: visitor, values: [:], errors: [:], done: verdict))
            }
            return routes.layout(visitor).page(
                words.entry, page(code: code, form: form, choices: choices, visitor: visitor, values: values, errors: Self.errors(verdict), done: nil),
                status: .unprocessableContent)
        }
    }

    /// The verdict's errors by the form field they name (`data.channel` → `channel`); "" for the rest.
    static func errors(_ verdict: UploadVerdict) -> [String: [String]] {
        var byField: [String: [String]] = [:]
        for (named, message) in verdict.errors {
            var field = named ?? ""
            if field.hasPrefix("data.") { field = String(field.dropFirst(5)) }
            field = String(field.prefix { $0 != "." && $0 != "[" })
            byField[field, default: []].append(message)
        }
        return byField
    }

    private func page(
        code: String, form: EntryForm, choices: EntryChoices, visitor: Visitor, values: [String: String], errors: [String: [String]], done: UploadVerdict?
    ) -> String {
        let w = words
        var html = "<p><a href=\"/agency/\(q(code))\">← \(h(w.myAgency))</a></p>\n<h1>\(h(w.entry))</h1>\n<p class=\"muted\">\(h(w.entryHint))</p>\n"
        html += "<nav class=\"forms\" aria-label=\"\(h(w.entryForms))\"><ul>"
        html += EntryForm.all.map { other in
            other.key == form.key
                ? "<li><b aria-current=\"page\">\(h(other.title))</b></li>"
                : "<li><a href=\"/agency/\(q(code))/entry?form=\(q(other.key))\">\(h(other.title))</a></li>"
        }.joined()
        html += "</ul></nav>\n"
        if let done {
            let appended =
                done.entry.objectValue?["appended"].flatMap { value -> Int? in if case .integer(let n) = value { return n } else { return nil } } ?? 0
            html += "<p class=\"ok\" role=\"status\" id=\"entered\">\(h(appended > 0 ? w.entered : w.enteredAlready))</p>\n"
        }
        if !errors.isEmpty {
            html += "<div class=\"problem\" role=\"alert\" id=\"entry-errors\"><p>\(h(w.entryRefused))</p><ul>"
            html += errors.values.flatMap { $0 }.map { "<li>\(h($0))</li>" }.joined() + "</ul></div>\n"
        }
        html += """
            <form class="card entry" method="post" action="/agency/\(q(code))/entry">
            <input type="hidden" name="csrf" value="\(h(visitor.csrf ?? ""))"><input type="hidden" name="entry_form" value="\(h(form.key))">
            <h2>\(h(form.title))</h2>

            """
        html += field(
            "occurred_at", label: FieldLabels.label(of: "occurred_at", type: form.type).vi, required: true, input: .date, values: values, errors: errors)
        for spec in form.fields {
            html += field(
                spec.name, label: FieldLabels.label(of: spec.name, type: form.type).vi, required: spec.required, input: input(for: spec, choices: choices),
                values: values, errors: errors)
        }
        html += field("id", label: "\(FieldLabels.label(of: "id").vi) (\(w.idOptional))", required: false, input: .text, values: values, errors: errors)
        if let other = errors[""], !other.isEmpty { html += "<p class=\"problem\">\(h(other.joined(separator: " ")))</p>" }
        html += "<p><button type=\"submit\" id=\"enter\">\(h(w.enterSend))</button></p>\n</form>\n"
        return html
    }

    enum Input {
        case text, date, number, textarea
        case select([(value: String, label: String)])
    }

    private func input(for spec: FieldSpec, choices: EntryChoices) -> Input {
        switch spec.kind {
        case .date: return .date
        case .count: return .number
        case .oneOf(let vocabulary): return .select(zip(vocabulary.codes, vocabulary.labels).map { ($0.0, $0.1.vi) })
        case .period: return .select(choices.periods.map { ($0, $0) })
        case .identifier where spec.name == "task": return .select(choices.tasks.map { ($0.id, TaskChoice.text(id: $0.id, title: $0.title)) })
        case .identifier where spec.name == "initiative": return .select(choices.initiatives.map { ($0.code, TaskChoice.text(id: $0.code, title: $0.title)) })
        case .text where ["description", "assessment", "other", "note", "benefit", "result", "proposal"].contains(spec.name): return .textarea
        default: return .text
        }
    }

    private func field(_ name: String, label: String, required: Bool, input: Input, values: [String: String], errors: [String: [String]]) -> String {
        let id = "f-\(name)", value = values[name] ?? "", problems = errors[name] ?? []
        let described = problems.isEmpty ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
        let mark = required ? " <span aria-hidden=\"true\">*</span>" : ""
        var html = "<label for=\"\(id)\">\(h(label))\(mark)</label>\n"
        let requiredAttribute = required ? " required" : ""
        switch input {
        case .text: html += "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(h(value))\"\(requiredAttribute)\(described)>"
        case .date: html += "<input type=\"date\" id=\"\(id)\" name=\"\(name)\" value=\"\(h(value))\"\(requiredAttribute)\(described)>"
        case .number: html += "<input type=\"number\" id=\"\(id)\" name=\"\(name)\" min=\"0\" value=\"\(h(value))\"\(requiredAttribute)\(described)>"
        case .textarea: html += "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"3\" cols=\"60\"\(requiredAttribute)\(described)>\(h(value))</textarea>"
        case .select(let options):
            html += "<select id=\"\(id)\" name=\"\(name)\"\(requiredAttribute)\(described)><option value=\"\"></option>"
            html += options.map { "<option value=\"\(h($0.value))\"\($0.value == value ? " selected" : "")>\(h($0.label))</option>" }.joined()
            html += "</select>"
        }
        if !problems.isEmpty { html += "<p class=\"problem\" id=\"\(id)-error\">\(h(problems.joined(separator: " ")))</p>" }
        return html + "\n"
    }
}
