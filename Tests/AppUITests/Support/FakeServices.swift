import Accessor
import AppCore
import Assistant
import Foundation
import History
import OIDC
import Synchronization

/// The services a pilot test runs the app against: answers from memory, each call recorded,
/// and — when a test says so — searches or answers held open until they are cancelled.
final class FakeServices: IdentityService, TenantGateway, SystemServices, HistoryService, Sendable {
    struct Record: Sendable {
        var signIns: [SignInMethod] = []
        var exchanges: [String] = []
        var searches: [String] = []
        var discards = 0
        var signOuts = 0
        var openedURLs: [String] = []
        var exports: [String] = []
        var rememberedTenants: [String] = []
        var recordedTurns: [HistoryTurn] = []
        var removed: [String] = []
        /// Searches and answers that noticed they were cancelled.
        var cancelled = 0
        /// Searches and answers waiting now.
        var parked = 0
    }

    let record = Locked(Record())
    /// Passages by tenant id, then by user subject.
    let passages: [String: [String: [Passage]]]
    let user: UserIdentity
    let holdsSearches: Bool
    let stored: [ConversationSummary]
    let storedTurns: [HistoryTurn]
    private let signedInUser = Mutex<String?>(nil)

    init(user: UserIdentity = UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana"),
         passages: [String: [String: [Passage]]] = FakeServices.standardPassages, holdsSearches: Bool = false,
         stored: [ConversationSummary] = [], storedTurns: [HistoryTurn] = []) {
        self.user = user
        self.passages = passages
        self.holdsSearches = holdsSearches
        self.stored = stored
        self.storedTurns = storedTurns
    }

    var parkedTasks: @Sendable () -> Int { { [record] in record.withLock { $0.parked } } }

    func services(model: (any ModelBackend)? = nil) -> AppServices {
        AppServices(identity: self, gateway: self, system: self, model: model, history: self)
    }

    static let standardPassages: [String: [String: [Passage]]] = [
        "T0123ACME": [
            "u-ana": (1...3).map { Passage(rank: $0, documentID: "eng-\($0)", title: "Incident response step \($0)",
                                           uri: "https://wiki.acme.example/eng/\($0)", content: "Page the on-call engineer within \($0 * 5) minutes.",
                                           confidence: .high) },
            "u-bob": [Passage(rank: 1, documentID: "sales-1", title: "Discount approval", uri: "https://wiki.acme.example/sales/1",
                              content: "Discounts above 20% need the VP of sales.", confidence: .medium)],
        ],
        "T0456GLOBEX": [
            "u-ana": [Passage(rank: 1, documentID: "gx-1", title: "Globex travel policy", uri: "https://globex.example/travel",
                              content: "Book flights two weeks ahead.", confidence: .veryHigh)],
        ],
    ]

    // MARK: IdentityService

    func signIn(_ method: SignInMethod, progress: @escaping @Sendable (AppCore.SignInProgress) -> Void) async throws(OIDCError) -> UserIdentity {
        record.withLock { $0.signIns.append(method) }
        var user = self.user
        if case .demoUser(let hint) = method, hint.hasPrefix("bob") {
            user = UserIdentity(subject: "u-bob", email: hint, name: "Bob")
        }
        signedInUser.withLock { $0 = user.subject }
        return user
    }

    func signOut() async {
        record.withLock { $0.signOuts += 1 }
        signedInUser.withLock { $0 = nil }
    }

    func resumeSavedSignIn() async -> UserIdentity? { nil }
    func offersDeviceFlow() async -> Bool { true }

    // MARK: TenantGateway

    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date {
        record.withLock { $0.exchanges.append(tenant.id) }
        for step in ExchangeStep.allCases {
            observe(ExchangeStepReport(step: step, tenantID: tenant.id, outcome: .succeeded(credentialsExpiry: nil), latency: .milliseconds(3)))
        }
        return Date(timeIntervalSince1970: 1_800_000_900)
    }

    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> {
        record.withLock { $0.searches.append("\(query.tenant.id): \(query.text)") }
        let subject = signedInUser.withLock { $0 } ?? ""
        let found = passages[query.tenant.id]?[subject] ?? []
        let holds = holdsSearches
        let record = self.record
        return AsyncThrowingStream { continuation in
            let task = Task {
                if holds {
                    record.withLock { $0.parked += 1 }
                    defer { record.withLock { $0.parked -= 1 } }
                    do {
                        try await Task.sleep(for: .seconds(3600))
                    } catch {
                        record.withLock { $0.cancelled += 1 }
                        continuation.finish(throwing: error)
                        return
                    }
                }
                continuation.yield(found)
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func discardCredentials() async {
        record.withLock { $0.discards += 1 }
    }

    // MARK: SystemServices

    func open(_ url: String) async throws(DesktopError) {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { throw .notAWebLink(url) }
        record.withLock { $0.openedURLs.append(url) }
    }

    func rememberTenant(_ id: String) async {
        record.withLock { $0.rememberedTenants.append(id) }
    }

    func export(_ markdown: String, suggestedName: String) async throws(DesktopError) -> String {
        record.withLock { $0.exports.append(markdown) }
        return "/tmp/\(suggestedName).md"
    }

    // MARK: HistoryService

    func record(_ turn: HistoryTurn, conversation: String, owner: HistoryOwner) async throws(HistoryError) {
        record.withLock { $0.recordedTurns.append(turn) }
    }

    func list(owner: HistoryOwner) async throws(HistoryError) -> [ConversationSummary] { stored }

    func turns(of conversation: String, owner: HistoryOwner) async throws(HistoryError) -> [HistoryTurn]? {
        stored.contains { $0.id == conversation } ? storedTurns : nil
    }

    func remove(_ conversation: String, owner: HistoryOwner) async throws(HistoryError) {
        record.withLock { $0.removed.append(conversation) }
    }
}

/// A model that answers with a script, citing the passages; held open (until cancelled)
/// after its first words when `holds`.
struct FakeModel: ModelBackend {
    var modelName = "fake-model"
    var words: [String] = ["Page ", "the on-call ", "engineer [1]."]
    var holds = false
    var services: FakeServices?

    func answer(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        let words = self.words
        let holds = self.holds
        let record = services?.record
        return AsyncThrowingStream { continuation in
            let task = Task {
                for (index, word) in words.enumerated() {
                    continuation.yield(.text(word))
                    if holds && index == 0 {
                        record?.withLock { $0.parked += 1 }
                        defer { record?.withLock { $0.parked -= 1 } }
                        do {
                            try await Task.sleep(for: .seconds(3600))
                        } catch {
                            record?.withLock { $0.cancelled += 1 }
                            continuation.finish(throwing: error)
                            return
                        }
                    }
                }
                continuation.yield(.usage(ModelUsage(inputTokens: 120, outputTokens: 9)))
                continuation.yield(.stopped(reason: "end_turn"))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// A value behind a lock that closures and tasks can share (a `Mutex` cannot be captured).
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { value in body(&value) }
    }
}
