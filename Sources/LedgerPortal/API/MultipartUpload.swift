import Foundation
import LedgerDomain
import MultipartKit
import NIOCore

/// The `file` field of a `multipart/form-data` body: its file name and bytes. Parsed by
/// MultipartKit's streaming parser; every other field is skipped.
struct MultipartUpload {
    var fileName: String
    var bytes: [UInt8]

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let type = parts.first, type.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    /// The first part named `file` that carries a file name; nil when there is none or the
    /// body is not well formed.
    static func parse(_ body: ByteBuffer, boundary: String) -> MultipartUpload? {
        parseForm(body, boundary: boundary)?.files.first
    }

    /// Every part named `file` that carries a file name, in order, and the plain fields
    /// (the form's `csrf`); nil when the body is not well formed.
    static func parseForm(_ body: ByteBuffer, boundary: String) -> (files: [MultipartUpload], fields: [String: String])? {
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        var current: [UInt8] = []
        var files: [MultipartUpload] = []
        var fields: [String: String] = [:]
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in current += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            defer {
                headers = []
                current = []
            }
            guard let disposition = headers.first(where: { $0.0 == "content-disposition" })?.1 else { return }
            let parameters = Self.parameters(disposition)
            if parameters["name"] == "file", let name = parameters["filename"] {
                // A browser sends an empty part when no file was chosen.
                if !(name.isEmpty && current.isEmpty) { files.append(MultipartUpload(fileName: name, bytes: current)) }
            } else if let name = parameters["name"], parameters["filename"] == nil, current.count <= 1024 {
                fields[name] = String(decoding: current, as: UTF8.self)
            }
        }
        do {
            try parser.execute(body)
        } catch {
            return nil
        }
        return (files, fields)
    }

    /// `form-data; name="file"; filename="bao-cao.csv"` → its parameters (quotes removed,
    /// `\"` unescaped).
    static func parameters(_ disposition: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(disposition)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = ""
            var index = rest.index(after: equals)
            if index < rest.endIndex, rest[index] == "\"" {
                index = rest.index(after: index)
                while index < rest.endIndex, rest[index] != "\"" {
                    if rest[index] == "\\", rest.index(after: index) < rest.endIndex { index = rest.index(after: index) }
                    value.append(rest[index])
                    index = rest.index(after: index)
                }
                if index < rest.endIndex { index = rest.index(after: index) }
            } else {
                while index < rest.endIndex, rest[index] != ";" {
                    value.append(rest[index])
                    index = rest.index(after: index)
                }
                value = value.trimmingCharacters(in: .whitespaces)
            }
            result[key] = value
            rest = rest[index...]
        }
        return result
    }

    /// The name the file gets in the agency's folders: the last component of what the
    /// browser sent (some send a Windows path), nil when empty, hidden, `..`, too long, or
    /// with a control character or slash.
    static func safeName(_ sent: String) -> String? {
        let last = sent.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last.map(String.init) ?? ""
        guard !last.isEmpty, !last.hasPrefix("."), last.utf8.count <= 255,
            !last.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return last
    }
}
