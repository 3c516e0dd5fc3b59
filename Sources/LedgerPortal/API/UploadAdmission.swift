import Hummingbird
import LedgerDomain
import Logging

/// What an upload passes before the inbox rules see it, the same from the API and from the
/// clerk's page: a known agency, an account that may send for it, a declared size within
/// `max_file_bytes` (checked before the body is read), a multipart body that parses.
struct UploadAdmission: Sendable {
    let backend: any PortalBackend
    let settings: PortalSettings
    let logger: Logger

    typealias Form = (files: [MultipartUpload], fields: [String: String])

    enum Outcome {
        case admitted(Form)
        case refused(PortalProblem)
    }

    func admit(_ request: Request, agency: String, by account: Account) async throws -> Outcome {
        guard AgencyCode.isValid(agency), try backend.knowsAgency(agency) else { return .refused(.unknownAgency) }
        if account.role == .auditor { return .refused(.readOnlyRole) }
        guard account.mayActFor(agency: agency) else {
            logger.warning("upload refused: another agency", metadata: ["login": "\(account.login)", "agency": "\(agency)"])
            return .refused(.forbiddenAgency)
        }
        let limit = settings.maxFileBytes + PortalSettings.envelopeAllowance
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { return .refused(.payloadTooLarge) }
        guard let boundary = request.headers[.contentType].flatMap(MultipartUpload.boundary(contentType:)) else { return .refused(.malformedUpload) }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return .refused(.payloadTooLarge)
        }
        guard let form = MultipartUpload.parseForm(body, boundary: boundary) else { return .refused(.malformedUpload) }
        return .admitted(form)
    }
}
