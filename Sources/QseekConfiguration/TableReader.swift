import TOML

/// Reads the keys of one table, remembering which it consumed so ``finish()`` can reject the rest.
struct TableReader {
    let file: String?
    let table: TOMLTable
    /// The line of the table's header (or first key), for errors about the table as a whole.
    let line: Int
    let name: String
    var index = 0
    private var consumed: Set<String> = []

    init(file: String?, table: TOMLTable, line: Int, name: String, index: Int = 0) {
        self.file = file
        self.table = table
        self.line = line
        self.name = name
        self.index = index
    }

    /// An error about `key` (nil: the table itself), at the line where the document sets it.
    func fail(_ key: String?, _ message: String) -> ConfigError {
        let prefix = name == "tenants" ? "tenants[\(index)]" : name
        return ConfigError(
            file: file,
            line: key.flatMap { table[$0]?.line } ?? line,
            key: key.map { "\(prefix).\($0)" } ?? prefix,
            message: message
        )
    }

    mutating func string(_ key: String, check: (String) -> String? = { _ in nil }, _ assign: (String) -> Void) throws {
        consumed.insert(key)
        guard let value = table[key] else { return }
        guard let string = value.string else { throw fail(key, "must be a string, not \(value.typeName)") }
        if let problem = check(string) { throw fail(key, problem) }
        assign(string)
    }

    mutating func strings(_ key: String, _ assign: ([String]) -> Void) throws {
        consumed.insert(key)
        guard let value = table[key] else { return }
        guard let array = value.array else { throw fail(key, "must be an array of strings") }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else { throw fail(key, "must be an array of strings") }
            strings.append(string)
        }
        assign(strings)
    }

    mutating func int(_ key: String, _ range: ClosedRange<Int>, _ assign: (Int) -> Void) throws {
        consumed.insert(key)
        guard let value = table[key] else { return }
        guard let integer = value.integer else { throw fail(key, "must be an integer, not \(value.typeName)") }
        guard let int = Int(exactly: integer), range.contains(int) else {
            throw fail(key, "must be in \(range.lowerBound)...\(range.upperBound), not \(integer)")
        }
        assign(int)
    }

    mutating func bool(_ key: String, _ assign: (Bool) -> Void) throws {
        consumed.insert(key)
        guard let value = table[key] else { return }
        guard let bool = value.boolean else { throw fail(key, "must be true or false, not \(value.typeName)") }
        assign(bool)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _: Choice.Type, _ assign: (Choice) -> Void) throws where Choice.RawValue == String {
        try string(key) { _ in } // marks consumed and checks the type
        guard let string = table[key]?.string else { return }
        guard let choice = Choice(rawValue: string) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " | ")
            throw fail(key, "must be one of \(allowed), not \"\(string)\"")
        }
        assign(choice)
    }

    func finish() throws {
        for key in table.keys.sorted() where !consumed.contains(key) {
            let known = consumed.sorted().joined(separator: ", ")
            throw fail(key, "unknown key (known in [\(name)]: \(known))")
        }
    }
}
