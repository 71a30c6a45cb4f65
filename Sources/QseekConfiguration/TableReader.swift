import TOMLKit

/// Reads the keys of one table, remembering which it consumed so ``finish()`` can reject the rest.
struct TableReader {
    let parser: ConfigParser
    let table: TOMLTable
    let name: String
    var index = 0
    private var consumed: Set<String> = []

    init(parser: ConfigParser, table: TOMLTable, name: String, index: Int = 0) {
        self.parser = parser
        self.table = table
        self.name = name
        self.index = index
    }

    private func fail(_ key: String, _ message: String) -> ConfigError {
        parser.error(table: name, index: index, key: key, message)
    }

    mutating func string(_ key: String, check: (String) -> String? = { _ in nil }, _ assign: (String) -> Void) throws {
        consumed.insert(key)
        guard let value = table[key] else { return }
        guard let string = value.string else { throw fail(key, "must be a string, not \(value.type)") }
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
        guard value.type == .int, let int = value.int else { throw fail(key, "must be an integer, not \(value.type)") }
        guard range.contains(int) else { throw fail(key, "must be in \(range.lowerBound)...\(range.upperBound), not \(int)") }
        assign(int)
    }

    mutating func bool(_ key: String, _ assign: (Bool) -> Void) throws {
        consumed.insert(key)
        guard let value = table[key] else { return }
        guard value.type == .bool, let bool = value.bool else { throw fail(key, "must be true or false, not \(value.type)") }
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
