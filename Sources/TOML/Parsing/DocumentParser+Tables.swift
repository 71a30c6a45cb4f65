/// Where headers and keys may put things (TOML 1.0): a table is defined once, by a header or
/// by dotted keys in one section; inline tables and arrays are complete when written; an
/// array of tables grows only by `[[header]]`.
extension DocumentParser {
    /// `[a.b.c]`: walks to `a.b` (creating implicit tables, entering the last table of an
    /// array of tables) and defines `c`.
    mutating func openTable(at keys: [Key], line: Int) throws(TOMLError) -> TableNode {
        let parent = try walkHeaderPrefix(keys.dropLast(), line: line)
        guard let last = keys.last else { throw failure(.invalidTableName(found: "nothing")) }
        switch parent[last.name] {
        case nil:
            let table = try child(of: parent, origin: .header, line: line, at: last)
            parent.add(.table(table), forKey: last.name)
            return table
        case .table(let table)?:
            guard table.origin == .implicit else { throw failure(.tableDefinedTwice(Self.dotted(keys)), at: last.offset) }
            table.origin = .header
            table.line = line
            return table
        case .tableArray?:
            throw failure(.tableDefinedTwice(Self.dotted(keys)), at: last.offset)
        case .value(let value)?:
            throw closed(value, keys, at: last)
        }
    }

    /// `[[a.b.c]]`: walks to `a.b` and appends a new table to the array of tables `c`.
    mutating func appendTable(at keys: [Key], line: Int) throws(TOMLError) -> TableNode {
        let parent = try walkHeaderPrefix(keys.dropLast(), line: line)
        guard let last = keys.last else { throw failure(.invalidTableName(found: "nothing")) }
        let table = try child(of: parent, origin: .header, line: line, at: last)
        switch parent[last.name] {
        case nil:
            parent.add(.tableArray(TableArrayNode(first: table)), forKey: last.name)
        case .tableArray(let array)?:
            array.append(table)
        case .table?:
            throw failure(.tableDefinedTwice(Self.dotted(keys)), at: last.offset)
        case .value(let value)?:
            throw closed(value, keys, at: last)
        }
        return table
    }

    private mutating func walkHeaderPrefix(_ keys: ArraySlice<Key>, line: Int) throws(TOMLError) -> TableNode {
        var node = root
        for (position, key) in zip(keys.indices, keys) {
            switch node[key.name] {
            case nil:
                let table = try child(of: node, origin: .implicit, line: line, at: key)
                node.add(.table(table), forKey: key.name)
                node = table
            case .table(let table)?:
                node = table
            case .tableArray(let array)?:
                guard let last = array.tables.last else { throw failure(.notATable(key.name), at: key.offset) }
                node = last
            case .value(let value)?:
                throw closed(value, Array(keys[...position]), at: key)
            }
        }
        return node
    }

    /// Adds `value` at the dotted `keys` below `table`, creating the tables on the way.
    mutating func insert(_ value: TOMLValue, at keys: [Key], into table: TableNode) throws(TOMLError) {
        var node = table
        for (position, key) in keys.dropLast().enumerated() {
            switch node[key.name] {
            case nil:
                let child = try child(of: node, origin: .dotted(section: section), line: key.line, at: key)
                node.add(.table(child), forKey: key.name)
                node = child
            case .table(let child)?:
                switch child.origin {
                case .implicit:
                    child.origin = .dotted(section: section)
                case .dotted(let created) where created == section:
                    break
                default:
                    throw failure(.tableDefinedTwice(Self.dotted(keys.prefix(position + 1))), at: key.offset)
                }
                node = child
            case .tableArray?:
                throw failure(.notATable(Self.dotted(keys.prefix(position + 1))), at: key.offset)
            case .value(let existing)?:
                throw closed(existing, Array(keys.prefix(position + 1)), at: key)
            }
        }
        guard let last = keys.last else { throw failure(.unexpected(found: "nothing", expected: "a key")) }
        guard node[last.name] == nil else { throw failure(.duplicateKey(Self.dotted(keys)), at: last.offset) }
        node.add(.value(value), forKey: last.name)
    }

    private func child(of parent: TableNode, origin: TableNode.Origin, line: Int, at key: Key) throws(TOMLError) -> TableNode {
        let (depth, overflow) = parent.depth.addingReportingOverflow(1)
        guard !overflow, depth <= TOMLParser.maximumDepth else {
            throw failure(.tooDeep(limit: TOMLParser.maximumDepth), at: key.offset)
        }
        return TableNode(origin: origin, line: line, depth: depth)
    }

    private func closed(_ value: TOMLValue, _ keys: [Key], at key: Key) -> TOMLError {
        switch value.kind {
        case .table, .array: failure(.inlineTableIsClosed(Self.dotted(keys)), at: key.offset)
        default: failure(.notATable(Self.dotted(keys)), at: key.offset)
        }
    }
}
