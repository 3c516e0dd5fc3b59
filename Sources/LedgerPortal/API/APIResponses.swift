import HTTPTypes
import Hummingbird
import LedgerDomain

/// JSON answers of the API, and the problem object every refusal carries:
/// `{"error": {"code": …, "message": …}}` with the message in the configured language.
enum APIResponses {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: JSONWriter.string(value, pretty: true) + "\n")))
    }

    static func problem(_ problem: PortalProblem, language: Language, extra: [(String, String)] = []) -> Response {
        var response = json(
            .object(["error": .object(["code": .string(problem.rawValue), "message": .string(problem.message.text(in: language))])]),
            status: HTTPResponse.Status(code: problem.status))
        for (name, value) in extra {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}
