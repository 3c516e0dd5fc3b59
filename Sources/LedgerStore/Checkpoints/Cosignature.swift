import Crypto
import Foundation

/// A witness's key for C2SP `tlog-cosignature` (Ed25519, `cosignature/v1`): the centre
/// that accepted a province's checkpoint adds its own signature line to the note, so that
/// an operator cannot show auditors one history and the centre another.
///
/// The key id is `SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[0..<4]` and the key texts are
/// the signed-note ones with the type byte 0x04: `<name>+<id>+<base64(0x04 ‖ key)>`, and
/// `PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>` for the signer.
public enum Cosignature {
    static let ed25519: UInt8 = 0x04

    static func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, ed25519] + publicKey).prefix(4))
    }

    /// The message a cosignature signs: the header line, the time line, then the note's text.
    static func message(text: String, timestamp: UInt64) -> Data {
        Data("cosignature/v1\ntime \(timestamp)\n\(text)".utf8)
    }
}

/// Checks a centre's cosignature on a checkpoint note.
public struct CosignatureVerifier: Sendable, Equatable {
    public let name: String
    public let keyID: [UInt8]
    public let publicKey: [UInt8]

    init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
        keyID = Cosignature.keyID(name: name, publicKey: publicKey)
    }

    /// Reads `<name>+<hex id>+<base64(0x04 ‖ key)>`; nil when it is not one or its id does not match.
    public init?(encoded text: String) {
        guard let fields = NoteKey.fields(of: text, type: Cosignature.ed25519, signer: false) else { return nil }
        self.init(name: fields.name, publicKey: fields.key)
        guard keyID == fields.id else { return nil }
    }

    public var encoded: String {
        NoteKey.text(name: name, id: keyID, type: Cosignature.ed25519, key: publicKey, signer: false)
    }

    /// The note's text and the time of the cosignature, when one of its lines is this
    /// witness's and verifies.
    public func verified(_ note: String) throws(NoteError) -> (text: String, timestamp: UInt64) {
        let (text, signatures) = try SignedNote.split(note)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { throw NoteError("the witness key is not an Ed25519 key") }
        var named = false
        for signature in signatures where signature.name == name {
            named = true
            guard signature.bytes.count == 4 + 8 + 64, Array(signature.bytes.prefix(4)) == keyID else { continue }
            let timestamp = signature.bytes[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard timestamp <= UInt64(Int64.max) else { continue }
            if key.isValidSignature(Data(signature.bytes.suffix(64)), for: Cosignature.message(text: text, timestamp: timestamp)) {
                return (text, timestamp)
            }
        }
        throw NoteError(named ? "its cosignature by \(name) does not verify" : "it carries no cosignature by \(name)")
    }
}

/// The centre's witness key: cosigns the checkpoints it accepted.
public struct CosignatureSigner: Sendable {
    public let name: String
    private let seed: [UInt8]
    public let verifier: CosignatureVerifier

    init(name: String, key: Curve25519.Signing.PrivateKey) {
        self.name = name
        seed = Array(key.rawRepresentation)
        verifier = CosignatureVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    public static func generate(name: String) -> CosignatureSigner {
        CosignatureSigner(name: name, key: Curve25519.Signing.PrivateKey())
    }

    public init?(encoded text: String) {
        guard let fields = NoteKey.fields(of: text, type: Cosignature.ed25519, signer: true),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: fields.key)
        else { return nil }
        self.init(name: fields.name, key: key)
        guard verifier.keyID == fields.id else { return nil }
    }

    public var encoded: String {
        NoteKey.text(name: name, id: verifier.keyID, type: Cosignature.ed25519, key: seed, signer: true)
    }

    /// `note` with this witness's line added after its own signatures, stamped `timestamp`
    /// (POSIX seconds). The note's signatures are kept as they are.
    public func cosign(_ note: String, timestamp: UInt64) throws -> String {
        let (text, _) = try SignedNote.split(note)
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        let signature = try key.signature(for: Cosignature.message(text: text, timestamp: timestamp))
        var stamp: [UInt8] = []
        for shift in stride(from: 56, through: 0, by: -8) { stamp.append(UInt8(truncatingIfNeeded: timestamp >> UInt64(shift))) }
        return note + "— \(name) \(Data(verifier.keyID + stamp + Array(signature)).base64EncodedString())\n"
    }
}
