import TOML

/// The TOML shape of `tenants.toml` (snake_case keys, as in qseek's own config). Keys it does
/// not know are ignored; a missing or mistyped one is an error that names its line.
struct TenantsFile {
    var account_id: String
    var data_accessor_role_arn: String
    var client_id: String
    var users: [UserEntry]
    var tenants: [TenantEntry]

    struct UserEntry {
        var subject: String
        var email: String
        var name: String
        /// A question that shows what this user may read (listed on the demo's sign-in screen).
        var question: String?
    }

    struct TenantEntry {
        var id: String
        var name: String
        var region: String
        var idc_region: String
        var application_id: String
        var retriever_id: String
        var idc_application_arn: String
        var documents: String
        var document_filter: String?
        var members: [MemberEntry]?
        var auth: String?
        var redirect_uris: [String]?
    }

    struct MemberEntry {
        var email: String
        var groups: [String]
        var name: String?
    }

    /// Reads the file's text; the error's message is what `CorpusError.invalidTenantsFile` shows.
    static func parse(_ text: String) throws(CorpusError) -> TenantsFile {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw .invalidTenantsFile("not valid TOML at line \(error.line), column \(error.column): \(error.message)")
        }
        let file = Fields(table: root, line: 1, path: "")
        return TenantsFile(
            account_id: try file.string("account_id"),
            data_accessor_role_arn: try file.string("data_accessor_role_arn"),
            client_id: try file.string("client_id"),
            users: try file.tables("users").map { (user: Fields) throws(CorpusError) in
                UserEntry(subject: try user.string("subject"), email: try user.string("email"), name: try user.string("name"),
                          question: try user.optionalString("question"))
            },
            tenants: try file.tables("tenants").map { (tenant: Fields) throws(CorpusError) in
                TenantEntry(
                    id: try tenant.string("id"), name: try tenant.string("name"), region: try tenant.string("region"),
                    idc_region: try tenant.string("idc_region"), application_id: try tenant.string("application_id"),
                    retriever_id: try tenant.string("retriever_id"), idc_application_arn: try tenant.string("idc_application_arn"),
                    documents: try tenant.string("documents"), document_filter: try tenant.optionalString("document_filter"),
                    members: try tenant.has("members") ? tenant.tables("members").map { (member: Fields) throws(CorpusError) in
                        MemberEntry(email: try member.string("email"), groups: try member.strings("groups"),
                                    name: try member.optionalString("name"))
                    } : nil,
                    auth: try tenant.optionalString("auth"),
                    redirect_uris: try tenant.has("redirect_uris") ? tenant.strings("redirect_uris") : nil
                )
            }
        )
    }
}

/// One table of `tenants.toml` with the path and line to name in errors.
private struct Fields {
    let table: TOMLTable
    let line: Int
    let path: String

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { table[key] != nil }

    func value(_ key: String) throws(CorpusError) -> TOMLValue {
        guard let value = table[key] else { throw .invalidTenantsFile("line \(line): `\(name(key))` is missing") }
        return value
    }

    func string(_ key: String) throws(CorpusError) -> String {
        let value = try value(key)
        guard let string = value.string else { throw mistyped(key, value, "a string") }
        return string
    }

    func optionalString(_ key: String) throws(CorpusError) -> String? {
        has(key) ? try string(key) : nil
    }

    func strings(_ key: String) throws(CorpusError) -> [String] {
        let value = try value(key)
        guard let array = value.array else { throw mistyped(key, value, "an array of strings") }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else { throw mistyped(key, element, "an array of strings") }
            strings.append(string)
        }
        return strings
    }

    /// An array of tables (`[[key]]`), each with its own path and line.
    func tables(_ key: String) throws(CorpusError) -> [Fields] {
        let value = try value(key)
        guard let array = value.array else { throw mistyped(key, value, "an array of tables ([[\(name(key))]])") }
        var tables: [Fields] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else { throw mistyped(key, element, "an array of tables ([[\(name(key))]])") }
            tables.append(Fields(table: table, line: element.line, path: "\(name(key))[\(index)]"))
        }
        return tables
    }

    private func mistyped(_ key: String, _ value: TOMLValue, _ expected: String) -> CorpusError {
        .invalidTenantsFile("line \(value.line): `\(name(key))` must be \(expected), not \(value.typeName)")
    }
}
