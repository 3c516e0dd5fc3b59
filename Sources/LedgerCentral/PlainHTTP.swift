import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange over a plain TCP socket, on a thread of its own: what `push`
/// uses for `http://` centres. Foundation's URLSession (kept for `https://`) hands a
/// 10 MB body to libcurl in small pieces across threads, which cost more system time
/// than the centre took to check the batch; here the request is one `write` loop and the
/// answer is read to its `Content-Length`.
enum PlainHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `method path` with `body` to `host:port`; returns the status and the body.
    static func exchange(
        host: String, port: Int, method: String, path: String, body: [UInt8], contentType: String, timeout: TimeInterval
    ) async throws -> (status: Int, body: [UInt8]) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try blockingExchange(
                            host: host, port: port, method: method, path: path, body: body, contentType: contentType, timeout: timeout)
                    })
            }
        }
    }

    private static func blockingExchange(
        host: String, port: Int, method: String, path: String, body: [UInt8], contentType: String, timeout: TimeInterval
    ) throws -> (status: Int, body: [UInt8]) {
        let socket = try connect(host: host, port: port, timeout: timeout)
        defer { close(socket) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if method == "POST" { head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        try writeAll(socket, Array(head.utf8))
        if !body.isEmpty { try writeAll(socket, body) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var headerEnd: Int?
        var contentLength: Int?
        var status = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: errno == EAGAIN ? "no answer within \(Int(timeout)) s" : String(cString: strerror(errno)))
            }
            if count == 0 { break }
            received += chunk[0..<count]
            if headerEnd == nil, let end = find([13, 10, 13, 10], in: received) {
                headerEnd = end + 4
                let lines = String(decoding: received[0..<end], as: UTF8.self).split(separator: "\r\n")
                let fields = lines.first?.split(separator: " ") ?? []
                guard fields.count >= 2, let code = Int(fields[1]) else { throw Failure(description: "the answer is not HTTP") }
                status = code
                for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                }
            }
            if let headerEnd, let contentLength, received.count - headerEnd >= contentLength { break }
        }
        guard let headerEnd else { throw Failure(description: "the connection closed before an answer") }
        return (status, Array(received[headerEnd...].prefix(contentLength ?? .max)))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle {
            return index
        }
        return nil
    }

    private static func connect(host: String, port: Int, timeout: TimeInterval) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else { throw Failure(description: "\(host) cannot be resolved: \(String(cString: gai_strerror(resolved)))") }
        defer { freeaddrinfo(list) }
        var reason = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.pointee.ai_protocol)
            guard socket >= 0 else { continue }
            var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return socket }
            reason = String(cString: strerror(errno))
            close(socket)
        }
        throw Failure(description: "\(host):\(port): \(reason)")
    }

    private static func writeAll(_ socket: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
