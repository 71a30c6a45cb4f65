import Foundation
import Testing

@testable import QseekConfiguration

@Suite("Private files (O_EXCL, 0600 from the first byte)")
struct PrivateFileTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aNewFileIsOwnerOnlyAndHoldsTheText() throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("export.md").path
        try PrivateFile.create(atPath: path, contents: Data("# passages\n".utf8))
        #expect(try mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# passages\n")
    }

    @Test func anExistingFileOrAPlantedSymlinkIsNeverWrittenThrough() throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("existing").path
        try "keep".write(toFile: existing, atomically: false, encoding: .utf8)
        #expect(throws: PrivateFile.WriteError(path: existing, reason: "it already exists")) {
            try PrivateFile.create(atPath: existing, contents: Data("new".utf8))
        }
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: existing)
        #expect(throws: PrivateFile.WriteError.self) { try PrivateFile.create(atPath: link, contents: Data("new".utf8)) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep")
    }

    @Test func anAtomicWriteReplacesOnlyWhenAskedAndLeavesNoTemporaryFile() throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config.toml").path
        try PrivateFile.write(atPath: path, contents: Data("a".utf8), replacing: false)
        #expect(throws: PrivateFile.WriteError(path: path, reason: "it already exists")) {
            try PrivateFile.write(atPath: path, contents: Data("b".utf8), replacing: false)
        }
        try PrivateFile.write(atPath: path, contents: Data("c".utf8), replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "c")
        #expect(try mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["config.toml"])
    }
}
