import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// Signed checkpoints as an auditor without access to the server checks them: every
/// check here is made by `Scripts/audit_checkpoint.py` (Python and the `cryptography`
/// package, no code of the product) or by `verify` on a copy of the ledger.
struct CheckpointTests {
    static let audit = RepositoryPaths.path("Scripts/audit_checkpoint.py")

    /// Runs the auditor's script: exit 0 when what it checks holds.
    private func audit(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run("/usr/bin/env", ["python3", Self.audit] + arguments)
    }

    /// A fixture with the plan and the Ba Xuyên newspaper's quarter: 48 + 6 events.
    private func fixture() throws -> CLIFixture {
        let fixture = try CLIFixture()
        let ingest = try fixture.run(["ingest", "--agency", "BST", RepositoryPaths.path("Examples/inbox/BST/bao-soc-trang-quy-1.ndjson")])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return fixture
    }

    private func key(_ fixture: CLIFixture) throws -> String {
        try fixture.run(["checkpoint", "--public-key"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func initKeepsTheKeyOutsideTheLedgerReadableByItsOwnerOnly() throws {
        let fixture = try CLIFixture()
        let keys = fixture.state + "/keys"
        let folder = try FileManager.default.attributesOfItem(atPath: keys)[.posixPermissions] as? Int
        let file = try FileManager.default.attributesOfItem(atPath: keys + "/checkpoint.key")[.posixPermissions] as? Int
        #expect(folder == 0o700 && file == 0o600)
        let secret = try String(contentsOfFile: keys + "/checkpoint.key", encoding: .utf8)
        #expect(secret.hasPrefix("PRIVATE+KEY+reformledger.local/ledger+"))
        let seed = String(secret.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 4)[4])
        let dump = try ProcessRunner.run("/usr/bin/env", ["sqlite3", fixture.state + "/ledger.sqlite", ".dump"])
        #expect(dump.status == 0 && !dump.stdout.contains(seed) && !dump.stdout.contains("PRIVATE"))
        // init again keeps the key: checkpoints stay verifiable by the key handed out.
        let before = try key(fixture)
        #expect(try fixture.run(["init"]).stdout.contains("Kept the checkpoint signing key"))
        #expect(try key(fixture) == before)
        // A damaged key file is named, not mistaken for a missing one.
        try "not a key\n".write(toFile: keys + "/checkpoint.pub", atomically: true, encoding: .utf8)
        let damaged = try fixture.run(["checkpoint", "--public-key"])
        #expect(damaged.status == 4 && damaged.stderr.contains("checkpoint.pub does not hold a verifier key"), "\(damaged.stderr)")
    }

    @Test func checkpointsAndProofsVerifyInPython() throws {
        let fixture = try fixture()
        let key = try key(fixture)
        #expect(key.hasPrefix("reformledger.local/ledger+"))
        let ledger = fixture.state + "/ledger.sqlite"
        let head = try fixture.run(["checkpoint"])
        #expect(head.status == 0)
        let lines = head.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.count == 6 && lines[0] == "reformledger.local/ledger" && lines[1] == "55" && lines[3].isEmpty
                && lines[4].hasPrefix("— reformledger.local/ledger "))
        #expect(try fixture.run(["checkpoint"]).stdout == head.stdout, "Ed25519 is deterministic")
        let newest = fixture.folder.write("head.txt", head.stdout)
        let checked = try audit(["checkpoint", key, newest, ledger])
        #expect(checked.status == 0 && checked.stdout.hasPrefix("OK reformledger.local/ledger 55 "), "\(checked.stdout)\(checked.stderr)")
        for seq in [1, 16, 17, 49, 54, 55] {
            let proof = fixture.folder.write("inclusion-\(seq).json", try fixture.run(["proof", "inclusion", "--seq", "\(seq)"]).stdout)
            let result = try audit(["inclusion", key, newest, proof, ledger, "\(seq)"])
            #expect(result.status == 0, "seq \(seq): \(result.stdout)\(result.stderr)")
        }
        for size in [1, 2, 8, 31, 49, 54] {
            let old = fixture.folder.write("old-\(size).txt", try fixture.run(["checkpoint", "--size", "\(size)"]).stdout)
            #expect(try audit(["checkpoint", key, old, ledger]).status == 0)
            let proof = fixture.folder.write("consistency-\(size).json", try fixture.run(["proof", "consistency", "--from", "\(size)"]).stdout)
            let result = try audit(["consistency", key, old, newest, proof])
            #expect(result.status == 0, "from \(size): \(result.stdout)\(result.stderr)")
            // A proof of another pair of sizes does not pass for this one.
            let other = fixture.folder.write("other-\(size).json", try fixture.run(["proof", "consistency", "--from", "\(size)", "--to", "55"]).stdout)
            #expect(try audit(["consistency", key, old, fixture.folder.file("old-1.txt"), other]).status == 3 || size == 1)
        }
        let proof = try fixture.json(try fixture.run(["proof", "inclusion", "--seq", "5", "--size", "20"]).stdout)
        #expect(proof.objectValue?["tree_size"] == .integer(20) && proof.objectValue?["leaf_index"] == .integer(4))
        for bad in [["proof", "inclusion", "--seq", "56"], ["proof", "consistency", "--from", "3", "--to", "60"], ["checkpoint", "--size", "99"]] {
            let result = try fixture.run(bad)
            #expect(result.status == 2 && result.stderr.contains("beyond") || result.stderr.contains("must lie"), "\(bad): \(result.stderr)")
        }
        // A note whose size was changed no longer verifies, here or in verify.
        let forged = fixture.folder.write("forged.txt", head.stdout.replacingOccurrences(of: "\n55\n", with: "\n54\n"))
        #expect(try audit(["checkpoint", key, forged]).status == 3)
        let verify = try fixture.run(["verify", "--checkpoint", newest, "--checkpoint", forged])
        #expect(verify.status == 3 && verify.stdout.contains("FAILED: checkpoint \(forged)") && verify.stdout.contains("does not verify"), "\(verify.stdout)")
        // Text that is no signed note, or no file at all, is named with the reason.
        let garbage = fixture.folder.write("garbage.txt", "hello\n")
        let unreadable = try fixture.run(["verify", "--checkpoint", garbage])
        #expect(unreadable.status == 3 && unreadable.stdout.contains("FAILED: checkpoint \(garbage): it is not a signed note"), "\(unreadable.stdout)")
        let missing = try fixture.run(["verify", "--checkpoint", fixture.folder.file("none.txt")])
        #expect(missing.status == 3 && missing.stdout.contains("the file cannot be read"), "\(missing.stdout)")
        let badKey = try fixture.run(["verify", "--checkpoint", newest, "--verifier-key", "name+00000000+AAAA"])
        #expect(badKey.status == 2 && badKey.stderr.contains("--verifier-key"), "\(badKey.stderr)")
    }

    /// The README's recipe without Python: the signature checked by `openssl pkeyutl`.
    @Test func openSSLChecksTheSignatureToo() throws {
        let fixture = try fixture()
        let note = fixture.folder.write("note.txt", try fixture.run(["checkpoint"]).stdout)
        let folder = fixture.folder.path
        let script = """
            set -e; cd '\(folder)'
            KEY=$(cat '\(fixture.state)/keys/checkpoint.pub'); B64=${KEY#*+*+}
            (printf '302a300506032b6570032100' | xxd -r -p; echo "$B64" | base64 -d | tail -c 32) > pub.der
            openssl pkey -pubin -inform DER -in pub.der -out pub.pem
            head -n 3 note.txt > text  # the checkpoint's three lines are the signed text
            tail -n 1 note.txt | cut -d ' ' -f 3 | base64 -d | tail -c 64 > sig
            openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in text -sigfile sig
            """
        let good = try ProcessRunner.shell(script)
        #expect(good.status == 0 && good.stdout.contains("Signature Verified Successfully"), "\(good.stdout)\(good.stderr)")
        try String(contentsOfFile: note, encoding: .utf8).replacingOccurrences(of: "\n55\n", with: "\n56\n").write(
            toFile: note, atomically: true, encoding: .utf8)
        #expect(try ProcessRunner.shell(script).status != 0)
    }

    /// The attack the chain alone cannot see: the holder of the database drops the
    /// triggers, changes one event, and recomputes every hash after it.
    @Test func aRewrittenHistoryPassesVerifyButNotAnEarlierCheckpoint() throws {
        let fixture = try fixture()
        let kept = fixture.folder.write("kept.txt", try fixture.run(["checkpoint"]).stdout)
        let early = fixture.folder.write("early.txt", try fixture.run(["checkpoint", "--size", "30"]).stdout)
        let key = try key(fixture)
        #expect(try fixture.run(["verify", "--checkpoint", kept, "--checkpoint", early]).status == 0)

        let copy = fixture.folder.file("copy")
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let backup = try ProcessRunner.run("/usr/bin/env", ["sqlite3", fixture.state + "/ledger.sqlite", "VACUUM INTO '\(copy)/ledger.sqlite'"])
        #expect(backup.status == 0, "\(backup.stderr)")
        let rewrite = """
            import hashlib, json, sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for t in ("events_no_update", "events_no_delete", "events_no_replace", "events_seq_no_gap", "merkle_nodes_no_delete"):
                db.execute(f"DROP TRIGGER {t}")
            db.execute("UPDATE events SET data = replace(data, 'Sóc Trăng', 'Sóc Trang') WHERE seq = 50")
            prev = bytes(32)
            for row in db.execute("SELECT seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, source_line FROM events ORDER BY seq").fetchall():
                seq, agency, id_, type_, occ, rec, corr, data, sfile, ssha, sline = row
                record = {"seq": seq, "agency": agency, "id": id_, "type": type_, "occurred_at": occ, "recorded_at": rec,
                          "data": json.loads(data), "source": {"file": sfile, "sha256": ssha, "line": sline}}
                if corr is not None:
                    record["corrects"] = corr
                prev = hashlib.sha256(prev + json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).digest()
                db.execute("UPDATE events SET hash = ? WHERE seq = ?", (prev.hex(), seq))
            db.execute("DELETE FROM merkle_nodes")
            db.commit()
            """
        let attack = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", rewrite, copy + "/ledger.sqlite"])
        #expect(attack.status == 0, "\(attack.stderr)")
        let changed = try ProcessRunner.run("/usr/bin/env", ["sqlite3", copy + "/ledger.sqlite", "SELECT data FROM events WHERE seq = 50"])
        #expect(changed.stdout.contains("Sóc Trang"), "the attack changed nothing: \(changed.stdout)")

        // The chain holds together again: plain verify is satisfied.
        #expect(try ProcessRunner.reformledger(["verify", "--state-dir", copy]).status == 0)
        // A checkpoint from before the event still matches; the one kept after it does not.
        #expect(try ProcessRunner.reformledger(["verify", "--state-dir", copy, "--checkpoint", early, "--verifier-key", key]).status == 0)
        let caught = try ProcessRunner.reformledger(["verify", "--state-dir", copy, "--checkpoint", early, "--checkpoint", kept, "--verifier-key", key])
        #expect(caught.status == 3 && caught.stdout.contains("FAILED: checkpoint \(kept)") && caught.stdout.contains("rewritten"), "\(caught.stdout)")
        let json = try ProcessRunner.reformledger(["verify", "--json", "--state-dir", copy, "--checkpoint", kept, "--verifier-key", key])
        #expect(json.status == 3 && json.stdout.contains(#""bad_checkpoint":"\#(kept)""#))
        #expect(try audit(["checkpoint", key, kept, copy + "/ledger.sqlite"]).status == 3)

        // Cutting the log back below a checkpoint is found as well.
        let cut = try ProcessRunner.run("/usr/bin/env", ["sqlite3", copy + "/ledger.sqlite", "DELETE FROM events WHERE seq > 40"])
        #expect(cut.status == 0, "\(cut.stderr)")
        let truncated = try ProcessRunner.reformledger(["verify", "--state-dir", copy, "--checkpoint", kept, "--verifier-key", key])
        #expect(truncated.status == 3 && truncated.stdout.contains("events were removed"), "\(truncated.stdout)")
        // The original is untouched and extends both.
        #expect(try fixture.run(["verify", "--checkpoint", kept, "--checkpoint", early]).status == 0)
    }

    @Test func acceptedFilesGetAReceiptAndRejectedFilesDoNot() throws {
        let fixture = try CLIFixture()
        let good = try String(contentsOfFile: RepositoryPaths.path("Examples/inbox/BST/bao-soc-trang-quy-1.ndjson"), encoding: .utf8)
        let bad = try String(contentsOfFile: RepositoryPaths.path("Examples/inbox/STTTT/sai-mau.json"), encoding: .utf8)
        dropFile(good, into: fixture.state + "/inbox/BST", name: "quy-1.ndjson")
        dropFile(bad, into: fixture.state + "/inbox/STTTT", name: "sai-mau.json")
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        dropFile(good, into: fixture.state + "/inbox/BST", name: "quy-1-lan-2.ndjson")  // the same bytes again
        #expect(try fixture.run(["serve", "--once"]).status == 0)

        let processed = fixture.entries(under: "processed").map { fixture.state + "/processed/" + $0 }
        let receipts = processed.filter { $0.hasSuffix(".receipt.json") }.sorted()
        #expect(receipts.count == 2 && processed.count == 4, "\(processed)")
        let rejected = fixture.entries(under: "rejected")
        #expect(rejected.contains { $0.hasSuffix("sai-mau.json.errors.json") } && !rejected.contains { $0.contains("receipt") }, "\(rejected)")

        let first = try fixture.json(try String(contentsOfFile: receipts.first { $0.contains("quy-1.ndjson") }!, encoding: .utf8)).objectValue!
        #expect(first["file"] == .string("quy-1.ndjson") && first["agency"] == .string("BST"))
        #expect(first["appended"] == .integer(6) && first["first_seq"] == .integer(50) && first["last_seq"] == .integer(55))
        #expect(first["tree_size"] == .integer(55))
        let sha = try MachineFaultTests.sha256(processed.first { $0.hasSuffix("/quy-1.ndjson") }!)
        #expect(first["sha256"] == .string(sha))
        let again = try fixture.json(try String(contentsOfFile: receipts.first { $0.contains("lan-2") }!, encoding: .utf8)).objectValue!
        // The same bytes again are known by their SHA-256: the receipt names where they are.
        #expect(again["first_seq"] == .integer(50) && again["last_seq"] == .integer(55) && again["sha256"] == .string(sha))

        // The receipt's checkpoint verifies against the ledger, and a later checkpoint
        // proves the file's last event is still there.
        let key = try key(fixture)
        let receipt = receipts.first { $0.contains("quy-1.ndjson") }!
        #expect(try audit(["checkpoint", key, receipt, fixture.state + "/ledger.sqlite"]).status == 0)
        #expect(
            try fixture.run(["ingest", "--agency", "DPTTH", RepositoryPaths.path("Examples/inbox/DPTTH/dai-phat-thanh-truyen-hinh-2024.json")]).status == 0)
        let later = fixture.folder.write("later.txt", try fixture.run(["checkpoint"]).stdout)
        let inclusion = fixture.folder.write("inclusion.json", try fixture.run(["proof", "inclusion", "--seq", "55"]).stdout)
        #expect(try audit(["inclusion", key, later, inclusion, fixture.state + "/ledger.sqlite", "55"]).status == 0)
        let consistency = fixture.folder.write("consistency.json", try fixture.run(["proof", "consistency", "--from", "55"]).stdout)
        #expect(try audit(["consistency", key, receipt, later, consistency]).status == 0)
    }

    @Test func everyIssuedEditionCarriesTheCheckpointAtItsThroughSeq() throws {
        let fixture = try CLIFixture()
        _ = try fixture.run(["ingest", "--agency", "BST", RepositoryPaths.path("Examples/inbox/BST/bao-soc-trang-quy-1.ndjson")])
        #expect(try fixture.run(["serve", "--once", "--now", "2025-01-10T09:00:00+07:00"]).status == 0)
        let reports = fixture.state + "/reports/2024-Q1/"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: reports + "consolidated-2024-Q1-e1.json"))
        let report = try fixture.json(String(decoding: bytes, as: UTF8.self)).objectValue!
        guard case .string(let note)? = report["checkpoint"], case .integer(let through)? = report["through_seq"] else {
            Issue.record("no checkpoint in the edition: \(report.members.map(\.key))")
            return
        }
        #expect(note.hasPrefix("reformledger.local/ledger\n\(through)\n"))
        let key = try key(fixture)
        let checked = try audit(["checkpoint", key, reports + "consolidated-2024-Q1-e1.json", fixture.state + "/ledger.sqlite"])
        #expect(checked.status == 0, "\(checked.stdout)")
        let html = try String(contentsOfFile: reports + "consolidated-2024-Q1-e1.html", encoding: .utf8)
        #expect(html.contains("<pre class=\"checkpoint\">reformledger.local/ledger\n\(through)\n"))
        let markdown = try String(contentsOfFile: reports + "consolidated-2024-Q1-e1.md", encoding: .utf8)
        #expect(markdown.contains("```\nreformledger.local/ledger\n\(through)\n"))
        // Reproduced later, the edition is the same bytes, signature and all.
        let again = try fixture.run(["report", "--period", "2024-Q1", "--through-seq", "\(through)", "--edition", "1", "--format", "json"])
        #expect(Data(again.stdout.utf8) == bytes)
        let kept = fixture.folder.write("from-the-report.txt", note)
        #expect(try fixture.run(["verify", "--checkpoint", kept]).status == 0)
    }
}
