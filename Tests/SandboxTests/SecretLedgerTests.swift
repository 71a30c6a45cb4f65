import Foundation
import Testing
@testable import Sandbox

@Suite("The secret ledger records what the sandbox hands out, for secret-hygiene tests")
struct SecretLedgerTests {
    @Test("One kind<TAB>value line per secret, appended to a 0600 file")
    func records() throws {
        let path = NSTemporaryDirectory() + "qseek-ledger-\(UUID().uuidString).tsv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = SecretLedger(path: path)
        ledger.record("STS session token", "IQoJsandboxAAA")
        ledger.record("identity context", "ctx.b.c")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["STS session token\tIQoJsandboxAAA", "identity context\tctx.b.c"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
