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
                "AppCore",
                "Accessor",
                "Terminal",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedThemes"]
        ),
        .target(name: "Accessor", dependencies: ["AWS"]),
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
        // Reads JSON test vectors on stdin and answers with what the AWS module makes of them,
        // so Interop/aws/run.sh can compare qseek with botocore and moto byte for byte.
        .executableTarget(
            name: "qseek-aws-probe",
            dependencies: ["AWS"],
            path: "Sources/AWSProbe"
        ),

        .testTarget(
            name: "AWSTests",
            dependencies: [
                "AWS",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        .testTarget(name: "AccessorTests", dependencies: ["Accessor"]),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "Accessor", "Assistant"]),
        .testTarget(name: "AssistantTests", dependencies: ["Assistant", "Accessor"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "AppUITests", dependencies: ["AppUI", "AppCore", "Accessor", "Terminal"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: - Sign-in (issue 4): OIDC, the config loader, and the commands that use them.
// Appended rather than edited in place so parallel branches merge without conflicts.
import Foundation

package.dependencies += [
    .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.1.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
]

package.targets += [
    // Named `QseekConfiguration`, not `Configuration`: async-http-client depends on
    // apple/swift-configuration, whose module is already called `Configuration`, and module
    // names must be unique across the whole package graph.
    .target(
        name: "QseekConfiguration",
        dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(
        name: "OIDC",
        dependencies: [
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]
    ),
    .testTarget(name: "QseekConfigurationTests", dependencies: ["QseekConfiguration"]),
    .testTarget(
        name: "OIDCTests",
        dependencies: [
            "OIDC",
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]
    ),
]

if let executable = package.targets.first(where: { $0.name == "qseek" }) {
    executable.dependencies += ["QseekConfiguration", "OIDC"]
}

// Until the branches merge, a worktree may lack the folders of modules other engineers are
// writing. Drop targets whose folder is absent (and references to them) so each branch builds
// and tests on its own; once every folder exists this changes nothing.
do {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    func folder(of target: Target) -> URL {
        if let path = target.path { return root.appendingPathComponent(path) }
        let base: String
        switch target.type {
        case .test: base = "Tests"
        case .plugin: base = "Plugins"
        default: base = "Sources"
        }
        return root.appendingPathComponent(base).appendingPathComponent(target.name)
    }
    let missing = Set(package.targets.filter { !FileManager.default.fileExists(atPath: folder(of: $0).path) }.map(\.name))
    if !missing.isEmpty {
        package.targets.removeAll { missing.contains($0.name) }
        for target in package.targets {
            target.dependencies.removeAll { dependency in
                if case .targetItem(let name, _) = dependency { return missing.contains(name) }
                if case .byNameItem(let name, _) = dependency { return missing.contains(name) }
                return false
            }
            target.plugins?.removeAll { plugin in
                if case .plugin(let name, nil) = plugin { return missing.contains(name) }
                return false
            }
        }
    }
    // The root command is written on another branch; without it, a small root that lists only
    // the sign-in commands (Sources/qseek/Commands/SignInOnlyRoot.swift) is compiled in.
    let executableFolder = root.appendingPathComponent("Sources/qseek")
    let rootFiles = (try? FileManager.default.contentsOfDirectory(atPath: executableFolder.path)) ?? []
    if rootFiles.allSatisfy({ $0 == "Commands" }), let executable = package.targets.first(where: { $0.name == "qseek" }) {
        executable.swiftSettings = (executable.swiftSettings ?? []) + [.define("QSEEK_SIGNIN_ONLY_ROOT")]
    }
}
