import Foundation

// Usage: CorpusEmbedder OUTPUT.swift FILE...
// Writes `BundledCorpusFiles.contents`: file name → UTF-8 text, for each file given.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: CorpusEmbedder OUTPUT.swift FILE...\n".utf8))
    exit(64)
}

/// A Swift string literal for `text`; control characters (the corpus deliberately holds
/// escape sequences and C1 controls) become `\u{...}` escapes, which a literal needs.
func swiftLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                literal += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                literal.unicodeScalars.append(scalar)
            }
        }
    }
    return literal + "\""
}

var entries: [String] = []
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    entries.append("        \(swiftLiteral(url.lastPathComponent)): \(swiftLiteral(text)),")
}
let source = """
    // Generated from Sources/Sandbox/Resources/corpus by the EmbedCorpus plugin. Do not edit.

    enum BundledCorpusFiles {
        static let contents: [String: String] = [
    \(entries.isEmpty ? "        :" : entries.joined(separator: "\n"))
        ]
    }

    """
let existing = try? String(contentsOfFile: output, encoding: .utf8)
if existing != source {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
}
