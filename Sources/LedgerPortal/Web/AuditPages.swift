import HTTPTypes
import Hummingbird
import LedgerDomain

/// The auditors' pages (coordinators and admins may read them too): the audit trail with
/// its filters, each event with its provenance, lineage and hash, the events behind any
/// figure of a report page, and "verify now", which runs `verify`'s checks on the spot.
struct AuditPages: Sendable {
    let routes: WebRoutes

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        let readers = routes.guarded(router, .readsEverything)
        readers.get("audit") { request, context in
            let visitor = try context.visitor
            let values = QueryString.parse(request.uri.query)
            guard let query = EventQueryParameters.parse(values) else {
                return routes.layout(visitor).page(words.audit, try filters(values) + problem(.invalidQuery), status: .badRequest)
            }
            let page = try await backend.events(query)
            var html = try filters(values) + table(page.events)
            if let next = page.nextBefore {
                var link = values.filter { $0.key != "before" && !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { "\(q($0.key))=\(q($0.value))" }
                link.append("before=\(next)")
                html += "<p><a id=\"next\" href=\"/audit?\(h(link.joined(separator: "&")))\">\(h(words.next)) →</a></p>"
            }
            return routes.layout(visitor).page(words.audit, html)
        }
        readers.get("audit/event/:seq") { _, context in
            let visitor = try context.visitor
            guard let seq = context.parameters.get("seq").flatMap(Int64.init), let event = try await backend.event(seq: seq) else {
                return routes.layout(visitor).problem(.notFound)
            }
            return routes.layout(visitor).page("\(words.event) \(seq)", detail(event))
        }
        readers.get("audit/trace") { request, context in
            let visitor = try context.visitor
            let values = QueryString.parse(request.uri.query)
            guard let period = values["period"].flatMap(ReportPeriod.parse) else { return routes.layout(visitor).problem(.unknownPeriod) }
            guard let figure = values["figure"], let trace = try await backend.trace(figure: figure, period: period) else {
                return routes.layout(visitor).problem(.notFound)
            }
            var html = "<h1>\(h(words.traceTitle(trace.title, trace.period)))</h1>\n"
            html += "<p id=\"trace-count\" data-count=\"\(trace.count)\">\(h(words.traceCount(trace.count, trace.events.count)))</p>\n"
            html += "<p><a href=\"/dashboard?period=\(q(trace.period))\">← \(h(words.dashboard))</a></p>\n"
            return routes.layout(visitor).page(words.traceTitle(trace.title, trace.period), html + table(trace.events))
        }
        readers.get("audit/verify") { _, context in
            let visitor = try context.visitor
            return routes.layout(visitor).page(words.verify, verifyForm(visitor, result: nil))
        }
        readers.post("audit/verify") { _, context in
            let visitor = try context.visitor
            let result = try await backend.verify()
            routes.logger.notice(
                "verify from the portal", metadata: ["login": "\(visitor.account.login)", "ok": "\(result.objectValue?["ok"] == .bool(true))"])
            return routes.layout(visitor).page(words.verify, verifyForm(visitor, result: result))
        }
    }

    private func problem(_ problem: PortalProblem) -> String {
        "<p class=\"problem\" data-code=\"\(h(problem.rawValue))\">\(h(problem.message.text(in: words.language)))</p>"
    }

    private func filters(_ values: [String: String]) throws -> String {
        let w = words
        func value(_ name: String) -> String { h(values[name] ?? "") }
        let agencies = try backend.agencies()
        let agencyOptions =
            "<option value=\"\">\(h(w.any))</option>"
            + agencies.map { "<option value=\"\(h($0.code))\"\(values["agency"] == $0.code ? " selected" : "")>\(h($0.code)) — \(h($0.name))</option>" }
            .joined()
        let typeOptions =
            "<option value=\"\">\(h(w.any))</option>"
            + EventType.allCases.map {
                "<option value=\"\(h($0.rawValue))\"\(values["type"] == $0.rawValue ? " selected" : "")>\(h($0.label.text(in: w.language)))</option>"
            }.joined()
        return """
            <h1>\(h(w.audit))</h1>
            <form class="filters card" method="get" action="/audit">
            <div><label for="agency">\(h(w.agency))</label><select id="agency" name="agency">\(agencyOptions)</select></div>
            <div><label for="type">\(h(w.type))</label><select id="type" name="type">\(typeOptions)</select></div>
            <div><label for="from">\(h(w.from))</label><input type="text" id="from" name="from" value="\(value("from"))" placeholder="DD/MM/YYYY"></div>
            <div><label for="to">\(h(w.to))</label><input type="text" id="to" name="to" value="\(value("to"))" placeholder="DD/MM/YYYY"></div>
            <div><label for="q">\(h(w.text))</label><input type="text" id="q" name="q" value="\(value("q"))"></div>
            <div><button type="submit" id="filter">\(h(w.filter))</button></div>
            </form>

            """
    }

    /// Events as `events --json` prints them, one row each, linked to their page.
    private func table(_ events: [JSONValue]) -> String {
        let w = words
        guard !events.isEmpty else { return "<p id=\"no-events\">\(h(w.noEvents))</p>" }
        var html =
            "<table id=\"events\"><tr><th>\(h(w.seq))</th><th>\(h(w.occurred))</th><th>\(h(w.agency))</th><th>\(h(w.id))</th><th>\(h(w.type))</th><th>\(h(w.source))</th><th>\(h(w.hash))</th></tr>\n"
        for event in events {
            guard let e = event.objectValue, case .integer(let seq)? = e["seq"] else { continue }
            let type = e["type"]?.stringValue ?? ""
            var notes: [String] = []
            if let corrects = e["corrects"]?.stringValue { notes.append("\(w.corrects) \(corrects)") }
            if case .array(let by)? = e["corrected_by"], !by.isEmpty {
                notes.append("\(w.correctedBy) " + by.compactMap(\.stringValue).joined(separator: ", "))
            }
            if let by = e["retracted_by"]?.stringValue { notes.append("\(w.retractedBy) \(by)") }
            html += """
                <tr data-seq="\(seq)"><td><a href="/audit/event/\(seq)">\(seq)</a></td><td>\(h(e["occurred_at"]?.stringValue ?? ""))</td>\
                <td>\(h(e["agency"]?.stringValue ?? ""))</td><td>\(h(e["id"]?.stringValue ?? ""))\(notes.isEmpty ? "" : "<br><span class=\"muted\">\(h(notes.joined(separator: "; ")))</span>")</td>\
                <td>\(h(EventType(rawValue: type)?.label.text(in: w.language) ?? type))</td><td>\(h(source(e)))</td><td><code>\(h(String((e["hash"]?.stringValue ?? "").prefix(16))))…</code></td></tr>

                """
        }
        return html + "</table>"
    }

    private func source(_ event: JSONObject) -> String {
        guard let source = event["source"]?.objectValue, let file = source["file"]?.stringValue else { return "—" }
        guard case .integer(let line)? = source["line"] else { return file }
        // A workbook's row: its sheet and row, as Excel shows them.
        if let sheet = source["sheet"]?.stringValue { return "\(file): \(words.sheetRow(sheet, line))" }
        return "\(file): \(line)"
    }

    private func detail(_ event: JSONValue) -> String {
        let w = words
        guard let e = event.objectValue else { return "" }
        let agency = e["agency"]?.stringValue ?? ""
        func row(_ label: String, _ value: String) -> String { "<tr><th>\(h(label))</th><td>\(value)</td></tr>\n" }
        func lineage(_ ids: [String]) -> String {
            ids.map { "<a href=\"/audit?agency=\(q(agency))&amp;q=\(q($0))\">\(h($0))</a>" }.joined(separator: ", ")
        }
        var html = "<h1>\(h(w.event)) \(h(e["seq"].map { JSONWriter.string($0) } ?? ""))</h1>\n<table id=\"event\">\n"
        html += row(w.agency, h(agency))
        html += row(w.id, h(e["id"]?.stringValue ?? ""))
        let type = e["type"]?.stringValue ?? ""
        html += row(w.type, h(EventType(rawValue: type).map { "\($0.label.text(in: w.language)) (\(type))" } ?? type))
        html += row(w.occurred, h(e["occurred_at"]?.stringValue ?? ""))
        html += row(w.recorded, h(e["recorded_at"]?.stringValue ?? ""))
        if let corrects = e["corrects"]?.stringValue { html += row(w.corrects, lineage([corrects])) }
        if case .array(let by)? = e["corrected_by"], !by.isEmpty { html += row(w.correctedBy, lineage(by.compactMap(\.stringValue))) }
        if let by = e["retracted_by"]?.stringValue { html += row(w.retractedBy, lineage([by])) }
        if let source = e["source"]?.objectValue {
            html += row(w.source, h(self.source(e)) + (source["sha256"]?.stringValue.map { "<br><code>sha256 \(h($0))</code>" } ?? ""))
        }
        html += row(w.hash, "<code id=\"hash\">\(h(e["hash"]?.stringValue ?? ""))</code>")
        html += row(w.data, "<pre class=\"data\">\(h(e["data"].map { JSONWriter.string($0, pretty: true) } ?? ""))</pre>")
        return html + "</table>\n"
    }

    private func verifyForm(_ visitor: Visitor, result: JSONValue?) -> String {
        let w = words
        var html = """
            <h1>\(h(w.verify))</h1>
            <p>\(h(w.verifyExplain))</p>
            <form class="card" method="post" action="/audit/verify">
            <input type="hidden" name="csrf" value="\(h(visitor.csrf ?? ""))">
            <button type="submit" id="verify-now">\(h(w.verifyNow))</button>
            </form>

            """
        if let result, let object = result.objectValue {
            let ok = object["ok"] == .bool(true)
            html += "<section id=\"verify-result\" data-ok=\"\(ok)\">"
            html += ok ? "<p class=\"ok\">\(h(w.verifyOK))</p>" : "<p class=\"problem\">\(h(w.verifyFailed))</p>"
            html += "<pre class=\"data\">\(h(JSONWriter.string(result, pretty: true)))</pre></section>\n"
        }
        return html
    }
}
