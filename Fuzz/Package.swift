// swift-tools-version:6.1
import Foundation
import PackageDescription

// The root package's identity is its folder's name (SwiftPM names path dependencies that way), which
// differs between checkouts: derive it instead of spelling it.
let rootIdentity = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

// libFuzzer targets for PolicySearch. A package of its own (like Benchmarks/) so the root package
// stays free of fuzzing flags. Build and run through ../scripts/fuzz, which passes
//   --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (libFuzzer supplies `main`; each target exports LLVMFuzzerTestOneInput; see README.md).
let package = Package(
    name: "PolicySearchFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "PolicySearch", package: rootIdentity)]),
        // QueryParser.parse on arbitrary UTF-8, then a search of a small real index.
        .executableTarget(name: "fuzz-query", dependencies: ["FuzzSupport", .product(name: "PolicySearch", package: rootIdentity)]),
        // Ingestor.ingest(bytes:) on raw bytes, then normalization and ICU word counts of the passages.
        .executableTarget(name: "fuzz-ingest", dependencies: ["FuzzSupport", .product(name: "PolicySearch", package: rootIdentity)]),
        // The input as index.psx: IndexReader(directory:) + verify() + searches.
        .executableTarget(name: "fuzz-index", dependencies: ["FuzzSupport", .product(name: "PolicySearch", package: rootIdentity)]),
    ],
    swiftLanguageModes: [.v5]
)
