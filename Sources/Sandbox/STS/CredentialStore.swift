import Crypto
import Foundation
import enum HTTP.Base64URL

/// Temporary credentials the sandbox STS issued, bound to what they were issued for.
public struct SessionCredentials: Sendable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String
    public var issuedAt: Date
    public var expiration: Date
    public var roleSessionName: String
    /// The `qbusiness-dataaccessor:ExternalId` session tag (the tenant id).
    public var tenantTag: String
    /// The Identity Center user the session acts for; nil for credentials A.
    public var identity: IdentityContext.Claims?
}

/// Issues and looks up session credentials (`ASIA…` keys). Lives only in memory.
actor CredentialStore {
    private var sessions: [String: SessionCredentials] = [:]

    func issue(roleSessionName: String, duration: TimeInterval, tenantTag: String,
               identity: IdentityContext.Claims?, now: Date = Date()) -> SessionCredentials {
        let credentials = SessionCredentials(
            accessKeyID: "ASIA" + RandomText.upperAlphanumeric(16),
            secretAccessKey: RandomText.base64URL(bytes: 30),
            sessionToken: "IQoJsandbox" + RandomText.base64URL(bytes: 96),
            issuedAt: now, expiration: now.addingTimeInterval(duration),
            roleSessionName: roleSessionName, tenantTag: tenantTag, identity: identity)
        sessions[credentials.accessKeyID] = credentials
        pruneExpired(now: now)
        return credentials
    }

    func session(accessKeyID: String) -> SessionCredentials? {
        sessions[accessKeyID]
    }

    private func pruneExpired(now: Date) {
        // Keep expired sessions a while so their use answers ExpiredToken, not an unknown key.
        let horizon = now.addingTimeInterval(-3600)
        sessions = sessions.filter { $0.value.expiration > horizon }
    }
}

/// Unguessable identifiers and secrets.
enum RandomText {
    static func base64URL(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64URL.encode(bytes)
    }

    static func upperAlphanumeric(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
