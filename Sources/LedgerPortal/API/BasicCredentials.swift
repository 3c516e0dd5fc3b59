import Foundation

/// `Authorization: Basic base64(login:password)` (RFC 7617, UTF-8).
struct BasicCredentials {
    var login: String
    var password: String

    init?(header: String) {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", parts[1].utf8.count <= 1024,
            let data = Data(base64Encoded: String(parts[1])), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        login = String(text[..<colon])
        password = String(text[text.index(after: colon)...])
    }
}
