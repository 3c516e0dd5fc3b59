// swift-tools-version:6.2
import PackageDescription

/// Layers as targets: the domain knows no I/O; storage, ingestion and the CLI depend inward.
/// GRDB is the store's alone: `Scripts/check-layers.sh` fails if another target imports it.
/// Every target of ours: `any` spelled out, and warnings are errors (CI builds exactly this).
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .treatAllWarnings(as: .error)]

let package = Package(
    name: "reformledger",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reformledger", targets: ["ReformLedgerCLI"]),
        .library(name: "LedgerDomain", targets: ["LedgerDomain"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
        .library(name: "LedgerIngest", targets: ["LedgerIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Timer sequences for the daemon's periodic work (already built for ServiceLifecycle).
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The portal: HTTP on SwiftNIO, bcrypt for passwords, multipart bodies for uploads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // /metrics in the Prometheus text format (small: swift-atomics and CoreMetrics).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The central store (`central …`, `push`): PostgreSQL over SwiftNIO, with COPY.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(
            name: "LedgerDomain",
            swiftSettings: strict
        ),
        // The file-system layer: safe opening, atomic writes, moves that never overwrite,
        // the state folder's layout and lock, with one error type.
        .target(
            name: "LedgerFiles",
            dependencies: ["LedgerDomain", "CLinuxSupport"],
            swiftSettings: strict
        ),
        .target(
            name: "LedgerStore",
            dependencies: [
                "LedgerDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // SpreadsheetML, read and written: a workbook package opened from its file and
        // scanned as it unpacks (the clerks' uploads), and the sheets of the templates.
        .target(
            name: "LedgerWorkbook",
            dependencies: ["LedgerDomain", "LedgerFiles", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "LedgerIngest",
            dependencies: [
                "LedgerDomain",
                "LedgerFiles",
                "LedgerStore",
                "LedgerWorkbook",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Plans")],
            swiftSettings: strict
        ),
        .target(
            name: "LedgerReports",
            dependencies: [
                "LedgerDomain",
                "LedgerFiles",
                "LedgerStore",
                "LedgerWorkbook",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The web portal and its API: accounts, HTTP routes, uploads handed to the daemon's
        // inbox rules through `PortalBackend` (so the portal knows no ingestion internals).
        .target(
            name: "LedgerPortal",
            dependencies: [
                "LedgerDomain",
                "LedgerFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                // `AuthRequestContext`: the visitor in the request context, guarded per route group.
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                // HMAC keys for the cache of verified Basic credentials.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The level above the provinces: the centre's PostgreSQL store, the batches it
        // accepts (chain, Merkle root and checkpoint re-checked), its cosignatures, its
        // reports from kept tallies, and the province's side of a push.
        .target(
            name: "LedgerCentral",
            dependencies: [
                "LedgerDomain",
                "LedgerStore",
                "LedgerFiles",
                "LedgerReports",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Linux calls that Swift's Glibc module does not expose (renameat2 RENAME_NOREPLACE).
        .target(name: "CLinuxSupport"),
        .target(
            name: "LedgerDaemon",
            dependencies: [
                "LedgerDomain",
                "LedgerFiles",
                "LedgerStore",
                "LedgerIngest",
                "LedgerReports",
                "LedgerPortal",
                "LedgerCentral",
                "CLinuxSupport",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ReformLedgerCLI",
            dependencies: [
                "LedgerDomain",
                "LedgerFiles",
                "LedgerStore",
                "LedgerIngest",
                "LedgerDaemon",
                "LedgerReports",
                "LedgerPortal",
                "LedgerCentral",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Helpers shared by the test targets: temporary state folders, running the binary.
        .target(name: "LedgerTestSupport", dependencies: ["LedgerDomain"], path: "Tests/LedgerTestSupport", swiftSettings: strict),
        .testTarget(name: "LedgerDomainTests", dependencies: ["LedgerDomain"], swiftSettings: strict),
        .testTarget(
            name: "LedgerStoreTests",
            dependencies: ["LedgerStore", "LedgerDomain", "LedgerTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LedgerIngestTests",
            dependencies: ["LedgerIngest", "LedgerFiles", "LedgerStore", "LedgerDomain", "LedgerTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LedgerReportsTests",
            dependencies: [
                "LedgerReports", "LedgerIngest", "LedgerStore", "LedgerDomain", "LedgerTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LedgerDaemonTests",
            dependencies: [
                "LedgerDaemon", "LedgerFiles", "LedgerIngest", "LedgerReports", "LedgerStore", "LedgerDomain", "LedgerTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LedgerPortalTests",
            dependencies: [
                "LedgerPortal", "LedgerDomain", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LedgerWorkbookTests", dependencies: ["LedgerWorkbook", "LedgerDomain", "LedgerFiles", "LedgerTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "LedgerCentralTests",
            dependencies: [
                "LedgerCentral", "LedgerStore", "LedgerDomain", "LedgerTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict),
        .testTarget(name: "LedgerFilesTests", dependencies: ["LedgerFiles", "LedgerDomain", "LedgerTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["LedgerDomain", "LedgerTestSupport"],
            exclude: ["Workbooks"],
            swiftSettings: strict
        ),
    ]
)
