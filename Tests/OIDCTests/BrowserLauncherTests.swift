import Foundation
import Testing

@testable import OIDC

@Suite("Browser launch")
struct BrowserLauncherTests {
    /// A folder of fake launcher executables; each records the URL it was given.
    func launchers(_ names: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-browsers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in names {
            let script = directory.appendingPathComponent(name)
            try "#!/bin/sh\nprintf '%s' \"$1\" > \"$(dirname \"$0\")/\(name).opened\"\n".write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        }
        return directory
    }

    @Test func browserWinsOverTheSystemOpeners() throws {
        let directory = try launchers(["my-browser", "xdg-open", "open", "wslview"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let launcher = BrowserLauncher(environment: ["BROWSER": "missing-browser:my-browser", "PATH": directory.path])
        #expect(launcher.command() == directory.appendingPathComponent("my-browser").path)
    }

    @Test func theOpenersAreTriedInOrder() throws {
        let directory = try launchers(["open", "wslview"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(BrowserLauncher(environment: ["PATH": directory.path]).command() == directory.appendingPathComponent("open").path)
        let onlyWSL = try launchers(["wslview"])
        defer { try? FileManager.default.removeItem(at: onlyWSL) }
        #expect(BrowserLauncher(environment: ["PATH": onlyWSL.path]).command() == onlyWSL.appendingPathComponent("wslview").path)
        #expect(BrowserLauncher(environment: ["PATH": "/nonexistent"]).command() == nil)
    }

    @Test func theURLIsPassedAsOneArgumentWithoutAShell() async throws {
        let directory = try launchers(["xdg-open"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = URL(string: "https://idp.example.test/authorize?a=1&b=$(touch%20pwned);x")!
        #expect(BrowserLauncher(environment: ["PATH": directory.path]).open(url))
        let recorded = directory.appendingPathComponent("xdg-open.opened")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: recorded.path) {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(try String(contentsOf: recorded, encoding: .utf8) == url.absoluteString)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("pwned").path))
    }

    @Test func withoutAnyOpenerNothingIsLaunched() {
        #expect(!BrowserLauncher(environment: ["PATH": "/nonexistent"]).open(URL(string: "https://example.test")!))
    }
}
