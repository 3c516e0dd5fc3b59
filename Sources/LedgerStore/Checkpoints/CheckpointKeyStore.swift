import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The log's signing key in `<state>/keys/`: `checkpoint.key` (the signer key text, mode
/// 0600, in a 0700 folder) and `checkpoint.pub` (the verifier key, for anyone). Never in
/// the database, which is copied to auditors and backups; losing the key file only means
/// that later checkpoints are signed by a new key, which those who kept the old ones
/// must be told of.
public struct CheckpointKeyStore: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var privateKeyPath: String { (folder as NSString).appendingPathComponent("checkpoint.key") }
    public var publicKeyPath: String { (folder as NSString).appendingPathComponent("checkpoint.pub") }
    /// The signer's `TreeWitness` frontier (`WitnessFile`).
    public var witnessPath: String { (folder as NSString).appendingPathComponent("tree-witness") }

    /// The key, or nil when the folder has none yet.
    public func load() throws -> NoteSigner? {
        guard let data = FileManager.default.contents(atPath: privateKeyPath) else { return nil }
        guard let signer = NoteSigner(encoded: String(decoding: data, as: UTF8.self)) else {
            throw KeyFileError(description: "\(privateKeyPath) does not hold a signer key (PRIVATE+KEY+<name>+<id>+<key>)")
        }
        return signer
    }

    /// The verifier key written beside the signer key.
    public func loadVerifier() throws -> NoteVerifier? {
        if let data = FileManager.default.contents(atPath: publicKeyPath) {
            guard let verifier = NoteVerifier(encoded: String(decoding: data, as: UTF8.self)) else {
                throw KeyFileError(description: "\(publicKeyPath) does not hold a verifier key (<name>+<id>+<key>)")
            }
            return verifier
        }
        return try load()?.verifier
    }

    /// The key, created (named `name`) when there is none. An existing key is never replaced.
    /// - Returns: the key and whether it was created now.
    public func loadOrCreate(name: String) throws -> (signer: NoteSigner, created: Bool) {
        if let signer = try load() { return (signer, false) }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw KeyFileError(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let signer = NoteSigner.generate(name: name)
        try write(signer.encoded + "\n", to: privateKeyPath, mode: 0o600)
        try? FileManager.default.removeItem(atPath: publicKeyPath)
        try write(signer.verifier.encoded + "\n", to: publicKeyPath, mode: 0o644)
        return (signer, true)
    }

    /// Written with O_EXCL (a key appearing meanwhile is not overwritten) and synced.
    private func write(_ text: String, to path: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw KeyFileError(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw KeyFileError(description: "cannot write \(path): \(reason)")
        }
    }
}

public struct KeyFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
