// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing one way:
//   policy-search (CLI) → Research → Query → Index → Analysis, Ingestion → ICUFacade → CICU (system ICU)
//   Ingestion → PDFFacade → CPoppler (poppler-cpp), HTMLFacade → CLibXML2 (libxml2), ZIPFoundation (DOCX)
//   Index → CChecksum (CRC-32C), CBitPacking (SSE2 unpacking of postings blocks), CZstd (system zstd)
// Only the facades' C/C++ files include the libraries' headers; their public headers use plain
// <stdint.h> types, so every Swift module can import Foundation without clashing with Foundation's
// private ICU and libxml2, and no Swift module sees poppler's C++ headers.
let package = Package(
    name: "PolicySearch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policy-search", targets: ["PolicySearchCLI"]),
        .library(name: "PolicySearch", targets: ["Research", "Query", "Index", "Analysis", "Ingestion"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The ZIP container of the XLSX workbooks `report` writes (the SpreadsheetML parts are the project's).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: an independent CSV parser reads the reports back.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // `serve`: Hummingbird 2 is the HTTP server (SwiftNIO underneath, async routes, concurrent
        // requests); its default traits pull in swift-configuration, which `serve` does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // `serve`: logic-less page templates whose {{…}} escapes HTML, kept as files beside the code.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `serve`: one log line per request (the logging API Hummingbird itself logs through).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `serve`: graceful shutdown on SIGINT/SIGTERM (the server drains its connections, then exits).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `serve`: the bound address of the listening channel, and its event loops as Swift
        // concurrency's executor (SwiftNIO is already built as Hummingbird's base).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // `serve`: HTTP header names for the security headers (the types Hummingbird's requests use).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0")
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(name: "ICUFacade", dependencies: ["CICU"]),
        .target(name: "CChecksum"),
        .target(name: "CBitPacking"),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-cpp", providers: [.apt(["libpoppler-cpp-dev"])]),
        // poppler's headers use a deprecated libstdc++ helper: their warning, not ours.
        .target(name: "PDFFacade", dependencies: ["CPoppler"], cxxSettings: [.unsafeFlags(["-Wno-deprecated-declarations"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "HTMLFacade", dependencies: ["CLibXML2"]),
        .target(
            name: "Ingestion",
            dependencies: ["ICUFacade", "PDFFacade", "HTMLFacade", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // OpenCC (Traditional→Simplified) behind a plain-C facade, like ICU; Debian libopencc-dev.
        .target(name: "OpenCCFacade", linkerSettings: [.linkedLibrary("opencc")]),
        .target(name: "Analysis", dependencies: ["ICUFacade", "OpenCCFacade"]),
        // Stored text is compressed with the system zstd (Debian: libzstd-dev; scripts/setup).
        .target(name: "CZstd", linkerSettings: [.linkedLibrary("zstd")]),
        .target(name: "Index", dependencies: ["Analysis", "Ingestion", "CChecksum", "CBitPacking", "CZstd"]),
        .target(name: "Query", dependencies: ["Index", "Analysis", "Ingestion"]),
        .target(
            name: "Research",
            dependencies: ["Query", "Index", "Analysis", "Ingestion", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The web app and JSON API of `serve`: routes call the same Query/Research functions as the CLI.
        // Templates and assets are compiled into the binary (embedInCode), so the server reads no
        // file but the index.
        .target(
            name: "Server",
            dependencies: [
                "Research", "Query", "Index", "Analysis", "Ingestion",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types")
            ],
            resources: [
                .embedInCode("Templates/layout.mustache"),
                .embedInCode("Templates/search.mustache"),
                .embedInCode("Templates/help.mustache"),
                .embedInCode("Templates/page.mustache"),
                .embedInCode("Templates/document.mustache"),
                .embedInCode("Templates/outline-node.mustache"),
                .embedInCode("Templates/show.mustache"),
                .embedInCode("Templates/documents.mustache"),
                .embedInCode("Templates/reuse.mustache"),
                .embedInCode("Templates/pair.mustache"),
                .embedInCode("Templates/error.mustache"),
                .embedInCode("Templates/research.mustache"),
                .embedInCode("Templates/kwic.mustache"),
                .embedInCode("Templates/targets.mustache"),
                .embedInCode("Assets/style.css"),
                .embedInCode("Assets/app.js"),
                .embedInCode("Assets/icon.svg")
            ]
        ),
        .executableTarget(
            name: "PolicySearchCLI",
            dependencies: [
                "Server", "Research", "Query", "Index", "Analysis", "Ingestion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log")
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Index", "Query", "OpenCCFacade"], path: "Tests/TestSupport"),
        .testTarget(
            name: "IngestionTests", dependencies: ["Ingestion", "TestSupport"], exclude: ["Fixtures"], resources: [.copy("Gold")]
        ),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "IndexTests", dependencies: ["Index", "Ingestion", "Analysis", "TestSupport"]),
        .testTarget(
            name: "QueryTests", dependencies: ["Query", "Index", "Ingestion", "Analysis", "TestSupport"],
            resources: [.copy("Judgments")]),
        .testTarget(name: "CLITests", dependencies: ["PolicySearchCLI", "TestSupport", "Analysis", "Index"]),
        .testTarget(
            name: "ResearchTests",
            dependencies: [
                "Research", "TestSupport", "PolicySearchCLI", "Index", "Ingestion", "Query", "Analysis",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ]),
        .testTarget(
            name: "ServerTests", dependencies: ["Server", "PolicySearchCLI", "Research", "Query", "Index", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["PolicySearchCLI", "Query", "Index", "Ingestion", "Analysis", "TestSupport"])
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)

// CI builds with warnings as errors (as swift-nio does): `SWIFTCI_WARNINGS_AS_ERRORS=1 swift test`.
if Context.environment["SWIFTCI_WARNINGS_AS_ERRORS"] != nil {
    for target in package.targets where target.type != .system {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
    }
}
