import Crypto
import Foundation
import LedgerDomain

/// `hash(n) = SHA-256(hash(n-1) ‖ canonical(record n))`, `hash(0)` = 32 zero bytes;
/// the previous hash is chained as its raw bytes and stored as lowercase hex.
public enum HashChain {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    public static func next(previous: [UInt8], record: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: record)
        return hasher.finalize().bytes
    }

    /// The same hash as `next(previous:record:)` of `record.bytes(seq:)`, without joining
    /// the parts into one buffer first.
    public static func next(previous: [UInt8], record: CanonicalRecordParts, seq: Int64) -> [UInt8] {
        sha256(previous, record, seq: seq)
    }

    /// `SHA-256(prefix ‖ record.bytes(seq:))` fed part by part: the chain's link (the
    /// previous hash as prefix) and the Merkle leaf (0x00) hash the same record this way.
    static func sha256(_ prefix: [UInt8], _ record: CanonicalRecordParts, seq: Int64) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: prefix)
        hasher.update(data: record.head)
        var digits = String(seq)
        digits.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        hasher.update(data: record.tail)
        return hasher.finalize().bytes
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    public static func sha256Hex(_ bytes: some DataProtocol) -> String {
        hex(Array(SHA256.hash(data: bytes)))
    }
}

extension SHA256Digest {
    /// The 32 bytes in one copy (`Array(digest)` walks the digest's sequence byte by byte,
    /// which showed in the profile of every append).
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
}
