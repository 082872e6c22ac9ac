// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing one way:
//   policy-search (CLI) → Research → Query → Index → Analysis, Ingestion → ICUFacade → CICU (system ICU)
//                                             Index → CChecksum (CRC-32C), CZstd (system zstd)
// Only ICUFacade's C file includes ICU headers; its public header uses plain <stdint.h> types, so
// every Swift module can import Foundation without clashing with Foundation's private ICU.
let package = Package(
    name: "PolicySearch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policy-search", targets: ["PolicySearchCLI"]),
        .library(name: "PolicySearch", targets: ["Research", "Query", "Index", "Analysis", "Ingestion"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(name: "ICUFacade", dependencies: ["CICU"]),
        .target(name: "CChecksum"),
        // Stored text is compressed with the system zstd (Debian: libzstd-dev; scripts/setup).
        .target(name: "CZstd", linkerSettings: [.linkedLibrary("zstd")]),
        .target(name: "Ingestion", dependencies: ["ICUFacade"]),
        .target(name: "Analysis", dependencies: ["ICUFacade"]),
        .target(name: "Index", dependencies: ["Analysis", "Ingestion", "CChecksum", "CZstd"]),
        .target(name: "Query", dependencies: ["Index", "Analysis", "Ingestion"]),
        .target(name: "Research", dependencies: ["Query", "Index", "Analysis", "Ingestion"]),
        .executableTarget(
            name: "PolicySearchCLI",
            dependencies: [
                "Research", "Query", "Index", "Analysis", "Ingestion",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Index", "Query"], path: "Tests/TestSupport"),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "TestSupport"], resources: [.copy("Gold")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "IndexTests", dependencies: ["Index", "Ingestion", "Analysis", "TestSupport"]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "Index", "Ingestion", "Analysis", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["PolicySearchCLI", "TestSupport"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["PolicySearchCLI", "Query", "Index", "Ingestion", "Analysis", "TestSupport"])
    ],
    swiftLanguageModes: [.v6]
)

// CI builds with warnings as errors (as swift-nio does): `SWIFTCI_WARNINGS_AS_ERRORS=1 swift test`.
if Context.environment["SWIFTCI_WARNINGS_AS_ERRORS"] != nil {
    for target in package.targets where target.type != .system {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
    }
}
