import Foundation
import enum HTTP.JSONValue

/// Why a corpus could not be loaded; the message names the file and what to fix.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFile(String)
    case invalidTenantsFile(String)
    case invalidDocument(file: String, line: Int, reason: String)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .missingFile(let name): "the corpus has no file \(name)"
        case .invalidTenantsFile(let reason): "tenants.toml: \(reason)"
        case .invalidDocument(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .inconsistent(let reason): "the corpus is inconsistent: \(reason)"
        }
    }
}

/// Reads the corpus format documented in `Sources/Sandbox/README.md`: `tenants.toml` plus one
/// JSON Lines file of documents per tenant.
public enum CorpusLoader {
    /// The corpus compiled into the binary.
    public static func bundled() throws(CorpusError) -> Corpus {
        try load(read: bundledFile)
    }

    /// The bundled corpus's users and tenants without their documents: all the sandbox needs to
    /// start serving. Parsing the documents is most of a load; `qseek demo` does it in the
    /// background (with the indexes) so its first frame does not wait for it.
    public static func bundledOutline() throws(CorpusError) -> Corpus {
        try load(read: bundledFile, withDocuments: false)
    }

    private static func bundledFile(_ name: String) -> String? {
        BundledCorpusFiles.files.first { $0.name == name }?.text
    }

    /// A corpus from a directory in the same format (`qseek sandbox serve --data DIR`).
    public static func directory(_ url: URL) throws(CorpusError) -> Corpus {
        // Read below as text, a file that is not UTF-8 would look missing.
        if let data = FileManager.default.contents(atPath: url.appending(path: "tenants.toml").path),
           String(data: data, encoding: .utf8) == nil {
            throw .invalidTenantsFile("not UTF-8 text")
        }
        do {
            return try load { name in try? String(contentsOf: url.appending(path: name), encoding: .utf8) }
        } catch .missingFile(let name) {
            throw .missingFile(url.appending(path: name).path)
        }
    }

    /// Loads through `read`, which returns a file's text or nil when it does not exist; without
    /// documents, every tenant's `documents` is empty and its JSON Lines file is not read.
    public static func load(read: (String) -> String?, withDocuments: Bool = true) throws(CorpusError) -> Corpus {
        guard let text = read("tenants.toml") else { throw .missingFile("tenants.toml") }
        let file = try TenantsFile.parse(text)
        let users = file.users.map { DemoUser(subject: $0.subject, email: $0.email, name: $0.name, suggestedQuestion: $0.question) }
        var tenants: [Tenant] = []
        for entry in file.tenants {
            var documents: [Document] = []
            if withDocuments {
                guard let documentsText = read(entry.documents) else { throw .missingFile(entry.documents) }
                documents = try parseDocuments(documentsText, file: entry.documents)
            }
            var filter: AttributeFilter?
            if let filterJSON = entry.document_filter, !filterJSON.isEmpty {
                guard let json = JSONValue.parse(Array(filterJSON.utf8)) else {
                    throw .invalidTenantsFile("tenant \(entry.id): document_filter is not JSON")
                }
                do { filter = try AttributeFilter.parse(json, path: "document_filter") } catch {
                    throw .invalidTenantsFile("tenant \(entry.id): \(error.name) \(error.message)")
                }
            }
            var authentication = TenantAuthentication.trustedTokenIssuer
            if let auth = entry.auth {
                guard let known = TenantAuthentication(rawValue: auth) else {
                    throw .invalidTenantsFile("tenant \(entry.id): auth must be \"tti\" or \"idc-auth-code\", not \"\(auth)\"")
                }
                authentication = known
            }
            tenants.append(Tenant(
                id: entry.id, name: entry.name, region: entry.region, idcRegion: entry.idc_region,
                applicationID: entry.application_id, retrieverID: entry.retriever_id,
                idcApplicationARN: entry.idc_application_arn,
                members: (entry.members ?? []).map { TenantMember(email: $0.email.lowercased(), groups: $0.groups, name: $0.name) },
                documents: documents, documentFilter: filter, authentication: authentication,
                redirectURIs: entry.redirect_uris ?? []))
        }
        let corpus = Corpus(accountID: file.account_id, dataAccessorRoleARN: file.data_accessor_role_arn,
                            clientID: file.client_id, users: users, tenants: tenants)
        try check(corpus)
        return corpus
    }

    static func check(_ corpus: Corpus) throws(CorpusError) {
        for tenant in corpus.tenants {
            for id in [tenant.applicationID, tenant.retrieverID] where !isResourceID(id) {
                throw .inconsistent("tenant \(tenant.id): \(id) is not 36 characters of [a-zA-Z0-9-]")
            }
            // An auth-code tenant's members sign in at its own Identity Center, not at the ISV's IdP.
            for member in tenant.members where tenant.authentication == .trustedTokenIssuer && corpus.user(email: member.email) == nil {
                throw .inconsistent("tenant \(tenant.id) names \(member.email), who is not in [[users]]")
            }
            switch tenant.authentication {
            case .trustedTokenIssuer where !tenant.redirectURIs.isEmpty:
                throw .inconsistent("tenant \(tenant.id): redirect_uris are for auth = \"idc-auth-code\" only")
            case .identityCenterAuthCode where tenant.redirectURIs.isEmpty:
                throw .inconsistent("tenant \(tenant.id): auth = \"idc-auth-code\" needs redirect_uris (the data accessor's registered redirect URIs)")
            default:
                break
            }
            for uri in tenant.redirectURIs where URLComponents(string: uri)?.scheme == nil || uri.contains("#") {
                throw .inconsistent("tenant \(tenant.id): redirect URI \(uri) is not an absolute URI without fragment")
            }
        }
        if Set(corpus.tenants.map(\.id)).count != corpus.tenants.count { throw .inconsistent("two tenants share an id") }
    }

    /// The model's pattern for application and retriever ids: `[a-zA-Z0-9][a-zA-Z0-9-]{35}`.
    public static func isResourceID(_ id: String) -> Bool {
        id.utf8.count == 36 && id.first != "-"
            && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
    }

    static func parseDocuments(_ text: String, file: String) throws(CorpusError) -> [Document] {
        var documents: [Document] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { !$0.isWhitespace }) {
            let number = offset + 1
            guard let json = JSONValue.parse(Array(line.utf8)) else {
                throw .invalidDocument(file: file, line: number, reason: "not a JSON object")
            }
            guard let id = json["id"]?.stringValue, let title = json["title"]?.stringValue,
                  let uri = json["uri"]?.stringValue, let body = json["body"]?.stringValue else {
                throw .invalidDocument(file: file, line: number, reason: "id, title, uri and body are required strings")
            }
            var attributes: [String: AttributeValue] = [:]
            for (name, raw) in json["attributes"]?.objectValue ?? [:] {
                switch AttributeValue.parse(raw) {
                case .success(let value): attributes[name] = value
                case .failure(let problem):
                    throw .invalidDocument(file: file, line: number, reason: "attribute \(name) \(problem.message)")
                }
            }
            let users = json["acl"]?["users"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let groups = json["acl"]?["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
            documents.append(Document(id: id, title: title, uri: uri, body: body, attributes: attributes,
                                      allowedUsers: Set(users.map { $0.lowercased() }), allowedGroups: Set(groups)))
        }
        return documents
    }
}
