import LedgerTestSupport
import Testing

@testable import LedgerCentral

/// `--db` never carries a password (it would show in `ps` and in shell history).
struct CentralDatabaseURLTests {
    @Test func aURLReadsWithItsDefaults() throws {
        let url = try CentralDatabaseURL(parsing: "postgres://reformledger@db.example/central")
        #expect(url == CentralDatabaseURL(user: "reformledger", host: "db.example", port: 5432, database: "central"))
        let other = try CentralDatabaseURL(parsing: "postgresql://r%C3%A9@127.0.0.1:6543/trung%20tam")
        #expect((other.user, other.port, other.database) == ("ré", 6543, "trung tam"))
    }

    @Test(arguments: [
        ("postgres://u:secret@h/db", "password"), ("postgres://h/db", "user"), ("postgres://u@h/", "database"),
        ("mysql://u@h/db", "postgres://"), ("not a url", "postgres://"),
    ])
    func aBadURLIsRefusedSayingWhy(text: String, reason: String) {
        do {
            _ = try CentralDatabaseURL(parsing: text)
            Issue.record("\(text) was taken")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }

    @Test func thePasswordComesFromAFileOrPGPASSWORD() throws {
        let folder = TemporaryDirectory("central-url")
        let file = folder.write("pw", "s3cret\nignored\n")
        #expect(try CentralDatabaseURL.password(file: file, environment: ["PGPASSWORD": "other"]) == "s3cret")
        #expect(try CentralDatabaseURL.password(file: nil, environment: ["PGPASSWORD": "other"]) == "other")
        #expect(try CentralDatabaseURL.password(file: nil, environment: [:]) == nil)
        #expect(throws: CentralError.self) { try CentralDatabaseURL.password(file: folder.file("missing"), environment: [:]) }
    }
}
