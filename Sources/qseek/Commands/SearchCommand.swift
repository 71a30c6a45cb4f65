import Accessor
import ArgumentParser
import Foundation
import LiveServices
import Terminal

/// `qseek search TEXT --tenant ID`: passages, streamed, for scripts and backends.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search one tenant's Amazon Q index and print the passages as they arrive.",
        discussion: """
            --ndjson prints one JSON object per passage (documentId, title, uri, confidence, content, \
            attributes) as pages arrive; --json prints one document at the end. Progress goes to stderr.
            Filters: --filter '@category=security @after=2024-01-01' (or @terms inside TEXT).
            """
    )

    @OptionGroup var common: SignInCommonOptions
    @Argument(help: "The question.") var text: String
    @Option(help: "The tenant id (see `qseek tenants`).") var tenant: String
    @Option(help: "Attribute filters, e.g. '@category=security @after=2024-01-01'.") var filter: String?
    @Option(help: "Passages per page, 1-100 (default: [search].max_results).") var max: Int?
    @Option(help: "Pages to follow at most (default: [search].max_pages).") var pages: Int?
    @Flag(help: "Print one JSON document.") var json = false
    @Flag(help: "Print one JSON object per passage, as they arrive.") var ndjson = false
    @Option(help: "Read the user's ID token from this file instead of the cached sign-in (also: QSEEK_ID_TOKEN).")
    var idTokenFile: String?

    func validate() throws {
        if json && ndjson { throw ValidationError("choose one of --json and --ndjson") }
        if let max, !(1...100).contains(max) { throw ValidationError("--max must be between 1 and 100") }
    }

    func run() async throws {
        try await CommandContext.run(options: common, idTokenFile: idTokenFile) { try await search(in: $0) }
    }

    private func search(in environment: AppEnvironment) async throws {
        let target = try await environment.permittedTenant(id: tenant)
        let parsed = try FilteredQuery.parse(([text] + (filter.map { [$0] } ?? [])).joined(separator: " "))
        guard !parsed.text.isEmpty else { throw CommandFailure.usage("the question is empty") }
        let query = PassageQuery(tenant: target, text: parsed.text, filter: parsed.filter,
                                 pageSize: max ?? environment.config.search.maxResults,
                                 maxPages: pages ?? environment.config.search.maxPages)
        let output = PassageOutput(format: json ? .json : (ndjson ? .ndjson : .text))
        var all: [Passage] = []
        for try await page in environment.search.pages(of: query) {
            output.stream(page)
            all += page
        }
        output.finish(all, query: query)
        StandardStreams.err("\(all.count) passage\(all.count == 1 ? "" : "s") from \(target.name.sanitizedForTerminal)\n")
    }
}
