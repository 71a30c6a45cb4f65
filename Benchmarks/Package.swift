// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A separate package so `swift test` at the root never builds package-benchmark.
// A path dependency's identity is its directory's name (`main`, `wt-perf`, …), so work it out.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let qseek = root.lastPathComponent.lowercased()

let package = Package(
    name: "QseekBenchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qseek-bench-probe", targets: ["BenchProbe"]),
    ],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.1.0"),
    ],
    targets: [
        // What the benchmarks and the probe share: the inputs, built once, in one place.
        .target(
            name: "BenchmarkFixtures",
            dependencies: [
                .product(name: "AWS", package: qseek),
                .product(name: "OIDC", package: qseek),
                .product(name: "Accessor", package: qseek),
                .product(name: "AppCore", package: qseek),
                .product(name: "AppUI", package: qseek),
                .product(name: "Terminal", package: qseek),
                .product(name: "Sandbox", package: qseek),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The qseek side of compare/run.sh: CPU per operation, frame time and RSS, as JSON.
        .executableTarget(
            name: "BenchProbe",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "AWS", package: qseek),
                .product(name: "AppCore", package: qseek),
                .product(name: "AppUI", package: qseek),
                .product(name: "Terminal", package: qseek),
                .product(name: "Sandbox", package: qseek),
            ]
        ),
        .executableTarget(
            name: "QseekBenchmarks",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "AWS", package: qseek),
                .product(name: "AppCore", package: qseek),
                .product(name: "AppUI", package: qseek),
                .product(name: "Terminal", package: qseek),
                .product(name: "Sandbox", package: qseek),
            ],
            path: "Benchmarks/QseekBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
