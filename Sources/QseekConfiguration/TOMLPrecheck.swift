/// A lexical pass over TOML text that refuses input known to abort toml++ (the C++ parser
/// inside TOMLKit) in place of reporting an error. A typo in a config file must give an error
/// with its line, never a crash.
///
/// It understands only what it needs: strings (basic, literal, multi-line, with escapes),
/// comments, and brackets. Valid TOML always passes, because valid TOML has balanced brackets
/// outside strings and comments and names its tables.
struct TOMLPrecheck {
    let text: String
    let file: String?

    func run() throws {
        var stack: [(bracket: Character, line: Int)] = []
        var line = 1
        var atLineStart = true
        let characters = Array(text)
        var index = 0

        func fail(_ message: String, at line: Int) -> ConfigError {
            ConfigError(file: file, line: line, key: nil, message: "not valid TOML: " + message)
        }
        func starts(with token: String, at position: Int) -> Bool {
            let token = Array(token)
            guard position + token.count <= characters.count else { return false }
            return Array(characters[position..<(position + token.count)]) == token
        }

        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\n":
                line += 1
                atLineStart = true
                index += 1
                continue
            case " ", "\t", "\r":
                index += 1
                continue
            case "#":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case "\"", "'":
                let triple = String(repeating: String(character), count: 3)
                let multiLine = starts(with: triple, at: index)
                let startLine = line
                index += multiLine ? 3 : 1
                var closed = false
                while index < characters.count {
                    let c = characters[index]
                    if c == "\\" && character == "\"" {
                        if index + 1 < characters.count, characters[index + 1] == "\n" { line += 1 }
                        index += 2
                        continue
                    }
                    if c == "\n" {
                        if !multiLine { break }
                        line += 1
                    }
                    if multiLine ? starts(with: triple, at: index) : c == character {
                        index += multiLine ? 3 : 1
                        // TOML allows up to two extra quotes right before the closing delimiter.
                        while multiLine, index < characters.count, characters[index] == character { index += 1 }
                        closed = true
                        break
                    }
                    index += 1
                }
                if !closed { throw fail("a string is not closed", at: startLine) }
                atLineStart = false
                continue
            case "[", "{":
                if character == "[", atLineStart, stack.isEmpty {
                    try checkTableName(after: index, characters: characters, line: line)
                }
                stack.append((character, line))
                try checkValueStart(after: index, characters: characters, opener: character, line: line)
            case "]", "}":
                let expected: Character = character == "]" ? "[" : "{"
                guard let last = stack.last, last.bracket == expected else {
                    throw fail("`\(character)` does not close anything here", at: line)
                }
                stack.removeLast()
            case ",":
                if let last = stack.last, last.bracket == "[" {
                    try checkValueStart(after: index, characters: characters, opener: "[", line: line)
                }
            default:
                break
            }
            atLineStart = false
            index += 1
        }
        if let open = stack.last {
            throw fail("`\(open.bracket)` is never closed", at: open.line)
        }
    }

    /// After `[` or `[[` at the start of a line: the table's name must start like a key.
    private func checkTableName(after index: Int, characters: [Character], line: Int) throws {
        var position = index + 1
        if position < characters.count, characters[position] == "[" { position += 1 }
        while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
        guard position < characters.count, characters[position] != "\n" else {
            throw ConfigError(file: file, line: line, key: nil, message: "not valid TOML: a table header needs a table name")
        }
        let first = characters[position]
        let startsKey = first.isASCII && (first.isLetter || first.isNumber || first == "_" || first == "-" || first == "\"" || first == "'")
        if !startsKey && first != "]" {
            throw ConfigError(file: file, line: line, key: nil, message: "not valid TOML: `\(first)` cannot start a table name")
        }
    }

    /// Inside an array, after `[` or `,`: the next token (past spaces, newlines and comments)
    /// must not be `}`, which toml++ asserts on.
    private func checkValueStart(after index: Int, characters: [Character], opener: Character, line: Int) throws {
        guard opener == "[" else { return }
        var position = index + 1
        var currentLine = line
        while position < characters.count {
            let c = characters[position]
            if c == "#" {
                while position < characters.count, characters[position] != "\n" { position += 1 }
                continue
            }
            if c == "\n" { currentLine += 1 }
            if c == " " || c == "\t" || c == "\r" || c == "\n" {
                position += 1
                continue
            }
            if c == "}" {
                throw ConfigError(file: file, line: currentLine, key: nil, message: "not valid TOML: `}` where an array value was expected")
            }
            return
        }
    }
}
