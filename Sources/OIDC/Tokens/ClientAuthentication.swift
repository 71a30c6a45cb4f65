import Foundation

/// How qseek identifies itself at the token endpoint.
///
/// A native app is normally a public client (RFC 8252 §8.4) and sends only `client_id`. Some
/// IdPs insist on a secret even for native apps; then the method is chosen from what discovery
/// advertises (`client_secret_basic` preferred, it keeps the secret out of request bodies).
public enum ClientAuthentication: Sendable, Equatable {
    case none(clientID: String)
    case secretBasic(clientID: String, secret: String)
    case secretPost(clientID: String, secret: String)

    public var clientID: String {
        switch self {
        case .none(let id), .secretBasic(let id, _), .secretPost(let id, _): return id
        }
    }

    /// Picks the method for `clientID` and an optional secret given the IdP's advertised list.
    /// An absent list means `client_secret_basic` (OIDC Discovery §3 default).
    public static func choose(clientID: String, secret: String?, advertised: [String]?) throws -> ClientAuthentication {
        guard let secret, !secret.isEmpty else { return .none(clientID: clientID) }
        let methods = advertised ?? ["client_secret_basic"]
        if methods.contains("client_secret_basic") { return .secretBasic(clientID: clientID, secret: secret) }
        if methods.contains("client_secret_post") { return .secretPost(clientID: clientID, secret: secret) }
        throw OIDCError.clientAuthenticationUnsupported(advertised: methods)
    }

    /// Adds this client's credentials to a form request's fields and headers.
    func apply(to fields: inout [(String, String)], headers: inout [(name: String, value: String)]) {
        switch self {
        case .none(let id):
            fields.append(("client_id", id))
        case .secretBasic(let id, let secret):
            // RFC 6749 §2.3.1: both parts form-urlencoded before base64.
            let credentials = "\(FormEncoding.escape(id)):\(FormEncoding.escape(secret))"
            headers.append(("Authorization", "Basic " + Data(credentials.utf8).base64EncodedString()))
        case .secretPost(let id, let secret):
            fields.append(("client_id", id))
            fields.append(("client_secret", secret))
        }
    }
}

extension ClientAuthentication: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["clientID": clientID], displayStyle: .enum) }

    public var description: String {
        switch self {
        case .none(let id): return "public client \(id)"
        case .secretBasic(let id, _): return "client \(id) (client_secret_basic, secret redacted)"
        case .secretPost(let id, _): return "client \(id) (client_secret_post, secret redacted)"
        }
    }
}
