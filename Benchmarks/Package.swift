// swift-tools-version:6.1
import PackageDescription

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
                .product(name: "PolicySearch", package: "main"),
            ]
        ),
        // A bare Swift + Foundation process: the floor for whole-process time.
        .executableTarget(name: "hello"),
    ],
    swiftLanguageModes: [.v5]
)
