/// Envelope and data validation: any JSON value decodes to an event or to problems, never
/// a trap; an accepted event's normalised form is accepted again unchanged (idempotency
/// rests on it), and every problem has a code and a message in both languages.
enum FuzzEnvelope {
    static func run(_ input: UnsafeRawBufferPointer) {
        guard let value = try? JSONParser().parse(Array(input)) else { return }
        for decoder in [EnvelopeDecoder(), EnvelopeDecoder(acceptsSystemTypes: true)] {
            switch decoder.decode(value, folderAgency: "BST") {
            case .failure(let failure):
                guard !failure.problems.isEmpty else { fuzzFailure("a failure without problems") }
                for problem in failure.problems where problem.message(in: .vi).isEmpty || problem.message(in: .en).isEmpty {
                    fuzzFailure("a problem without a message")
                }
            case .success(let draft):
                var envelope = JSONObject([
                    ("id", .string(draft.id)), ("type", .string(draft.type.rawValue)),
                    ("occurred_at", .string(draft.occurredAt.storedText)), ("data", .object(draft.data)),
                ])
                if let corrects = draft.corrects { envelope.append("corrects", .string(corrects)) }
                guard case .success(let again) = decoder.decode(.object(envelope), folderAgency: "BST") else {
                    fuzzFailure("a normalised event is refused")
                }
                guard again.canonicalData == draft.canonicalData, again.occurredAt == draft.occurredAt else {
                    fuzzFailure("normalising twice changes the event")
                }
                _ = draft.occurredAt.localDate(in: decoder.zone).yearMonth
            }
        }
    }
}
