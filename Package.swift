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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
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
                "AppCore",
                "Accessor",
                "Terminal",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedThemes"]
        ),
        .target(name: "Accessor"),
        .target(
            name: "Assistant",
            dependencies: ["Accessor", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "AppCore", dependencies: ["Accessor", "Assistant"]),
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

        .testTarget(name: "AccessorTests", dependencies: ["Accessor"]),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "Accessor", "Assistant"]),
        .testTarget(name: "AssistantTests", dependencies: ["Assistant", "Accessor"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "AppUITests", dependencies: ["AppUI", "AppCore", "Accessor", "Terminal"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
