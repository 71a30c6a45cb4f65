import Foundation
import NIOConcurrencyHelpers
import Synchronization

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

    /// `corpus` is what the handlers look tenants and users up in; `searches` has the tenants'
    /// documents and indexes (by default built from `corpus`'s own documents).
    init(corpus: Corpus, options: SandboxOptions, searches: BackgroundIndexes? = nil) {
        self.corpus = corpus
        self.options = options
        let tenants = corpus.tenants
        self.searches = searches ?? BackgroundIndexes(loading: { tenants })
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
                offset: Int, limit: Int) async -> TenantSearch.Page {
        await searches.value[tenant.id]?.page(email: email, groups: groups, query: query, filter: filter, offset: offset, limit: limit)
            ?? TenantSearch.Page(items: [], hasMore: false)
    }
}

/// The tenants' documents and search indexes, loaded and built in the background from start-up
/// (so `qseek demo` draws its first frame without waiting for them) by one task on the
/// concurrency pool; searches arriving meanwhile suspend until they are ready, never holding a
/// pool thread. No thread of its own: a test process runs dozens of sandboxes, and dozens of
/// index-building threads would starve the pool of CPU.
final class BackgroundIndexes: Sendable {
    /// The bundled corpus's documents and indexes: loaded once per process, at the first
    /// sandbox's start, and shared by every sandbox that serves it (they are read-only).
    static let bundled = BackgroundIndexes(loading: {
        // The tests check the bundled corpus; were it broken, searches would find nothing.
        (try? CorpusLoader.bundled())?.tenants ?? []
    })

    private struct State {
        var built: [String: TenantSearch]?
        var waiters: [CheckedContinuation<[String: TenantSearch], Never>] = []
    }

    private let state = Mutex(State())

    init(loading tenants: @escaping @Sendable () -> [Tenant]) {
        Task.detached(priority: .utility) { [self] in
            var searches: [String: TenantSearch] = [:]
            for tenant in tenants() { searches[tenant.id] = TenantSearch(tenant: tenant) }
            let waiters = state.withLock { state in
                state.built = searches
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: searches) }
        }
    }

    /// The indexes, once built.
    var value: [String: TenantSearch] {
        get async {
            if let built = state.withLock({ $0.built }) { return built }
            return await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> [String: TenantSearch]? in
                    if let built = state.built { return built }
                    state.waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
