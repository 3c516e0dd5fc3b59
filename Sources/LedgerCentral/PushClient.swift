import Foundation
import LedgerDomain
import LedgerStore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The province's side of the centre's three routes: `http://` over a plain socket
/// (`PlainHTTP`), `https://` with Foundation's URLSession. Both ship with the toolchain, so
/// the push adds no client library to every build.
public struct PushClient: Sendable {
    public let centre: URL
    public let timeout: TimeInterval

    public init(centre: URL, timeout: TimeInterval = 120) {
        self.centre = centre
        self.timeout = timeout
    }

    /// How many events of `origin` the centre holds, and its last cosigned checkpoint.
    public func head(origin: String) async throws(CentralError) -> (size: Int64, cosigned: String?) {
        var components = URLComponents(url: centre.appendingPathComponent("v1/head"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "origin", value: origin)]
        guard let url = components?.url else { throw CentralError(.usage, "--to: \(centre) is not a URL the push can use") }
        let object = try await exchange(URLRequest(url: url))
        guard case .integer(let size)? = object["size"] else { throw CentralError(.fault, "the centre's answer to /v1/head has no size") }
        return (Int64(size), object["cosigned"]?.stringValue)
    }

    /// Sends one batch. - Returns: the centre's receipt with its cosignature.
    public func send(_ batch: PushBatch) async throws(CentralError) -> PushReceipt {
        var request = URLRequest(url: centre.appendingPathComponent("v1/push"))
        request.httpMethod = "POST"
        request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(batch.encoded())
        let object = try await exchange(request)
        guard let receipt = PushReceipt(json: .object(object)) else { throw CentralError(.fault, "the centre's receipt does not read") }
        return receipt
    }

    /// The witness's verifier key, as the centre publishes it.
    public func witnessKey() async throws(CentralError) -> String {
        let (data, _) = try await raw(URLRequest(url: centre.appendingPathComponent("v1/key")))
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func exchange(_ request: URLRequest) async throws(CentralError) -> JSONObject {
        let (data, status) = try await raw(request)
        guard case .object(let object)? = try? JSONParser().parse(Array(data)) else {
            throw CentralError(.fault, "the centre answered \(status) without JSON")
        }
        guard status == 200 else {
            let message = object["message"]?.stringValue ?? "HTTP \(status)"
            let code = object["code"]?.stringValue
            let kind: CentralError.Kind =
                switch object["kind"]?.stringValue {
                case "verification": .verification
                case "usage": .usage
                case "rejected": .rejected
                default: .fault
                }
            throw CentralError(kind, message, code: code)
        }
        return object
    }

    private func raw(_ request: URLRequest) async throws(CentralError) -> (Data, Int) {
        if let url = request.url, url.scheme == "http", let host = url.host {
            let path = url.path.isEmpty ? "/" : url.path + (url.query.map { "?" + $0 } ?? "")
            do {
                let answer = try await PlainHTTP.exchange(
                    host: host, port: url.port ?? 80, method: request.httpMethod ?? "GET", path: path,
                    body: request.httpBody.map(Array.init) ?? [], contentType: "application/x-ndjson", timeout: timeout)
                return (Data(answer.body), answer.status)
            } catch {
                throw CentralError(.fault, "the centre at \(centre.absoluteString) cannot be reached: \(error)", code: "unavailable")
            }
        }
        var request = request
        request.timeoutInterval = timeout
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (data, response) = try await session.data(for: request)
            return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
        } catch {
            throw CentralError(.fault, "the centre at \(centre.absoluteString) cannot be reached: \(error.localizedDescription)", code: "unavailable")
        }
    }
}
