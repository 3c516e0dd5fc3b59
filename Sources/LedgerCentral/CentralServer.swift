import Foundation
import Hummingbird
import LedgerDomain
import LedgerStore
import Logging
import Synchronization

/// `central serve`: the centre's HTTP face for provinces. Three routes:
/// `GET /v1/head?origin=O` (how far the centre holds a ledger), `POST /v1/push` (one
/// NDJSON batch, answered with the cosigned checkpoint) and `GET /v1/key` (the witness's
/// verifier key). A refusal is JSON `{"code","kind","message","size"}` with 400, 404,
/// 409 or 422; a batch over `maxBatchBytes` is 413 before a byte of it is parsed.
public struct CentralServer: Sendable {
    public static let maxBatchBytes = 64 << 20
    /// Batches read and checked at once; more wait outside (503 `busy`, `Retry-After: 1`),
    /// so that many clients cannot make the centre hold many 64 MiB bodies.
    public static let concurrentBatches = 4

    let store: CentralStore
    let cosigner: CosignatureSigner
    let logger: Logger

    public init(store: CentralStore, cosigner: CosignatureSigner, logger: Logger) {
        self.store = store
        self.cosigner = cosigner
        self.logger = logger
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let store = self.store, cosigner = self.cosigner, logger = self.logger
        let gate = BatchGate(limit: Self.concurrentBatches)
        router.get("/v1/key") { _, _ in
            Self.text(cosigner.verifier.encoded + "\n")
        }
        router.get("/v1/head") { request, _ in
            guard let origin = request.uri.queryParameters.get("origin") else {
                return Self.refusal(CentralError(.rejected, "the query names no origin (?origin=…)"), size: nil)
            }
            do {
                guard let ledger = try await Self.within(Self.databaseDeadline, { try await store.ledger(origin: origin) }) else {
                    return Self.refusal(CentralError(.usage, "\(origin) is not registered at the centre", code: "unknown_ledger"), size: nil)
                }
                let head: JSONObject = [
                    "origin": .string(origin), "size": .integer(Int(ledger.state?.size ?? 0)),
                    "root": .string(ledger.state.map { Data($0.root).base64EncodedString() } ?? ""),
                    "checkpoint": .optional(ledger.checkpoint), "cosigned": .optional(ledger.cosigned),
                ]
                return Self.json(.object(head), status: .ok)
            } catch {
                return Self.refusal(store.centralError(error), logger: logger)
            }
        }
        router.post("/v1/push") { request, _ in
            guard gate.enter() else {
                var busy = Self.refusal(CentralError(.fault, "the centre is taking other batches; send again in a second", code: "busy"), size: nil)
                busy.headers[.retryAfter] = "1"
                return busy
            }
            defer { gate.leave() }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: Self.maxBatchBytes)
            } catch {
                return Self.refusal(
                    CentralError(.rejected, "the batch is over \(Self.maxBatchBytes) bytes; send smaller batches", code: "too_large"), size: nil)
            }
            do {
                let batch = try PushBatch(decoding: body.readableBytesView)
                let receipt = try await Self.within(Self.databaseDeadline) { try await store.accept(batch, cosigner: cosigner) }
                logger.info(
                    "batch accepted",
                    metadata: [
                        "origin": "\(batch.origin)", "appended": "\(receipt.appended)", "duplicates": "\(receipt.duplicates)", "size": "\(receipt.size)",
                    ])
                return Self.json(receipt.json, status: .ok)
            } catch {
                return Self.refusal(store.centralError(error), logger: logger)
            }
        }
        return router
    }

    /// Serves until SIGTERM or SIGINT.
    public func run(host: String, port: Int, onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let logger = self.logger
        let application = Application(
            router: router(),
            // A client that sends nothing for this long is disconnected, instead of holding
            // one of the batch places for ever.
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil, reuseAddress: true),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                logger.notice("centre listening", metadata: ["http.address": "\(host):\(bound)"])
                onListening(bound)
            },
            logger: logger)
        try await application.runService()
    }

    /// How long a request may wait on PostgreSQL: a server that went away mid-batch (its
    /// connection pool waiting to connect again) is answered 503, not held for ever.
    static let databaseDeadline = Duration.seconds(30)

    /// `body`, or a fault once `limit` has passed. The answer does not wait for the body to
    /// end: it is cancelled, but a connection that died in the middle of a `COPY` may leave
    /// it waiting on PostgreSQL, and the province must hear back all the same.
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = OnceAnswer(continuation)
            let work = Task {
                do { once.resume(.success(try await body())) } catch { once.resume(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: limit)
                work.cancel()
                once.resume(.failure(CentralError(.fault, "the centre's database did not answer within \(limit.components.seconds) s", code: "unavailable")))
            }
        }
    }

    /// A continuation resumed by whichever comes first, once.
    final class OnceAnswer<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = Mutex(continuation)
        }

        func resume(_ result: Result<T, any Error>) {
            continuation.withLock { $0.take() }?.resume(with: result)
        }
    }

    /// A count of batches in hand, bounded.
    final class BatchGate: Sendable {
        private let state: Mutex<Int>
        let limit: Int

        init(limit: Int) {
            self.limit = limit
            state = Mutex(0)
        }

        func enter() -> Bool {
            state.withLock { count in
                guard count < limit else { return false }
                count += 1
                return true
            }
        }

        func leave() { state.withLock { $0 -= 1 } }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: JSONWriter.string(value) + "\n")))
    }

    static func text(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Any failure as JSON: a `CentralError` with its status, anything else 503 and logged.
    static func refusal(_ error: any Error, logger: Logger) -> Response {
        guard let error = error as? CentralError else {
            logger.error("the centre failed", metadata: ["error": "\(error)"])
            return refusal(CentralError(.fault, "the centre failed: \(error)"), size: nil)
        }
        if error.kind == .fault { logger.error("the centre failed", metadata: ["error": "\(error.description)"]) }
        return refusal(error, size: nil)
    }

    static func refusal(_ error: CentralError, size: Int64?) -> Response {
        let status: HTTPResponse.Status =
            switch (error.kind, error.code) {
            case (_, "too_large"): .contentTooLarge
            case (_, "unknown_ledger"): .notFound
            case (_, "gap"), (.verification, "not_extending"): .conflict
            case (.verification, _): .unprocessableContent
            case (.fault, _): .serviceUnavailable
            default: .badRequest
            }
        let kind =
            switch error.kind {
            case .rejected: "rejected"
            case .usage: "usage"
            case .verification: "verification"
            case .fault: "fault"
            }
        return json(.object(["code": .string(error.code), "kind": .string(kind), "message": .string(error.description)]), status: status)
    }
}
