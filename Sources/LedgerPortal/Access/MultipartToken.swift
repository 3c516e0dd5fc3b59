import Hummingbird
import NIOCore

/// The `csrf` field at the head of a multipart body, read without reading the rest: the
/// pages' forms put their hidden token before the file, as browsers send fields in the
/// form's order. The bytes read are handed on in front of the rest of the body.
enum MultipartToken {
    /// The token's part must end within this many bytes (it is about 150); reading stops
    /// at the first chunk that reaches it.
    static let peekLimit = 8 * 1024

    static func peek(_ body: RequestBody, boundary: String) async throws -> (token: String?, body: RequestBody) {
        var iterator = body.makeAsyncIterator()
        var head = ByteBuffer()
        var token: String?
        var ended = false
        while head.readableBytes < peekLimit {
            guard let chunk = try await iterator.next() else {
                ended = true
                break
            }
            head.writeImmutableBuffer(chunk)
            // Only the first `peekLimit` bytes count, whatever size the chunks come in.
            if let found = firstField(Array(head.readableBytesView.prefix(peekLimit)), boundary: boundary) {
                token = found.name == "csrf" ? found.value : nil
                break
            }
        }
        let rest = Remainder(iterator: ended ? nil : iterator)
        return (token, RequestBody(asyncSequence: Prefixed(head: head, rest: rest)))
    }

    /// The name and value of the first part, once its closing boundary has arrived; nil
    /// while more bytes are needed (or never, for a body that is not multipart).
    static func firstField(_ bytes: [UInt8], boundary: String) -> (name: String, value: String)? {
        let opening = Array("--\(boundary)\r\n".utf8), closing = Array("\r\n--\(boundary)".utf8)
        guard bytes.count >= opening.count, Array(bytes[0..<opening.count]) == opening,
            let headersEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: opening.count),
            let valueEnd = find(closing, in: bytes, from: headersEnd + 4)
        else { return nil }
        let headers = String(decoding: bytes[opening.count..<headersEnd], as: UTF8.self)
        guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
            let range = disposition.range(of: "name=\"")
        else { return ("", "") }
        let name = disposition[range.upperBound...].prefix { $0 != "\"" }
        return (String(name), String(decoding: bytes[(headersEnd + 4)..<valueEnd], as: UTF8.self))
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle {
            return index
        }
        return nil
    }

    /// The body's iterator, read by one consumer after the peek (the upload): handed over,
    /// never shared, so it is sent across once without a race.
    final class Remainder: @unchecked Sendable {
        var iterator: RequestBody.AsyncIterator?
        init(iterator: RequestBody.AsyncIterator?) { self.iterator = iterator }
    }

    /// The bytes already read, then the rest of the body.
    struct Prefixed: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let head: ByteBuffer
        let rest: Remainder

        struct AsyncIterator: AsyncIteratorProtocol {
            var head: ByteBuffer?
            let rest: Remainder

            mutating func next() async throws -> ByteBuffer? {
                if let head, head.readableBytes > 0 {
                    self.head = nil
                    return head
                }
                self.head = nil
                guard var iterator = rest.iterator else { return nil }
                let chunk = try await iterator.next()
                rest.iterator = chunk == nil ? nil : iterator
                return chunk
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(head: head, rest: rest) }
    }
}
