// swift-tools-version:6.1
import Foundation
import PackageDescription

// The root package's identity is its folder's name (SwiftPM names path dependencies that way), which
// differs between checkouts: derive it instead of spelling it.
let rootIdentity = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

// Benchmark harness for PolicySearch. A package of its own so that the root package stays free of
// SQLite and benchmark code. Always build release:
//   cd Benchmarks && swift build -c release --scratch-path .build && .build/release/policy-bench
let package = Package(
    name: "PolicySearchBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .executableTarget(
            name: "policy-bench",
            dependencies: [
                "CSQLite",
                .product(name: "PolicySearch", package: rootIdentity),
            ]
        ),
        // A bare Swift + Foundation process: the floor for whole-process time.
        .executableTarget(name: "hello"),
        // Ingestion throughput per input format (text, PDF, DOCX, HTML).
        .executableTarget(
            name: "ingest-bench",
            dependencies: [.product(name: "PolicySearch", package: rootIdentity)]
        ),
    ],
    swiftLanguageModes: [.v5]
)
