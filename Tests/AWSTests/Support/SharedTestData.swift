import Foundation

/// `../shared/testdata` beside the package root; CI clones the repository with `shared/` next to it.
enum SharedTestData {
    static var root: URL {
        URL(fileURLWithPath: #filePath)          // Tests/AWSTests/Support/SharedTestData.swift
            .deletingLastPathComponent()         // Support
            .deletingLastPathComponent()         // AWSTests
            .deletingLastPathComponent()         // Tests
            .deletingLastPathComponent()         // package root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/testdata")
    }

    static var sigV4Suite: URL { root.appendingPathComponent("aws-sigv4-suite") }
}
