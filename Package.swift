// swift-tools-version: 6.0
// Wijkmigratie: move the records of merging wijkteams into one store, losing nothing.
// One target per pipeline stage; data flows down the list below (a target depends only on
// targets above it).
import PackageDescription

/// The modules every record passes through. Their release builds leave out the run-time check
/// that no two accesses to a class's property overlap (a hash-table insert per access, 12 % of
/// the XML read); debug builds, which run the tests, keep it.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Wijkmigratie",
    platforms: [.macOS(.v15)],   // Mutex and Atomic (Synchronization)
    products: [
        .executable(name: "wijkmigratie", targets: ["wijkmigratie"]),
        .executable(name: "wijkmigratie-fixtures", targets: ["wijkmigratie-fixtures"]),
        .library(name: "WijkPipeline", targets: ["WijkPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in postgres-nio's graph; named for TLS to the PostgreSQL store (sslmode) and
        // for matching a refused connection by its errno.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // SHA-256 for the input checksum and the conflict ids.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The steward's workspace: a small web application on loopback.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The vocabulary: entities and their fields, BSN, postcode, provenance, findings, rule ids, the store's tables.
        .target(name: "WijkModel", swiftSettings: hotPath),
        // The machinery beside it: the hand-off between threads, read-ahead cursors, spool files, the working file's codec, the checksum.
        .target(name: "WijkRuntime", dependencies: ["WijkModel", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: hotPath),
        // Reads CSV files byte by byte, in declared dialects and encodings, with physical line numbers.
        .target(name: "WijkCSV", swiftSettings: hotPath),
        // libxml2 as a system library: a module map and a shim header, no Swift.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // Streams XML records through libxml2's SAX2 push parser, validates against XSDs, evaluates a small XPath.
        .target(name: "WijkXML", dependencies: ["CLibXML2"], swiftSettings: hotPath),
        // The validation rule catalogue, one rule per file with the examples that are its tests, and the findings' catalogue.
        .target(name: "WijkRules", dependencies: ["WijkModel"], swiftSettings: hotPath),
        // Turns migration and mapping files into checked, compiled specs (file:line:column errors) and maps records with them.
        .target(name: "WijkMapping", dependencies: [
            "WijkModel", "WijkCSV", "WijkXML", "WijkRules", .product(name: "Yams", package: "Yams"),
        ], swiftSettings: hotPath),
        // Merges the mapped records into canonical rows: clients on BSN, households on address, staff on e-mail, lineage.
        .target(name: "WijkMerge", dependencies: ["WijkModel", "WijkRuntime"], swiftSettings: hotPath),
        // Detects the conflicts between records, one detector per kind with stable ids, and replays the stewards' decisions.
        .target(name: "WijkConflicts", dependencies: ["WijkModel", "WijkMerge", "WijkRuntime"], swiftSettings: hotPath),
        // Writes summary.json, findings.csv, rejects.csv, conflicts.csv and report.html from a run's result.
        .target(name: "WijkReport", dependencies: ["WijkModel"]),
        // The store protocol and the frozen schema migrations in plain SQL.
        .target(name: "WijkStore", dependencies: ["WijkModel"]),
        // The embedded store: SQLite through GRDB.
        .target(name: "WijkSQLite", dependencies: [
            "WijkStore", "WijkModel", "WijkRuntime", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ], swiftSettings: hotPath),
        // The production store: PostgreSQL through postgres-nio (COPY for the bulk load, TLS through NIOSSL).
        .target(name: "WijkPostgres", dependencies: [
            "WijkStore", "WijkModel", "WijkRuntime", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Runs a migration: read → map → merge → detect and decide → report → load; returns a result and prints nothing.
        .target(name: "WijkPipeline", dependencies: [
            "WijkModel", "WijkRuntime", "WijkCSV", "WijkXML", "WijkMapping", "WijkRules", "WijkMerge", "WijkConflicts", "WijkReport", "WijkStore", "WijkSQLite",
            "WijkPostgres",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: hotPath),
        // Reads monitoring figures per wijkteam from a loaded store, SQLite or PostgreSQL.
        .target(name: "WijkStats", dependencies: ["WijkModel", "WijkStore", "WijkSQLite", "WijkPostgres", "WijkReport"]),
        // The whole story of one canonical record from the store: its source records, findings, conflicts and decisions.
        .target(name: "WijkExplain", dependencies: [
            "WijkModel", "WijkRuntime", "WijkCSV", "WijkXML", "WijkMapping", "WijkStore", "WijkPipeline", "WijkStats",
        ]),
        // The steward's workspace: conflicts side by side, decisions written into besluiten.yml, a check after each.
        .target(name: "WijkWerkplaats", dependencies: [
            "WijkModel", "WijkMapping", "WijkPipeline", "WijkExplain", "WijkReport", .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        // Onboarding a source: profile its files, draft a mapping from them, and the JSON Schemas of the files a user writes.
        .target(name: "WijkOnboarding", dependencies: ["WijkModel", "WijkCSV", "WijkXML", "WijkMapping", "WijkRules"]),
        // The command line: one subcommand per file, calling the pipeline and the monitoring.
        .executableTarget(name: "wijkmigratie", dependencies: [
            "WijkPipeline", "WijkStats", "WijkModel", "WijkRuntime", "WijkRules", "WijkOnboarding", "WijkMapping", "WijkExplain", "WijkWerkplaats",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Writes generated scenarios of any size in the demo's shapes (benchmarks, scale tests).
        .executableTarget(name: "wijkmigratie-fixtures", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer,address -DFUZZING; a
        // plain build makes stubs that say so).
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzCSV", dependencies: ["WijkCSV", "FuzzSupport"]),
        .executableTarget(name: "FuzzXML", dependencies: ["WijkXML", "FuzzSupport"]),
        .executableTarget(name: "FuzzConfig", dependencies: ["WijkMapping", "WijkModel", "FuzzSupport"]),

        .target(name: "TestSupport", dependencies: ["WijkModel"], path: "Tests/TestSupport"),
        .testTarget(name: "WijkModelTests", dependencies: ["WijkModel"]),
        .testTarget(name: "WijkRuntimeTests", dependencies: ["WijkRuntime", "WijkModel", "TestSupport"]),
        .testTarget(name: "WijkCSVTests", dependencies: ["WijkCSV", "TestSupport"]),
        .testTarget(name: "WijkXMLTests", dependencies: ["WijkXML", "TestSupport"]),
        .testTarget(name: "WijkMappingTests", dependencies: ["WijkMapping", "WijkModel", "TestSupport"]),
        .testTarget(name: "WijkMergeTests", dependencies: ["WijkMerge", "WijkModel"]),
        .testTarget(name: "WijkRulesTests", dependencies: ["WijkRules", "WijkModel"]),
        .testTarget(name: "WijkConflictsTests", dependencies: ["WijkConflicts", "WijkMerge", "WijkModel"]),
        .testTarget(name: "WijkSQLiteTests", dependencies: [
            "WijkSQLite", "WijkStore", "WijkModel", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "WijkPostgresTests", dependencies: [
            "WijkPostgres", "WijkSQLite", "WijkStore", "WijkModel", "WijkPipeline", "WijkStats", "TestSupport",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "WijkPipelineTests", dependencies: [
            "WijkPipeline", "WijkMapping", "WijkModel", "WijkCSV", "WijkXML", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Schemas"]),
        .testTarget(name: "WijkOnboardingTests", dependencies: ["WijkOnboarding", "WijkMapping", "WijkModel", "TestSupport"]),
        .testTarget(name: "WijkWerkplaatsTests", dependencies: ["WijkWerkplaats", "WijkMapping", "WijkModel", "TestSupport"]),
        .testTarget(name: "WijkStatsTests", dependencies: ["WijkStats", "WijkSQLite", "WijkStore", "WijkModel", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["werkplaats_e2e.py"]),
    ]
)
