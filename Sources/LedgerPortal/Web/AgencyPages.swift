import HTTPTypes
import Hummingbird
import LedgerDomain

/// A clerk's pages, for her own agency (coordinators and admins may open any agency's;
/// auditors read them without the upload form): send files and read each verdict at once,
/// download the agency's template, its tasks, what is due this period, its files.
struct AgencyPages: Sendable {
    let routes: WebRoutes

    private var backend: any PortalBackend { routes.backend }
    private var words: PortalWords { routes.words }

    func add(to router: Router<PortalRequestContext>) {
        let agencyPages = routes.guarded(router, .agencyPages(parameter: "code"))
        agencyPages.get("agency/:code") { request, context in
            let code = context.parameters.get("code") ?? "", visitor = try context.visitor
            guard let period = routes.period(request) else { return routes.layout(visitor).problem(.unknownPeriod) }
            guard AgencyCode.isValid(code), let view = try await backend.agencyView(code, period: period) else {
                return routes.layout(visitor).problem(.unknownAgency)
            }
            return routes.layout(visitor).page(view.name, page(view, visitor: visitor, verdicts: nil))
        }
        agencyPages.get("agency/:code/template.xlsx") { _, context in
            let code = context.parameters.get("code") ?? "", visitor = try context.visitor
            guard AgencyCode.isValid(code), try backend.knowsAgency(code) else { return routes.layout(visitor).problem(.unknownAgency) }
            return Download.file(try await backend.template(agency: code), name: "mau-\(code).xlsx", type: Download.xlsx)
        }
        routes.guarded(router, .upload(parameter: "code")).post("agency/:code/upload") { request, context in
            try await upload(request, code: context.parameters.get("code") ?? "", visitor: try context.visitor)
        }
    }

    private func upload(_ request: Request, code: String, visitor: Visitor) async throws -> Response {
        let layout = routes.layout(visitor), account = visitor.account
        // The files of one send together stay within max_file_bytes.
        let admission = UploadAdmission(backend: backend, settings: routes.settings, gate: routes.uploads, logger: routes.logger)
        let outcome = try await admission.admit(request, agency: code, by: account) { form in
            guard !form.files.isEmpty else { return layout.problem(.noFileChosen) }
            var verdicts: [(String, UploadVerdict?, PortalProblem?)] = []
            for file in form.files {
                guard let name = MultipartUpload.safeName(file.fileName) else {
                    verdicts.append((file.fileName, nil, .invalidUploadName))
                    continue
                }
                let verdict = try await backend.upload(agency: code, fileName: name, staged: file.path)
                routes.logger.info(
                    "upload",
                    metadata: ["login": "\(account.login)", "agency": "\(code)", "file": "\(name)", "accepted": "\(verdict.accepted)", "via": "page"])
                verdicts.append((name, verdict, nil))
            }
            guard let view = try await backend.agencyView(code, period: backend.currentPeriod()) else { return layout.problem(.unknownAgency) }
            let allAccepted = verdicts.allSatisfy { $0.1?.accepted == true }
            return layout.page(view.name, page(view, visitor: visitor, verdicts: verdicts), status: allAccepted ? .ok : .unprocessableContent)
        }
        switch outcome {
        case .taken(let response): return response
        case .refused(let problem):
            var response = layout.problem(problem)
            // As the API says it: a full gate is worth trying again in half a minute.
            if problem == .uploadsBusy { response.headers[.retryAfter] = "30" }
            return response
        }
    }

    private func page(_ view: AgencyView, visitor: Visitor, verdicts: [(String, UploadVerdict?, PortalProblem?)]?) -> String {
        let w = words, code = q(view.code)
        var html = "<h1>\(h(view.name)) <span class=\"muted\">(\(h(view.code)))</span></h1>\n"
        html += "<p class=\"subtitle\">\(h(w.period)): \(h(view.periodTitle)) (\(h(view.period)))</p>\n"
        if let verdicts { html += verdictList(verdicts) }
        html += LoopPages.fragment(view, visitor: visitor, words: w, reviewing: false)
        if visitor.account.mayActFor(agency: view.code) {
            html += """
                <section><h2>\(h(w.upload))</h2>
                <form class="card" id="upload" method="post" action="/agency/\(code)/upload" enctype="multipart/form-data">
                <input type="hidden" name="csrf" value="\(h(visitor.csrf ?? ""))">
                <p class="muted">\(h(w.uploadHint))</p>
                <label for="upload-files">\(h(w.chooseFiles))</label>
                <input type="file" id="upload-files" name="file" multiple accept=".json,.ndjson,.jsonl,.csv,.tsv,.xlsx">
                <button type="submit" id="send">\(h(w.send))</button>
                </form>
                <p><a id="template" href="/agency/\(code)/template.xlsx">\(h(w.template))</a> · <a id="entry" href="/agency/\(code)/entry">\(h(w.entry))</a></p>
                </section>

                """
        }
        html += "<section><h2>\(h(w.due))</h2>\n"
        html += view.due.isEmpty ? "<p>\(h(w.none))</p>" : "<ul id=\"due\">" + view.due.map { "<li>\(h($0))</li>" }.joined() + "</ul>"
        html += "\n</section>\n<section><h2>\(h(w.tasks))</h2>\n"
        if view.tasks.isEmpty {
            html += "<p>\(h(w.none))</p>"
        } else {
            html += "<table id=\"tasks\"><tr><th>\(h(w.task))</th><th>\(h(w.window))</th><th>\(h(w.role))</th><th>\(h(w.status))</th></tr>\n"
            for task in view.tasks {
                html +=
                    "<tr><td><b>\(h(task.task))</b> \(h(task.title))</td><td>\(h(task.window))</td><td>\(h(task.role))</td><td class=\"s-\(h(task.statusCode))\">\(h(task.status))</td></tr>\n"
            }
            html += "</table>"
        }
        html += "\n</section>\n<section><h2>\(h(w.files))</h2>\n"
        if view.files.isEmpty {
            html += "<p>\(h(w.noFiles))</p>"
        } else {
            html += "<table id=\"file-history\"><tr><th>\(h(w.file))</th><th>\(h(w.when))</th><th>\(h(w.result))</th></tr>\n"
            for file in view.files {
                let result: String
                if file.accepted {
                    let counts = file.appended.map { " — " + w.acceptedCount($0, file.duplicates ?? 0) } ?? ""
                    result = "<span class=\"ok\">\(h(w.accepted))</span>\(h(counts))"
                } else {
                    result =
                        "<span class=\"problem\">\(h(w.rejected))</span>" + (file.errors.isEmpty ? "" : "<ul>" + file.errors.map(errorItem).joined() + "</ul>")
                }
                html += "<tr><td>\(h(file.name))</td><td>\(h(file.when))</td><td>\(result)</td></tr>\n"
            }
            html += "</table>"
        }
        return html + "\n</section>\n"
    }

    /// Each file's verdict: accepted with its counts, or every error with its line (and
    /// sheet and cell) and message.
    private func verdictList(_ verdicts: [(String, UploadVerdict?, PortalProblem?)]) -> String {
        let w = words
        var html = "<section id=\"verdicts\"><h2>\(h(w.verdicts))</h2>\n"
        for (name, verdict, problem) in verdicts {
            guard let verdict, let entry = verdict.entry.objectValue else {
                html +=
                    "<div class=\"verdict rejected\"><b>\(h(name))</b>: <span class=\"problem\">\(h(problem?.message.text(in: w.language) ?? ""))</span></div>\n"
                continue
            }
            func integer(_ key: String) -> Int { if case .integer(let n)? = entry[key] { n } else { 0 } }
            if verdict.accepted {
                html +=
                    "<div class=\"verdict accepted\" data-status=\"accepted\"><b>\(h(name))</b>: <span class=\"ok\">\(h(w.accepted))</span> — \(h(w.acceptedCount(integer("appended"), integer("duplicates"))))</div>\n"
                continue
            }
            html += "<div class=\"verdict rejected\" data-status=\"rejected\"><b>\(h(name))</b>: <span class=\"problem\">\(h(w.rejected))</span><ul>\n"
            if case .array(let errors)? = entry["errors"] { html += errors.map(errorItem).joined() }
            html += "</ul></div>\n"
        }
        return html + "</section>\n"
    }

    /// One error of a verdict or an `errors.json`: where (line, sheet, cell, field) and what, in words.
    private func errorItem(_ error: JSONValue) -> String {
        guard let object = error.objectValue else { return "" }
        var place: [String] = []
        if case .integer(let line)? = object["line"] { place.append(words.line(line)) }
        if let sheet = object["sheet"]?.stringValue { place.append(words.sheet(sheet)) }
        if let cell = object["cell"]?.stringValue { place.append(words.cell(cell)) }
        if let field = object["field"]?.stringValue { place.append(field) }
        let message = object["message"]?.stringValue ?? "", code = object["code"]?.stringValue ?? ""
        return "<li data-code=\"\(h(code))\">\(h(place.isEmpty ? "" : place.joined(separator: ", ") + ": "))\(h(message))</li>\n"
    }
}

/// A file sent as an attachment: the browser saves it rather than shows it here.
enum Download {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func file(_ bytes: [UInt8], name: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name.filter { $0 != "\"" && $0 != "\\" })\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func type(of path: String) -> String {
        switch path.split(separator: ".").last.map(String.init) ?? "" {
        case "json": "application/json"
        case "md": "text/markdown; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": xlsx
        default: "application/octet-stream"
        }
    }
}
