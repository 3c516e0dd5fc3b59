import HTTPTypes
import Hummingbird
import LedgerDomain

/// The shell of every page: language, title, the one style sheet, the menu for the
/// account's role, and the sign-out form with its CSRF token. No script, no inline style:
/// the pages work without JavaScript under the portal's Content-Security-Policy.
struct PageLayout {
    let words: PortalWords
    /// nil on the sign-in page.
    let account: Account?
    let csrf: String?

    func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
        var html = """
            <!DOCTYPE html>
            <html lang="\(words.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) — \(h(words.product))</title>
            <link rel="stylesheet" href="/static/portal.css">
            <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
            </head>
            <body>
            <nav class="top"><span class="brand">\(h(words.product))</span>
            """
        if let account {
            html += menu(account)
            html += """
                <form class="signout" method="post" action="/logout"><input type="hidden" name="csrf" value="\(h(csrf ?? ""))">\
                <span>\(h(words.signedInAs)): <b id="who">\(h(account.login))</b> (\(h(account.agency)))</span> \
                <button type="submit">\(h(words.signOut))</button></form>
                """
        }
        html += "</nav>\n<main>\n\(body)\n</main>\n</body>\n</html>\n"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private func menu(_ account: Account) -> String {
        var links: [(String, String)] = []
        if account.role == .clerk { links.append(("/agency/\(q(account.agency))", words.myAgency)) }
        links.append(("/initiatives", words.initiatives))
        if account.readsEverything {
            links.append(("/dashboard", words.dashboard))
            links.append(("/plans", words.plans))
            links.append(("/audit", words.audit))
            links.append(("/audit/verify", words.verify))
        }
        return links.map { "<a href=\"\(h($0.0))\">\(h($0.1))</a>" }.joined(separator: " ")
    }

    /// A refusal as a page: the problem's message in the page's language.
    func problem(_ problem: PortalProblem) -> Response {
        page(
            problem.message.text(in: words.language),
            "<p class=\"problem\" data-code=\"\(h(problem.rawValue))\">\(h(problem.message.text(in: words.language)))</p>",
            status: HTTPResponse.Status(code: problem.status))
    }

    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}
