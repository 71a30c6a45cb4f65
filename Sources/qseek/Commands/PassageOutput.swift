import Accessor
import AWS
import Foundation
import Terminal

/// How `search` prints passages: text for people (sanitised: a document cannot act on the
/// terminal), NDJSON streamed per passage, or one JSON document. JSON output escapes
/// control characters as JSON does, so it is inert too.
struct PassageOutput {
    enum Format { case text, json, ndjson }

    var format: Format

    func stream(_ page: [Passage]) {
        switch format {
        case .text:
            for passage in page { write(text(for: passage)) }
        case .ndjson:
            for passage in page { write(Self.encode(Self.object(for: passage)) + "\n") }
        case .json:
            break
        }
    }

    func finish(_ passages: [Passage], query: PassageQuery) {
        guard format == .json else { return }
        let document: JSONValue = [
            "tenant": .string(query.tenant.id),
            "query": .string(query.text),
            "passages": .array(passages.map(Self.object(for:))),
        ]
        write(Self.encode(document) + "\n")
    }

    private func text(for passage: Passage) -> String {
        var lines = ["[\(passage.rank)] \(passage.confidence.rawValue)  \(passage.title.sanitizedForTerminal)"]
        if let uri = passage.uri { lines.append("    \(uri.sanitizedForTerminal)") }
        for line in TextLayout.wrap(TextSanitizer(keepsNewlines: true).sanitize(passage.content), toWidth: 96) {
            lines.append("    " + line)
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    static func object(for passage: Passage) -> JSONValue {
        var attributes: [String: JSONValue] = [:]
        for attribute in passage.attributes {
            switch attribute.value {
            case .string(let text): attributes[attribute.name] = .string(text)
            case .stringList(let list): attributes[attribute.name] = JSONValue(list)
            case .long(let number): attributes[attribute.name] = .number(Double(number))
            case .date(let date): attributes[attribute.name] = .string(date.formatted(.iso8601))
            }
        }
        return [
            "rank": JSONValue(passage.rank),
            "documentId": .string(passage.documentID),
            "title": .string(passage.title),
            "uri": JSONValue(passage.uri),
            "confidence": .string(passage.confidence.rawValue),
            "content": .string(passage.content),
            "attributes": .object(attributes),
        ]
    }

    /// The JSON every command writes: sorted keys, and C1 controls, bidi and other format
    /// characters and U+2028/2029 as `\u` escapes (``TextSanitizer/escapingInvisibleCharacters(inJSON:)``).
    static func encode(_ value: JSONValue) -> String {
        TextSanitizer.escapingInvisibleCharacters(inJSON: String(decoding: value.serialized(), as: UTF8.self))
    }

    /// An `Encodable` value as that same terminal-safe JSON.
    static func encode(_ value: some Encodable, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return TextSanitizer.escapingInvisibleCharacters(inJSON: String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    private func write(_ text: String) {
        StandardStreams.out(text)
    }
}
