import Foundation

/// Identity Center's memory for data accessors of the authorization-code type: codes waiting
/// to be redeemed and the refresh tokens it issued, each bound to one application and user.
actor AuthCodeState {
    struct PendingCode: Sendable {
        var clientID: String
        var redirectURI: String
        /// The S256 challenge, when the client sent one (confidential IAM clients may not).
        var codeChallenge: String?
        var email: String
        var expires: Date
    }

    struct RefreshGrant: Sendable {
        var clientID: String
        var email: String
        var expires: Date
    }

    /// How long a refresh token stays good (Identity Center's sessions default to 8 hours).
    static let refreshLifetime: TimeInterval = 8 * 3600
    /// Redeemed codes are remembered this long, so a second use is told apart from a made-up code.
    static let replayMemory: TimeInterval = 600

    private var codes: [String: PendingCode] = [:]
    private var usedCodes: [String: Date] = [:]
    private var refreshTokens: [String: RefreshGrant] = [:]

    func issueCode(_ pending: PendingCode) -> String {
        let code = RandomText.base64URL(bytes: 32)
        codes[code] = pending
        return code
    }

    enum Redemption: Sendable {
        case valid(PendingCode)
        case replayed
        case unknown
        case expired
    }

    /// Takes the code out, so it works once whatever the outcome of the checks that follow.
    func redeem(_ code: String, now: Date = Date()) -> Redemption {
        usedCodes = usedCodes.filter { now.timeIntervalSince($0.value) < Self.replayMemory }
        if usedCodes[code] != nil { return .replayed }
        guard let pending = codes.removeValue(forKey: code) else { return .unknown }
        usedCodes[code] = now
        return pending.expires > now ? .valid(pending) : .expired
    }

    func issueRefreshToken(clientID: String, email: String, now: Date = Date()) -> String {
        refreshTokens = refreshTokens.filter { $0.value.expires > now }
        let token = "aorAAAA" + RandomText.base64URL(bytes: 48)
        refreshTokens[token] = RefreshGrant(clientID: clientID, email: email, expires: now.addingTimeInterval(Self.refreshLifetime))
        return token
    }

    enum RefreshUse: Sendable {
        case valid(RefreshGrant)
        case otherClient
        case expired
        case unknown
    }

    /// Refresh tokens rotate: a used one stops working, whoever presented it.
    func takeRefreshToken(_ token: String, clientID: String, now: Date = Date()) -> RefreshUse {
        guard let grant = refreshTokens.removeValue(forKey: token) else { return .unknown }
        guard grant.clientID == clientID else { return .otherClient }
        return grant.expires > now ? .valid(grant) : .expired
    }
}
