import Foundation
import Hummingbird
import LedgerDomain
import Logging

/// What an upload passes before the inbox rules see it, the same from the API and from the
/// clerk's page (after the route's access rule and CSRF check): a known agency, a declared size within
/// `max_file_bytes` (checked before the body is read), a place at the `UploadGate`, and a
/// multipart body that parses — streamed to staging files as it arrives and counted
/// against the limit as it goes, so a chunked body is cut off at the limit too.
struct UploadAdmission: Sendable {
    let backend: any PortalBackend
    let settings: PortalSettings
    let gate: UploadGate
    let logger: Logger

    typealias Form = (files: [MultipartUpload.File], fields: [String: String])

    enum Outcome: Sendable {
        case taken(Response)
        case refused(PortalProblem)
    }

    /// Runs `body` with the received form; its staged files are removed afterwards
    /// (the backend moves away each file it takes).
    func admit(
        _ request: Request, agency: String, by account: Account, _ body: (Form) async throws -> Response
    ) async throws -> Outcome {
        // Who may send for the agency is the route's `AccessRule.upload`, checked before.
        guard AgencyCode.isValid(agency), try backend.knowsAgency(agency) else { return .refused(.unknownAgency) }
        let limit = settings.maxFileBytes + PortalSettings.envelopeAllowance
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { return .refused(.payloadTooLarge) }
        guard let boundary = request.headers[.contentType].flatMap(MultipartUpload.boundary(contentType:)) else { return .refused(.malformedUpload) }
        let staging = try backend.uploadStagingFolder()
        let outcome = try await gate.withPlace { () async throws -> Outcome in
            let upload = MultipartUpload(boundary: boundary, stagingFolder: staging, limit: settings.maxFileBytes)
            defer { upload.discard() }
            var total = 0
            do {
                for try await chunk in request.body {
                    total += chunk.readableBytes
                    guard total <= limit else { throw MultipartUpload.Failure.tooLarge }
                    try upload.feed(chunk)
                }
            } catch let failure as MultipartUpload.Failure {
                switch failure {
                case .tooLarge: return .refused(.payloadTooLarge)
                case .malformed: return .refused(.malformedUpload)
                case .staging(let path, let code):
                    throw StagingFailure(description: "cannot write the upload's staging file \(path): \(String(cString: strerror(code)))")
                }
            }
            return .taken(try await body((upload.files, upload.fields)))
        }
        guard let outcome else {
            logger.warning("upload refused: too many uploads waiting", metadata: ["login": "\(account.login)", "agency": "\(agency)"])
            return .refused(.uploadsBusy)
        }
        return outcome
    }

    struct StagingFailure: Error, CustomStringConvertible {
        var description: String
    }
}
