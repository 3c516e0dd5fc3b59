import Foundation
import LedgerDomain
import MultipartKit
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// The `file` fields of a `multipart/form-data` body, each written to a staging file as it
/// arrives, and the plain fields (the form's `csrf`). Fed chunk by chunk to MultipartKit's
/// streaming parser, so an upload costs the daemon a chunk of memory, not its size.
final class MultipartUpload {
    /// One received file: the name the browser sent and where its bytes now are.
    struct File {
        var fileName: String
        var path: String
    }

    enum Failure: Error {
        /// The files together pass the limit.
        case tooLarge
        /// Not well-formed multipart.
        case malformed
        /// The staging file cannot be written (a full disk): a fault of the machine.
        case staging(String, Int32)
    }

    private let parser: MultipartParser
    private let stagingFolder: String
    private let limit: Int
    private(set) var files: [File] = []
    private(set) var fields: [String: String] = [:]
    private var headers: [(String, String)] = []
    /// The current part's `Content-Disposition` parameters, read once its headers are in.
    private var part: [String: String]?
    private var field: [UInt8] = []
    private var output: (descriptor: Int32, path: String, name: String)?
    private var received = 0
    private var failure: Failure?

    /// - Parameters:
    ///   - stagingFolder: where the files' bytes are written (`.<uuid>.part`).
    ///   - limit: what all files together may hold.
    init(boundary: String, stagingFolder: String, limit: Int) {
        parser = MultipartParser(boundary: boundary)
        self.stagingFolder = stagingFolder
        self.limit = limit
        parser.onHeader = { [unowned self] name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { [unowned self] buffer in body(&buffer) }
        parser.onPartComplete = { [unowned self] in partComplete() }
    }

    deinit {
        if let output { close(output.descriptor) }
    }

    /// Feeds the next chunk of the body.
    func feed(_ chunk: ByteBuffer) throws(Failure) {
        do {
            try parser.execute(chunk)
        } catch {
            throw failure ?? .malformed
        }
        if let failure { throw failure }
    }

    /// Removes every staged file (after a refusal, or once the files were taken).
    func discard() {
        if let output {
            close(output.descriptor)
            unlink(output.path)
            self.output = nil
        }
        for file in files { unlink(file.path) }
        files = []
    }

    private var disposition: [String: String] {
        if let part { return part }
        let parameters = headers.first { $0.0 == "content-disposition" }.map { Self.parameters($0.1) } ?? [:]
        part = parameters
        return parameters
    }

    /// A new, empty staging file; nil (and `failure` set) when it cannot be made.
    private func stagingFile() -> (descriptor: Int32, path: String)? {
        let path = (stagingFolder as NSString).appendingPathComponent(".\(UUID().uuidString.lowercased()).part")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            failure = .staging(path, errno)
            return nil
        }
        return (descriptor, path)
    }

    private func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return
        }
        let parameters = disposition
        guard parameters["name"] == "file", let name = Self.fileName(parameters) else {
            // A plain field: kept up to 1 KiB (the CSRF token is 64 hex digits).
            if field.count <= 1024 { field += buffer.readBytes(length: min(buffer.readableBytes, 1025 - field.count)) ?? [] }
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return
        }
        received += buffer.readableBytes
        if received > limit {
            failure = .tooLarge
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return
        }
        if output == nil {
            guard let file = stagingFile() else { return }
            output = (file.descriptor, file.path, name)
        }
        guard let output else { return }
        let written = buffer.withUnsafeReadableBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = write(output.descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        if !written { failure = .staging(output.path, errno) }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
    }

    private func partComplete() {
        defer {
            headers = []
            part = nil
            field = []
        }
        let parameters = disposition
        if parameters["name"] == "file", let name = Self.fileName(parameters) {
            if let output {
                close(output.descriptor)
                self.output = nil
                files.append(File(fileName: name, path: output.path))
            } else if !name.isEmpty, let empty = stagingFile() {
                // An empty file that was chosen: staged empty. (A browser sends an empty
                // part without a name when no file was chosen.)
                close(empty.descriptor)
                files.append(File(fileName: name, path: empty.path))
            }
        } else if let name = parameters["name"], Self.fileName(parameters) == nil, field.count <= 1024 {
            fields[name] = String(decoding: field, as: UTF8.self)
        }
    }

    /// `filename`, or RFC 5987's `filename*=UTF-8''…` when only that is given.
    static func fileName(_ parameters: [String: String]) -> String? {
        if let plain = parameters["filename"] { return plain }
        guard let extended = parameters["filename*"] else { return nil }
        let pieces = extended.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }

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
