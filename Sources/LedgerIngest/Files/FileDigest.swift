import Crypto
import LedgerFiles
import LedgerStore

extension SafeFile {
    /// SHA-256 of the file's bytes, streamed: provenance and the ingested-files record.
    public func sha256() throws -> String {
        var hasher = SHA256()
        try forEachChunk { hasher.update(bufferPointer: $0) }
        return HashChain.hex(Array(hasher.finalize()))
    }
}
