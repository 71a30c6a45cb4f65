// swift-tools-version: 6.1
import PackageDescription

// Module layout and import rules: ../shared/design/ARCHITECTURE.md.
// Lower rows never import higher rows; only `Terminal` imports `CNcurses`.
let package = Package(
    name: "qseek",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qseek", targets: ["qseek"]),
        // Exported for Benchmarks/, a separate package that depends on this one by path.
        .library(name: "AWS", targets: ["AWS"]),
        .library(name: "OIDC", targets: ["OIDC"]),
        .library(name: "Accessor", targets: ["Accessor"]),
        .library(name: "AppCore", targets: ["AppCore"]),
        .library(name: "AppUI", targets: ["AppUI"]),
        .library(name: "Terminal", targets: ["Terminal"]),
        .library(name: "Sandbox", targets: ["Sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // jwt-kit 5 needs swift-crypto 4.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.1.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        // MARK: TOML 1.0, read by the config, themes and the sandbox's corpus. Ours, in Swift:
        // no input can stop the process, and every value keeps its line for error messages.
        .target(name: "TOML"),

        // MARK: Terminal
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "Terminal",
            dependencies: ["CNcurses"],
            linkerSettings: [
                .linkedLibrary("ncursesw", .when(platforms: [.linux])),
                .linkedLibrary("tinfo", .when(platforms: [.linux])),
                .linkedLibrary("ncurses", .when(platforms: [.macOS])),
            ]
        ),

        // MARK: The one HTTP transport (AsyncHTTPClient underneath) and the small shared codecs.
        .target(
            name: "HTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // MARK: AWS wire layer: SigV4, credentials, endpoints, retries, protocols, clients.
        .target(
            name: "AWS",
            dependencies: [
                "HTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        // MARK: Sign-in at the ISV's OpenID Connect provider.
        .target(
            name: "OIDC",
            dependencies: [
                "HTTP",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Domain, view-model and views.
        .target(name: "Accessor", dependencies: ["AWS", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Assistant",
            dependencies: [
                "AWS", "Accessor", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "AppCore", dependencies: ["Accessor", "Assistant", "History", "OIDC"]),
        // Past conversations in SQLite; its record types are the ones the app uses.
        .target(name: "History", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "AppUI",
            dependencies: ["AppCore", "Accessor", "Assistant", "Terminal", "TOML", .product(name: "Logging", package: "swift-log")],
            plugins: ["EmbedThemes"]
        ),

        // MARK: Serving HTTP until stopped (Hummingbird): the sandbox and `qseek mcp --http`.
        .target(
            name: "HTTPServing",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // MARK: The sandbox: the ISV's IdP and the customer's AWS on one loopback port
        // (ARCHITECTURE.md, "The sandbox"). It verifies SigV4 with AWS's own verifier.
        .target(
            name: "Sandbox",
            dependencies: [
                "AWS", "HTTP", "HTTPServing", "TOML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Resources", "README.md"],
            plugins: ["EmbedCorpus"]
        ),

        // MARK: Each user's permission-aware search as Model Context Protocol tools, over stdio
        // or Streamable HTTP (`qseek mcp`). Named `SearchTools`: the SDK's module is `MCP`.
        .target(
            name: "SearchTools",
            dependencies: [
                "Accessor", "Assistant", "OIDC", "AWS", "HTTP", "HTTPServing",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: The configuration, the real services built from it, the doctor, and the executable.
        // Named `QseekConfiguration`, not `Configuration`: async-http-client depends on
        // apple/swift-configuration, whose module is already called `Configuration`.
        .target(name: "QseekConfiguration", dependencies: ["TOML"]),
        // The real services built from the config (ARCHITECTURE.md, "building the services"):
        // the environment, sign-in, tenants, the desktop, failures and their exit codes, the
        // debug log, the MCP user. Everything the commands do that a test needs, without
        // ArgumentParser or a terminal; it never prints.
        .target(
            name: "LiveServices",
            dependencies: [
                "Accessor", "AppCore", "Assistant", "AWS", "HTTP", "History", "OIDC", "QseekConfiguration", "SearchTools", "Terminal",
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedBuildInfo"]
        ),
        // `qseek doctor`: every step of the setup checked through the live services, in words.
        .target(
            name: "Diagnostics",
            dependencies: [
                "Accessor", "AWS", "LiveServices", "OIDC", "QseekConfiguration",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Argument parsing and output formatting only.
        .executableTarget(
            name: "qseek",
            dependencies: [
                "Terminal", "HTTP", "AWS", "OIDC", "Accessor", "Assistant", "AppCore", "AppUI", "QseekConfiguration", "Sandbox", "History",
                "SearchTools", "LiveServices", "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Reads JSON test vectors on stdin and answers with what the AWS module makes of them,
        // so Interop/aws/run.sh can compare qseek with botocore and moto byte for byte.
        .executableTarget(name: "qseek-aws-probe", dependencies: ["AWS"], path: "Sources/AWSProbe"),
        // Decodes TOML to toml-test's tagged JSON, and feeds files through the three places
        // qseek reads TOML, so Interop/toml-test/run.sh can hold them to the official suite.
        .executableTarget(
            name: "qseek-toml-probe",
            dependencies: ["TOML", "QseekConfiguration", "AppUI", "Sandbox"],
            path: "Sources/TOMLProbe"
        ),

        // Fuzzing harness for the parsers (Fuzz/run.sh builds it with libFuzzer; a plain build
        // replays the corpus and the saved crashes, which CI does).
        .executableTarget(
            name: "qseek-fuzz",
            dependencies: ["Terminal", "AWS", "OIDC", "Accessor", "Assistant", "QseekConfiguration", "AppUI", "Sandbox"],
            path: "Sources/QseekFuzz"
        ),
        // Median search time over 10,000 documents; run it built with `-c release`.
        .executableTarget(name: "sandbox-search-bench", dependencies: ["Sandbox", "HTTP"], path: "Benchmarks/SandboxSearch"),

        // Built-in themes live in `themes/*.toml` at the top of the repository; this plugin
        // compiles them into AppUI so an installed binary needs no resource bundle beside it.
        // The demo corpus lives in `Sources/Sandbox/Resources/corpus/` (generated by
        // scripts/generate-sandbox-corpus.py) and is compiled in the same way.
        .executableTarget(name: "TextEmbedder", path: "Plugins/TextEmbedder"),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["TextEmbedder"], path: "Plugins/EmbedThemes"),
        .plugin(name: "EmbedCorpus", capability: .buildTool(), dependencies: ["TextEmbedder"], path: "Plugins/EmbedCorpus"),
        // `qseek --version` names the commit it was built from (read from .git, no git needed).
        .executableTarget(name: "BuildInfoWriter", path: "Plugins/BuildInfoWriter"),
        .plugin(name: "EmbedBuildInfo", capability: .buildTool(), dependencies: ["BuildInfoWriter"], path: "Plugins/EmbedBuildInfo"),

        // MARK: Tests
        // A local HTTP server for tests that stand in for AWS, IMDS or a model server.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "TOMLTests", dependencies: ["TOML"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(
            name: "HTTPTests",
            dependencies: [
                "HTTP", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "AWSTests",
            dependencies: [
                "AWS", "TestSupport",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "OIDCTests",
            dependencies: [
                "OIDC",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "AccessorTests",
            dependencies: [
                "Accessor", "AWS", "Sandbox",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "AssistantTests",
            dependencies: ["Assistant", "Accessor", "AWS", "TestSupport"],
            // Recorded event streams and the openai SDK's reading of them, read via #filePath.
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "Accessor", "Assistant", "AWS", "History", "OIDC"]),
        .testTarget(name: "HistoryTests", dependencies: ["History"]),
        .testTarget(name: "AppUITests", dependencies: ["AppUI", "AppCore", "Accessor", "Assistant", "AWS", "History", "OIDC", "Terminal"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "QseekConfigurationTests", dependencies: ["QseekConfiguration", "TestSupport"]),
        // The MCP tools and the Streamable HTTP server, in process against the sandbox.
        .testTarget(
            name: "SearchToolsTests",
            dependencies: [
                "SearchTools", "Sandbox", "Accessor", "AWS", "HTTP",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // A fresh sandbox with its qseek config and a private token cache, for the tests of the
        // live services, the doctor and the commands.
        .target(
            name: "SandboxTestSupport",
            dependencies: ["LiveServices", "OIDC", "Sandbox"],
            path: "Tests/SandboxTestSupport"
        ),
        // The live services, in process against the sandbox.
        .testTarget(
            name: "LiveServicesTests",
            dependencies: [
                "LiveServices", "SandboxTestSupport", "Accessor", "AppCore", "AppUI", "Assistant", "AWS", "History", "HTTP", "OIDC", "QseekConfiguration", "SearchTools", "Terminal",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        // `qseek doctor`'s checks, one wrong value at a time, against the sandbox.
        .testTarget(
            name: "DiagnosticsTests",
            dependencies: [
                "Diagnostics", "LiveServices", "SandboxTestSupport", "AWS", "QseekConfiguration",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The executable's argument parsing and output, run in process against the sandbox.
        .testTarget(
            name: "qseekTests",
            dependencies: [
                "qseek", "Diagnostics", "LiveServices", "Sandbox", "SandboxTestSupport", "QseekConfiguration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox",
                "AWS",
                "HTTP",
                "OIDC",
                "QseekConfiguration",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
