import Foundation

/// The sign-in settings ([identity] in the config file), independent of how they were read.
public struct IdentityConfiguration: Sendable, Equatable {
    public var issuer: String
    public var clientID: String
    /// The client secret itself (the config names an environment variable; the caller reads it).
    public var clientSecret: String?
    public var scopes: [String]
    public var redirectPort: Int
    public var redirectPath: String
    public var redirectHost: String

    public init(
        issuer: String, clientID: String, clientSecret: String? = nil,
        scopes: [String] = ["openid", "email", "profile"],
        redirectPort: Int = 0, redirectPath: String = "/callback", redirectHost: String = "127.0.0.1"
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scopes = scopes
        self.redirectPort = redirectPort
        self.redirectPath = redirectPath
        self.redirectHost = redirectHost
    }

    /// The token cache key for this sign-in.
    public var cacheKey: String {
        TokenCache.key(issuer: issuer, clientID: clientID, scopes: scopes)
    }

    func validate() throws {
        guard !issuer.isEmpty else { throw OIDCError.invalidConfiguration("[identity].issuer is empty") }
        guard !clientID.isEmpty else { throw OIDCError.invalidConfiguration("[identity].client_id is empty") }
        guard scopes.contains("openid") else { throw OIDCError.invalidConfiguration("[identity].scopes must include `openid`") }
        // RFC 8252 §7.3: loopback redirects only; `localhost` is allowed for IdPs that register it.
        guard redirectHost == "127.0.0.1" || redirectHost == "localhost" else {
            throw OIDCError.invalidConfiguration("[identity].redirect_host must be 127.0.0.1 or localhost")
        }
    }
}

extension IdentityConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["issuer": issuer, "clientID": clientID, "scopes": scopes, "redirectPort": redirectPort, "redirectPath": redirectPath, "redirectHost": redirectHost], displayStyle: .struct)
    }

    public var description: String {
        "IdentityConfiguration(issuer: \(issuer), clientID: \(clientID), secret: \(clientSecret == nil ? "none" : "<redacted>"), scopes: \(scopes))"
    }
}
