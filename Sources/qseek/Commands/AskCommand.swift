import Accessor
import ArgumentParser
import Assistant
import Foundation
import History
import HTTP
import LiveServices
import Terminal

/// `qseek ask TEXT --tenant ID`: search, assemble, and the model's answer streamed to stdout,
/// then the sources its `[n]` markers point at. With `[model] provider = "none"` the
/// assembled prompt is the result.
struct Ask: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask one tenant's knowledge: search, assemble the prompt, stream the model's answer, list the sources.",
        discussion: """
            The answer streams to stdout as the model writes it, followed by a sources list. --json prints \
            one document at the end: question, answer, model, stopReason, usage, sources (number, documentId, \
            title, uri). Without a model ([model] provider = "none") the assembled prompt is printed instead.
            """
    )

    @OptionGroup var common: SignInCommonOptions
    @Argument(help: "The question (filters as @terms, e.g. '@category=security').") var text: String
    @Option(help: "The tenant id (see `qseek tenants`).") var tenant: String
    @Flag(help: "Print one JSON document at the end.") var json = false
    @Option(help: "Read the user's ID token from this file instead of the cached sign-in (also: QSEEK_ID_TOKEN).")
    var idTokenFile: String?

    func run() async throws {
        try await CommandContext.run(options: common, idTokenFile: idTokenFile) { try await ask(in: $0) }
    }

    private func ask(in environment: AppEnvironment) async throws {
        let target = try await environment.permittedTenant(id: tenant)
        let model = try ConfiguredModel.backend(for: environment)
        // Read before searching: a broken template is the user's to fix, not a search's to waste.
        let template = try PromptTemplate.configured(environment.config, configPath: environment.configPath)
        let parsed = try FilteredQuery.parse(text)
        guard !parsed.text.isEmpty else { throw CommandFailure.usage("the question is empty") }
        let query = PassageQuery(tenant: target, text: parsed.text, filter: parsed.filter,
                                 pageSize: environment.config.search.maxResults, maxPages: environment.config.search.maxPages)
        var passages: [Passage] = []
        for try await page in environment.search.pages(of: query) {
            passages += page  // ranks already run on across pages
        }
        progress("\(passages.count) passage\(passages.count == 1 ? "" : "s") from \(target.name.sanitizedForTerminal)")
        var assembler = PromptAssembler(template: template, budgetTokens: environment.config.prompt.budgetTokens)
        let prompt = assembler.assemble(question: parsed.text, passages: passages, excluded: [])
        let byRank = Dictionary(passages.map { ($0.rank, $0) }, uniquingKeysWith: { first, _ in first })
        let citations = prompt.included.compactMap { byRank[$0].map(Citation.init) }

        guard let model else {
            if json {
                write(PassageOutput.encode(["question": .string(text), "prompt": .string(prompt.text), "model": .null,
                                            "sources": .array(citations.map(Self.object))]) + "\n")
            } else {
                // The prompt is company text: a title holding `ESC [2J` must not clear the screen.
                write(TextSanitizer(keepsNewlines: true).sanitize(prompt.text) + "\n")
            }
            return
        }
        guard !prompt.included.isEmpty else {
            throw CommandFailure.aws("No passages were retrieved for this question, so the model was not asked.")
        }
        let askedAt = Date()
        var answer = StreamedAnswer()
        var usage: ModelUsage?
        var stopReason: String?
        let sanitizer = TextSanitizer(keepsNewlines: true)
        let sourcePassages = prompt.included.compactMap { byRank[$0] }.map {
            ModelRequest.Source(number: $0.rank, title: $0.title, uri: $0.uri, text: $0.content)
        }
        do {
            for try await event in model.answer(ModelRequest(prompt: prompt.text, question: parsed.text, sources: sourcePassages)) {
                switch event {
                case .text(let delta):
                    answer.append(delta)
                    if !json { write(sanitizer.sanitize(delta)) }
                case .usage(let reported): usage = reported
                case .stopped(let reason): stopReason = reason
                }
            }
        } catch let error as ModelError {
            // What arrived before the failure is kept, marked as cut off.
            if !answer.text.isEmpty {
                answer.finish()
                try await record(AskedTurn(question: text, answer: answer.text, model: model.modelName, askedAt: askedAt,
                                           citations: citations, passages: passages, tenant: target.id, wasCut: true), in: environment)
                if json {
                    write(PassageOutput.encode([
                        "question": .string(text), "answer": .string(answer.text), "model": .string(model.modelName), "cutOff": true,
                        "error": .string(error.userMessage),
                        "citations": .array(Self.citedNumbers(in: answer.text, of: citations).map { JSONValue($0) }),
                        "stopReason": .null,
                        "sources": .array(ConversationMarkdown.Turn(question: text, answer: answer.text, citations: citations)
                            .sources.map(Self.object)),
                    ]) + "\n")
                } else {
                    write("\n[answer cut off]\n")
                }
            }
            if case .network = error { throw CommandFailure.network(error.userMessage) }
            if case .configuration = error { throw CommandFailure.usage(error.userMessage) }
            throw CommandFailure.aws(error.userMessage)
        }
        answer.finish()
        try await record(AskedTurn(question: text, answer: answer.text, model: model.modelName, askedAt: askedAt,
                                   citations: citations, passages: passages, tenant: target.id), in: environment)
        let sources = ConversationMarkdown.Turn(question: text, answer: answer.text, citations: citations).sources
        if json {
            var document: [String: JSONValue] = [
                "question": .string(text), "answer": .string(answer.text), "model": .string(model.modelName),
                "citations": .array(Self.citedNumbers(in: answer.text, of: citations).map { JSONValue($0) }),
                "stopReason": JSONValue(stopReason), "sources": .array(sources.map(Self.object)),
            ]
            if let notice = stopReason.flatMap(StopReason.notice) { document["stopNotice"] = .string(notice) }
            if let usage { document["usage"] = ["inputTokens": JSONValue(usage.inputTokens), "outputTokens": JSONValue(usage.outputTokens)] }
            write(PassageOutput.encode(.object(document)) + "\n")
            return
        }
        var tail = answer.text.hasSuffix("\n") ? "\nSources:\n" : "\n\nSources:\n"
        for source in sources {
            tail += "[\(source.number)] \(source.title.sanitizedForTerminal)"
            if let uri = source.uri, !uri.isEmpty { tail += " — \(uri.sanitizedForTerminal)" }
            tail += "\n"
        }
        write(tail)
        if let usage { progress("\(model.modelName): \(usage.inputTokens) input + \(usage.outputTokens) output tokens") }
        if let notice = stopReason.flatMap(StopReason.notice) { progress("The answer was \(notice).") }
    }

    /// The `[n]` the answer uses that name a passage, each once, in order of first use.
    static func citedNumbers(in answer: String, of citations: [Citation]) -> [Int] {
        let known = Set(citations.map(\.number))
        return Citation.markers(in: answer).filter(known.contains)  // markers are already distinct
    }

    /// Keeps the question and answer (`[history] mode`); a store that cannot write is a warning.
    private func record(_ turn: AskedTurn, in environment: AppEnvironment) async throws {
        if let warning = try await environment.record(turn) {
            progress("warning: \(warning)")
        }
    }

    static func object(_ citation: Citation) -> JSONValue {
        ["number": JSONValue(citation.number), "documentId": .string(citation.documentID), "title": .string(citation.title),
         "uri": JSONValue(citation.uri)]
    }

    private func write(_ text: String) {
        StandardStreams.out(text)
    }

    private func progress(_ text: String) {
        StandardStreams.err(text + "\n")
    }
}
