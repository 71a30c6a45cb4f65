import Testing
@testable import qseek

/// `qseek mcp --http`'s address argument.
@Suite("qseek mcp --http")
struct MCPCommandTests {
    @Test func httpAddressesParse() {
        #expect(MCPServe.address("8080").map { "\($0.0) \($0.1)" } == "127.0.0.1 8080")
        #expect(MCPServe.address("0.0.0.0:9000").map { "\($0.0) \($0.1)" } == "0.0.0.0 9000")
        #expect(MCPServe.address("[::1]:0").map { "\($0.0) \($0.1)" } == "::1 0")
        #expect(MCPServe.address("host:") == nil)
        #expect(MCPServe.address("70000") == nil)
    }
}
