import Crypto
import Foundation

/// The keys of C2SP `signed-note` (the format of Go's `golang.org/x/mod/sumdb/note`),
/// Ed25519 only: a key has a name and a 4-byte id,
/// `SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[0..<4]`, and is written
/// `<name>+<8 hex id>+<base64(0x01 ‖ key)>` (the signer's with `PRIVATE+KEY+` in front).
/// Ed25519 signatures are deterministic (RFC 8032), so a note signed twice is the same text.
public enum NoteKey {
    static let ed25519: UInt8 = 0x01

    /// Names may not be empty or hold spaces or `+` (they are fields of the key text).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && $0 != "+" }
    }

    static func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0A, ed25519] + publicKey)
        return Array(hasher.finalize().prefix(4))
    }

    /// Reads a key text: `<name>+<8 hex id>+<base64(type ‖ 32 bytes)>`, with `PRIVATE+KEY+`
    /// in front for a signer. The checkpoint's keys (type 0x01) and the centre's witness
    /// keys (0x04, `Cosignature`) are written alike; the caller checks the id.
    static func fields(of text: String, type: UInt8, signer: Bool) -> (name: String, id: [UInt8], key: [UInt8])? {
        var text = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if signer {
            guard text.hasPrefix("PRIVATE+KEY+") else { return nil }
            text = text.dropFirst("PRIVATE+KEY+".count)
        }
        // Cut at the first two “+” only: base64 has its own.
        let fields = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, isValidName(String(fields[0])), fields[1].count == 8, let id = HashChain.bytes(hex: String(fields[1])),
            let key = Data(base64Encoded: String(fields[2])), key.count == 33, key.first == type
        else { return nil }
        return (String(fields[0]), id, Array(key.dropFirst()))
    }

    /// The key text `fields(of:type:signer:)` reads.
    static func text(name: String, id: [UInt8], type: UInt8, key: [UInt8], signer: Bool) -> String {
        (signer ? "PRIVATE+KEY+" : "") + "\(name)+\(HashChain.hex(id))+\(Data([type] + key).base64EncodedString())"
    }
}

/// A key that checks notes: what an auditor is given.
public struct NoteVerifier: Sendable, Equatable {
    public let name: String
    public let keyID: [UInt8]
    public let publicKey: [UInt8]

    init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
        keyID = NoteKey.keyID(name: name, publicKey: publicKey)
    }

    /// Reads `<name>+<hex id>+<base64(0x01 ‖ key)>`; nil when it is not one or its id
    /// does not match its key.
    public init?(encoded text: String) {
        guard let fields = NoteKey.fields(of: text, type: NoteKey.ed25519, signer: false) else { return nil }
        self.init(name: fields.name, publicKey: fields.key)
        guard keyID == fields.id else { return nil }
    }

    public var encoded: String {
        NoteKey.text(name: name, id: keyID, type: NoteKey.ed25519, key: publicKey, signer: false)
    }

    /// The text of `note` when one of its signature lines is this key's and valid.
    public func verifiedText(of note: String) throws(NoteError) -> String {
        let (text, signatures) = try SignedNote.split(note)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { throw NoteError("the verifier key is not an Ed25519 key") }
        var named = false
        for signature in signatures where signature.name == name {
            named = true
            guard signature.bytes.count == 68, Array(signature.bytes.prefix(4)) == keyID else { continue }
            if key.isValidSignature(Data(signature.bytes.dropFirst(4)), for: Data(text.utf8)) { return text }
        }
        throw NoteError(named ? "its signature by \(name) does not verify" : "it carries no signature by \(name)")
    }
}

/// A key that signs notes: the log's own, kept in the state folder.
public struct NoteSigner: Sendable {
    public let name: String
    /// The 32-byte seed (swift-crypto's key type is not `Sendable`; it is made per use).
    private let seed: [UInt8]
    public let verifier: NoteVerifier

    init(name: String, key: Curve25519.Signing.PrivateKey) {
        self.name = name
        seed = Array(key.rawRepresentation)
        verifier = NoteVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    private var key: Curve25519.Signing.PrivateKey {
        // The seed was read from a valid key.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// The key that authenticates a `WitnessFile`, derived from the seed (a file made
    /// with another key, or by hand, is not believed).
    var witnessKey: [UInt8] {
        Array(SHA256.hash(data: Array("reformledger tree witness key".utf8) + seed))
    }

    /// A new random key.
    public static func generate(name: String) -> NoteSigner {
        NoteSigner(name: name, key: Curve25519.Signing.PrivateKey())
    }

    /// Reads `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>`.
    public init?(encoded text: String) {
        guard let fields = NoteKey.fields(of: text, type: NoteKey.ed25519, signer: true),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: fields.key)
        else { return nil }
        self.init(name: fields.name, key: key)
        guard verifier.keyID == fields.id else { return nil }
    }

    public var encoded: String {
        NoteKey.text(name: name, id: verifier.keyID, type: NoteKey.ed25519, key: seed, signer: true)
    }

    /// The signed note of `text` (which ends with a newline): the text, a blank line, and
    /// `— <name> <base64(key id ‖ signature)>`.
    public func sign(_ text: String) throws -> String {
        precondition(text.hasSuffix("\n"), "a note's text ends with a newline")
        let signature = try key.signature(for: Data(text.utf8))
        return text + "\n— \(name) \(Data(verifier.keyID + Array(signature)).base64EncodedString())\n"
    }
}

/// A note that cannot be read or does not verify; the message says which.
public struct NoteError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The parts of a signed note (C2SP `signed-note`).
enum SignedNote {
    struct Signature {
        var name: String
        var bytes: [UInt8]
    }

    /// The text (up to and with the newline before the last blank line) and the
    /// signature lines after it.
    static func split(_ note: String) throws(NoteError) -> (text: String, signatures: [Signature]) {
        guard note.hasSuffix("\n"), let blank = note.range(of: "\n\n", options: .backwards) else {
            throw NoteError("it is not a signed note (a text, a blank line, signature lines)")
        }
        let text = String(note[..<blank.lowerBound]) + "\n"
        var signatures: [Signature] = []
        for line in note[blank.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "—", let bytes = Data(base64Encoded: String(fields[2])), bytes.count >= 5 else {
                throw NoteError("a signature line is not “— <name> <base64>”")
            }
            signatures.append(Signature(name: String(fields[1]), bytes: Array(bytes)))
        }
        guard !signatures.isEmpty else { throw NoteError("it has no signature line") }
        return (text, signatures)
    }
}
