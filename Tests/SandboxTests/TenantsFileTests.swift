import Foundation
import Testing
@testable import Sandbox

@Suite("Reading tenants.toml")
struct TenantsFileTests {
    func failure(_ tenants: String) -> CorpusError? {
        do {
            _ = try CorpusLoader.load { name in name == "tenants.toml" ? tenants : "" }
            return nil
        } catch {
            return error
        }
    }

    @Test("Malformed TOML that used to abort the sandbox is refused with its line", arguments: [
        String(decoding: [0x5B, 0xD2, 0x89], as: UTF8.self), "[", "[.]", "[..]", "[!]", "[\"\"a]",
    ])
    func malformedTOML(text: String) throws {
        let error = try #require(failure(text))
        guard case .invalidTenantsFile(let reason) = error else { Issue.record("wrong error: \(error)"); return }
        #expect(reason.hasPrefix("not valid TOML at line 1, column"))
    }

    @Test func aMissingOrMistypedKeyNamesItsLineAndPath() throws {
        let header = "account_id = \"1\"\ndata_accessor_role_arn = \"r\"\nclient_id = \"c\"\n"
        #expect(failure("account_id = \"1\"\n")?.description == "tenants.toml: line 1: `data_accessor_role_arn` is missing")
        let user = try #require(failure(header + "[[users]]\nsubject = \"u\"\nemail = 3\nname = \"n\"\n"))
        #expect(user.description == "tenants.toml: line 6: `users[0].email` must be a string, not integer")
    }

    @Test func theBundledCorpusStillLoads() throws {
        let corpus = try CorpusLoader.bundled()
        #expect(!corpus.tenants.isEmpty)
        #expect(corpus.tenants.allSatisfy { !$0.members.isEmpty })
    }

    @Test func aTenantsFileThatIsNotUTF8IsSaidToBeSoNotMissing() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "qseek-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0x61, 0x20, 0x3D, 0x20, 0x22, 0xC0, 0xAF, 0x22]).write(to: directory.appending(path: "tenants.toml"))
        #expect(throws: CorpusError.invalidTenantsFile("not UTF-8 text")) { try CorpusLoader.directory(directory) }
    }
}
