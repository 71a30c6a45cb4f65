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
                offset: Int, limit: Int) async -> TenantSearch.Page {
        await searches.value[tenant.id]?.page(email: email, groups: groups, query: query, filter: filter, offset: offset, limit: limit)
            ?? TenantSearch.Page(items: [], hasMore: false)
    }
}

/// Search indexes built on a thread of their own from the moment the sandbox starts; the
/// first searches wait for them (suspended, never blocking a thread of the concurrency pool,
/// which requests and other sandboxes in the same process need meanwhile), later ones find
/// them ready.
final class BackgroundIndexes: Sendable {
    private enum Progress {
        case building(waiters: [CheckedContinuation<[String: TenantSearch], Never>])
        case built([String: TenantSearch])
    }

    private let progress = Mutex(Progress.building(waiters: []))

    init(tenants: [Tenant]) {
        Thread.detachNewThread { [self] in
            var searches: [String: TenantSearch] = [:]
            for tenant in tenants { searches[tenant.id] = TenantSearch(tenant: tenant) }
            let waiters = progress.withLock { state -> [CheckedContinuation<[String: TenantSearch], Never>] in
                defer { state = .built(searches) }
                if case .building(let waiters) = state { return waiters }
                return []
            }
            for waiter in waiters { waiter.resume(returning: searches) }
        }
    }

    /// The indexes, once built.
    var value: [String: TenantSearch] {
        get async {
            await withCheckedContinuation { continuation in
                let ready = progress.withLock { state -> [String: TenantSearch]? in
                    switch state {
                    case .built(let searches):
                        return searches
                    case .building(var waiters):
                        waiters.append(continuation)
                        state = .building(waiters: waiters)
                        return nil
                    }
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
