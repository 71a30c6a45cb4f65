import Foundation
import NIOConcurrencyHelpers

/// Everything the handlers share: the corpus and its indexes, the stores of issued tokens and
/// credentials, the keys, and the address the server ended up on.
final class SandboxEnvironment: Sendable {
    let corpus: Corpus
    let options: SandboxOptions
    /// The tenants' search indexes, built in the background from start-up (so `qseek demo`
    /// draws its first frame without waiting for them) and awaited by the first search.
    let searches: BackgroundIndexes
    let credentials = CredentialStore()
    let authenticator: RequestAuthenticator
    let identityContexts = IdentityContext()
    let secrets: SecretLedger
    let pageTokens = PageToken()
    let faults: FaultInjector
    private let originBox = NIOLockedValueBox("http://127.0.0.1:0")

    init(corpus: Corpus, options: SandboxOptions) {
        self.corpus = corpus
        self.options = options
        searches = BackgroundIndexes(tenants: corpus.tenants)
        authenticator = RequestAuthenticator(credentials: credentials, maximumSessionAge: options.faults.expireCredentialsAfter)
        faults = FaultInjector(plan: options.faults, seed: options.seed)
        secrets = SecretLedger(path: options.secretLedgerPath)
        secrets.record("ISV base secret access key", DemoCredentials.secretAccessKey)
    }

    /// `http://HOST:PORT`, known once the server is bound (the IdP's issuer is derived from it).
    var origin: String {
        get { originBox.withLockedValue { $0 } }
        set { originBox.withLockedValue { $0 = newValue } }
    }

    /// One page of passages `email` (in `groups`) may read in `tenant`, best first.
    func search(tenant: Tenant, email: String, groups: Set<String>, query: String, filter: AttributeFilter?,
                offset: Int, limit: Int) -> TenantSearch.Page {
        searches.value[tenant.id]?.page(email: email, groups: groups, query: query, filter: filter, offset: offset, limit: limit)
            ?? TenantSearch.Page(items: [], hasMore: false)
    }
}

/// Search indexes built on a thread of their own from the moment the sandbox starts; the
/// first search waits for them (once), every later one finds them ready.
final class BackgroundIndexes: @unchecked Sendable {
    // `built` is only read or written with `condition` locked.
    private let condition = NSCondition()
    private var built: [String: TenantSearch]?

    init(tenants: [Tenant]) {
        Thread.detachNewThread { [self] in
            var searches: [String: TenantSearch] = [:]
            for tenant in tenants { searches[tenant.id] = TenantSearch(tenant: tenant) }
            condition.lock()
            built = searches
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The indexes, waiting for the build if it has not finished.
    var value: [String: TenantSearch] {
        condition.lock()
        defer { condition.unlock() }
        while built == nil { condition.wait() }
        return built ?? [:]
    }
}
