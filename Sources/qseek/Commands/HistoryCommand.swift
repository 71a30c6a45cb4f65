import ArgumentParser
import Assistant
import Foundation
import History
import HTTP
import LiveServices
import OIDC
import Terminal

/// `qseek history list|show|rm|export`: the signed-in user's past conversations in one tenant.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Past conversations of the signed-in user in one tenant ([history] mode; stored in $XDG_STATE_HOME/qseek/history.sqlite).",
        subcommands: [List.self, Show.self, Remove.self, Export.self]
    )

    /// What every history subcommand takes.
    struct Scope: ParsableArguments {
        @OptionGroup var common: SignInCommonOptions
        @Option(help: "The tenant id (see `qseek tenants`).") var tenant: String
    }

    /// Runs `body` with the store and whose history to read: the cached sign-in's subject in
    /// `--tenant`. Errors become the documented exit codes.
    static func run(_ scope: Scope, _ body: (HistoryStore, HistoryOwner) throws -> Void) async throws {
        try await CommandContext.run(options: scope.common) { environment in
            let tenant = try environment.tenant(id: scope.tenant)
            let tokens = try await environment.signIn.validTokens()
            let store = try HistoryStore.opened(for: environment.config)
            try body(store, HistoryOwner(user: tokens.claims.subject, tenant: tenant.id))
        }
    }

    static func conversation(_ id: String, in store: HistoryStore, owner: HistoryOwner) throws -> StoredConversation {
        guard let stored = try store.conversation(id, owner: owner) else {
            throw CommandFailure.usage("no conversation \(id) in this tenant's history (see `qseek history list`)")
        }
        return stored
    }

    static func write(_ text: String) {
        StandardStreams.out(text)
    }

    static func json(_ conversation: StoredConversation) -> JSONValue {
        return [
            "id": .string(conversation.summary.id),
            "title": .string(conversation.summary.title),
            "createdAt": .string(conversation.summary.createdAt.formatted(.iso8601)),
            "updatedAt": .string(conversation.summary.updatedAt.formatted(.iso8601)),
            "turns": .array(conversation.turns.map { turn -> JSONValue in
                [
                    "question": .string(turn.question), "answer": .string(turn.answer), "model": JSONValue(turn.model),
                    "askedAt": .string(turn.askedAt.formatted(.iso8601)), "answeredAt": .string(turn.answeredAt.formatted(.iso8601)),
                    "stopped": .bool(turn.wasStopped),
                    "citations": .array(turn.citations.map { citation -> JSONValue in
                        var object: [String: JSONValue] = ["number": JSONValue(citation.number), "documentId": .string(citation.documentID),
                                                           "title": .string(citation.title), "uri": JSONValue(citation.uri)]
                        if let text = citation.text { object["text"] = .string(text) }
                        return .object(object)
                    }),
                ]
            }),
        ]
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List conversations, most recent first.")
        @OptionGroup var scope: Scope
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            try await HistoryCommand.run(scope) { store, owner in
                let items = try store.list(owner: owner)
                if json {
                    HistoryCommand.write(PassageOutput.encode(.array(items.map { item -> JSONValue in
                        ["id": .string(item.id), "title": .string(item.title), "turns": JSONValue(item.turnCount),
                         "createdAt": .string(item.createdAt.formatted(.iso8601)), "updatedAt": .string(item.updatedAt.formatted(.iso8601))]
                    })) + "\n")
                    return
                }
                if items.isEmpty { StandardStreams.err("no conversations yet\n") }
                for item in items {
                    HistoryCommand.write("\(item.id)  \(item.updatedAt.formatted(.iso8601))  \(item.turnCount) turn\(item.turnCount == 1 ? "" : "s")  \(item.title.sanitizedForTerminal)\n")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one conversation with its sources.")
        @OptionGroup var scope: Scope
        @Argument(help: "The conversation id (see `qseek history list`).") var id: String
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            try await HistoryCommand.run(scope) { store, owner in
                let stored = try HistoryCommand.conversation(id, in: store, owner: owner)
                if json {
                    HistoryCommand.write(PassageOutput.encode(HistoryCommand.json(stored)) + "\n")
                } else {
                    let markdown = ConversationMarkdown.render(stored.markdownTurns, tenant: scope.tenant)
                    HistoryCommand.write(TextSanitizer(keepsNewlines: true).sanitize(markdown))
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete one conversation.")
        @OptionGroup var scope: Scope
        @Argument(help: "The conversation id.") var id: String

        func run() async throws {
            try await HistoryCommand.run(scope) { store, owner in
                guard try store.delete(id, owner: owner) else {
                    throw CommandFailure.usage("no conversation \(id) in this tenant's history")
                }
                StandardStreams.err("deleted \(id)\n")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Export one conversation as Markdown (with a sources list) or JSON, to stdout.")
        enum Format: String, ExpressibleByArgument { case md, json }
        @OptionGroup var scope: Scope
        @Argument(help: "The conversation id.") var id: String
        @Option(help: "md or json.") var format: Format = .md

        func run() async throws {
            try await HistoryCommand.run(scope) { store, owner in
                let stored = try HistoryCommand.conversation(id, in: store, owner: owner)
                switch format {
                case .md:
                    let markdown = ConversationMarkdown.render(stored.markdownTurns, tenant: scope.tenant)
                    HistoryCommand.write(TextSanitizer(keepsNewlines: true).sanitize(markdown))
                case .json: HistoryCommand.write(PassageOutput.encode(HistoryCommand.json(stored)) + "\n")
                }
            }
        }
    }
}
