import Foundation

/// The sandbox IdP's memory: pending authorization codes, device grants, refresh and access tokens.
actor IdPState {
    struct AuthorizationRequest: Sendable {
        var clientID: String
        var redirectURI: String
        var codeChallenge: String
        var state: String?
        var nonce: String?
        var scope: String
    }

    struct PendingCode: Sendable {
        var request: AuthorizationRequest
        var subject: String
        var expires: Date
    }

    struct Grant: Sendable {
        var subject: String
        var clientID: String
        var scope: String
        var expires: Date
    }

    struct DeviceGrant: Sendable {
        var clientID: String
        var userCode: String
        var scope: String
        var expires: Date
        var interval: TimeInterval
        var lastPoll: Date?
        var approvedSubject: String?
    }

    /// Codes live one minute and are used once (RFC 6749 §4.1.2, RFC 9700 §2.1.1).
    static let codeLifetime: TimeInterval = 60
    static let deviceLifetime: TimeInterval = 600
    static let deviceInterval: TimeInterval = 1

    private var codes: [String: PendingCode] = [:]
    /// Redeemed codes with when they were used and the tokens they bought, so a replay can
    /// revoke them (RFC 6749 §4.1.2). Forgotten after `replayMemory`.
    private var usedCodes: [String: (usedAt: Date, tokens: [String])] = [:]
    static let replayMemory: TimeInterval = 600
    private var refreshTokens: [String: Grant] = [:]
    private var accessTokens: [String: Grant] = [:]
    private var devices: [String: DeviceGrant] = [:]

    func issueCode(for request: AuthorizationRequest, subject: String, now: Date = Date()) -> String {
        let code = RandomText.base64URL(bytes: 32)
        codes[code] = PendingCode(request: request, subject: subject, expires: now.addingTimeInterval(Self.codeLifetime))
        return code
    }

    enum CodeRedemption {
        case valid(PendingCode)
        case replayed
        case unknown
        case expired
    }

    /// Takes the code out so a second use fails; a replay also revokes what the first use got.
    func redeemCode(_ code: String, now: Date = Date()) -> CodeRedemption {
        usedCodes = usedCodes.filter { now.timeIntervalSince($0.value.usedAt) < Self.replayMemory }
        codes = codes.filter { $0.value.expires > now.addingTimeInterval(-Self.codeLifetime) }
        if let issued = usedCodes[code] {
            for token in issued.tokens {
                refreshTokens[token] = nil
                accessTokens[token] = nil
            }
            return .replayed
        }
        guard let pending = codes.removeValue(forKey: code) else { return .unknown }
        usedCodes[code] = (now, [])
        return pending.expires > now ? .valid(pending) : .expired
    }

    func recordTokens(_ tokens: [String], fromCode code: String) {
        usedCodes[code]?.tokens.append(contentsOf: tokens)
    }

    func issueRefreshToken(_ grant: Grant) -> String {
        let token = "rt." + RandomText.base64URL(bytes: 32)
        refreshTokens[token] = grant
        return token
    }

    func issueAccessToken(_ grant: Grant, now: Date = Date()) -> String {
        accessTokens = accessTokens.filter { $0.value.expires > now }
        let token = "at." + RandomText.base64URL(bytes: 32)
        accessTokens[token] = grant
        return token
    }

    /// Refresh tokens rotate: the old one stops working when it is used.
    func takeRefreshToken(_ token: String) -> Grant? {
        refreshTokens.removeValue(forKey: token)
    }

    func accessGrant(_ token: String, now: Date = Date()) -> Grant? {
        guard let grant = accessTokens[token], grant.expires > now else { return nil }
        return grant
    }

    func revoke(_ token: String) {
        refreshTokens[token] = nil
        accessTokens[token] = nil
    }

    func startDeviceGrant(clientID: String, scope: String, now: Date = Date()) -> (deviceCode: String, userCode: String) {
        let deviceCode = RandomText.base64URL(bytes: 32)
        let letters = RandomText.upperAlphanumeric(8).map { $0.isNumber ? "K" : $0 }
        let userCode = String(letters.prefix(4)) + "-" + String(letters.suffix(4))
        devices[deviceCode] = DeviceGrant(clientID: clientID, userCode: userCode, scope: scope,
                                          expires: now.addingTimeInterval(Self.deviceLifetime),
                                          interval: Self.deviceInterval)
        return (deviceCode, userCode)
    }

    /// Approves the pending device grant with `userCode`; false when there is none.
    func approveDevice(userCode: String, subject: String, now: Date = Date()) -> Bool {
        let wanted = userCode.uppercased().filter { $0 != " " }
        guard let entry = devices.first(where: { $0.value.userCode == wanted && $0.value.expires > now }) else { return false }
        devices[entry.key]?.approvedSubject = subject
        return true
    }

    enum DevicePoll {
        case approved(DeviceGrant)
        case pending
        case slowDown
        case expired
        case unknown
    }

    func pollDevice(_ deviceCode: String, clientID: String, now: Date = Date()) -> DevicePoll {
        guard var grant = devices[deviceCode], grant.clientID == clientID else { return .unknown }
        guard grant.expires > now else {
            devices[deviceCode] = nil
            return .expired
        }
        if grant.approvedSubject != nil {
            devices[deviceCode] = nil
            return .approved(grant)
        }
        defer { devices[deviceCode] = grant }
        if let last = grant.lastPoll, now.timeIntervalSince(last) < grant.interval {
            grant.lastPoll = now
            grant.interval += 5
            return .slowDown
        }
        grant.lastPoll = now
        return .pending
    }
}
