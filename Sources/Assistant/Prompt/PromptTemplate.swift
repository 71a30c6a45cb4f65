import Accessor
import Mustache

/// The text around the passages: the built-in one, or a user's Mustache template
/// (`[prompt] template`). Templates are rendered as plain text (no HTML escaping) with:
///
/// - `question`: the question as asked (filters removed);
/// - `passages`: a list of `number`, `title`, `uri` (may be empty), `content`, `confidence`;
/// - `cutNote`: a sentence naming passages left out to fit the token budget (may be empty).
public struct PromptTemplate: Sendable {
    let template: MustacheTemplate
    public let source: String

    public init(mustache source: String) throws(PromptTemplateError) {
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
        } catch {
            throw PromptTemplateError(reason: String(describing: error))
        }
        self.source = source
    }

    /// Answer only from the passages, cite as [n], and say so when they do not answer.
    public static let standard: PromptTemplate = {
        // The built-in template is a constant tested to parse; a failure here is a bug.
        try! PromptTemplate(mustache: """
            You answer questions for an employee using only the numbered passages below, \
            which come from their company's knowledge base. Cite every statement with the \
            number of the passage it comes from, like [1] or [2][3]. If the passages do not \
            answer the question, say that they do not, and do not guess.
            {{#cutNote}}

            Note: {{cutNote}}
            {{/cutNote}}

            Passages:
            {{#passages}}

            [{{number}}] {{title}}{{#uri}} <{{uri}}>{{/uri}}
            {{content}}
            {{/passages}}
            {{^passages}}
            (none were retrieved)
            {{/passages}}

            Question: {{question}}
            """)
    }()

    func render(question: String, passages: [Passage], cutNote: String) -> String {
        var context: [String: Any] = [
            "question": question,
            "passages": passages.map { passage -> [String: Any] in
                [
                    "number": passage.rank,
                    "title": passage.title,
                    "uri": passage.uri ?? "",
                    "content": passage.content,
                    "confidence": passage.confidence.rawValue,
                ]
            },
        ]
        // Mustache treats an empty string as true; leave the key out instead.
        if !cutNote.isEmpty { context["cutNote"] = cutNote }
        return template.render(context)
    }
}

/// A template that could not be parsed.
public struct PromptTemplateError: Error, Sendable, Equatable {
    public var reason: String
    public var userMessage: String { "The prompt template is not valid Mustache: \(reason)" }
}
