// swift-tools-version: 6.1
import PackageDescription

// Module layout and import rules: ../shared/design/ARCHITECTURE.md.
// Lower rows never import higher rows; only `Terminal` imports `CNcurses`.
let package = Package(
    name: "qseek",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qseek", targets: ["qseek"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "Terminal",
            dependencies: ["CNcurses"]
        ),
        .target(
            name: "AppUI",
            dependencies: [
                "Terminal",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedThemes"]
        ),
        .executableTarget(
            name: "qseek",
            dependencies: [
                "Terminal",
                "AppUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Built-in themes live in `themes/*.toml` at the top of the repository; this plugin
        // compiles them into AppUI so an installed binary needs no resource bundle beside it.
        .executableTarget(name: "ThemeEmbedder", path: "Plugins/ThemeEmbedder"),
        .plugin(
            name: "EmbedThemes",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"],
            path: "Plugins/EmbedThemes"
        ),

        // The AWS wire layer: SigV4, credentials, endpoints, transport, protocols, service clients.
        // It imports no other project module (ARCHITECTURE.md).
        .target(
            name: "AWS",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "AppUITests", dependencies: ["AppUI", "Terminal"], exclude: ["Snapshots"]),
        .testTarget(
            name: "AWSTests",
            dependencies: [
                "AWS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
