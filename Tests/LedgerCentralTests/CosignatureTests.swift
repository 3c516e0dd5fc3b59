import Foundation
import Testing

@testable import LedgerStore

/// C2SP tlog-cosignature/v1 with Ed25519: the key id uses the type byte 0x04, the signed
/// message is the header line, the time line and the note's text, and the line carries
/// key id ‖ big-endian time ‖ signature.
struct CosignatureTests {
    let province = NoteSigner.generate(name: "sonoivu.soctrang.gov.vn/reformledger")
    let centre = CosignatureSigner.generate(name: "bonoivu.gov.vn/centre")

    func note() throws -> String {
        try province.sign(Checkpoint(origin: "sonoivu.soctrang.gov.vn/reformledger", size: 42, root: Array(repeating: 7, count: 32)).body)
    }

    @Test func aCosignedNoteVerifiesForBothKeysAndCarriesItsTime() throws {
        let note = try note()
        let cosigned = try centre.cosign(note, timestamp: 1_767_225_600)
        #expect(cosigned.hasPrefix(note))
        let (text, time) = try centre.verifier.verified(cosigned)
        #expect(time == 1_767_225_600)
        #expect(try province.verifier.verifiedText(of: cosigned) == text)
        // The line's bytes: 4 of key id, 8 of time, 64 of signature.
        let line = try #require(cosigned.split(separator: "\n").last)
        let bytes = try #require(Data(base64Encoded: String(line.split(separator: " ")[2])))
        #expect(bytes.count == 76)
        #expect(Array(bytes.prefix(4)) == centre.verifier.keyID)
        #expect(Array(bytes[4..<12]) == [0, 0, 0, 0, 0x69, 0x55, 0xB9, 0x00])
    }

    @Test func aTamperedNoteOrAnotherWitnessDoesNotVerify() throws {
        let cosigned = try centre.cosign(try note(), timestamp: 1_767_225_600)
        let tampered = cosigned.replacingOccurrences(of: "\n42\n", with: "\n43\n")
        #expect(throws: NoteError.self) { try centre.verifier.verified(tampered) }
        let other = CosignatureSigner.generate(name: "bonoivu.gov.vn/centre")
        #expect(throws: NoteError.self) { try other.verifier.verified(cosigned) }
        // A province's signature is not a cosignature (another type byte, another message).
        let lookalike = CosignatureVerifier(name: province.name, publicKey: province.verifier.publicKey)
        #expect(throws: NoteError.self) { try lookalike.verified(cosigned) }
    }

    @Test func keyTextsRoundTripAndRefuseAMismatchedID() throws {
        let signer = try #require(CosignatureSigner(encoded: centre.encoded))
        #expect(signer.verifier == centre.verifier)
        let verifier = try #require(CosignatureVerifier(encoded: centre.verifier.encoded))
        #expect(verifier == centre.verifier)
        var fields = centre.verifier.encoded.split(separator: "+", maxSplits: 2).map(String.init)
        fields[1] = "00000000"
        #expect(CosignatureVerifier(encoded: fields.joined(separator: "+")) == nil)
        // A signed-note (0x01) key is not a witness key.
        #expect(CosignatureVerifier(encoded: province.verifier.encoded) == nil)
    }
}
