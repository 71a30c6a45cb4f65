import Foundation

// Usage: ThemeEmbedder OUTPUT.swift THEME.toml...
// Writes `BuiltinThemes.sources`: (file name, TOML text) for each theme, in the order given.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder OUTPUT.swift THEME.toml...\n".utf8))
    exit(64)
}

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
            if scalar.value < 0x20 {
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
    entries.append("        (\(swiftLiteral(url.lastPathComponent)), \(swiftLiteral(text))),")
}
let source = """
    // Generated from themes/*.toml by the EmbedThemes plugin. Do not edit.

    enum BuiltinThemes {
        static let sources: [(fileName: String, text: String)] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
let existing = try? String(contentsOfFile: output, encoding: .utf8)
if existing != source {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
}
