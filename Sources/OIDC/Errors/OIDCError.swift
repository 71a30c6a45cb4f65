import Foundation

/// Everything that can go wrong while signing in, refreshing or verifying an ID token.
///
/// Each case carries only what the user needs to act on it: names, hosts, claim values that are
/// not secrets. Tokens, codes and secrets are never stored in an error, so an error can be
/// printed, logged or shown on screen as it is.
public enum OIDCError: Error, Sendable, Equatable {
    // Configuration and discovery
    case invalidConfiguration(String)
    case issuerMismatch(configured: String, advertised: String)
    case discoveryFailed(url: String, reason: String)
    case missingEndpoint(String)
    case pkceS256Unsupported(issuer: String)
    case clientAuthenticationUnsupported(advertised: [String])

    // Keys and ID-token verification
    case keySetUnavailable(url: String, reason: String)
    case unknownSigningKey(kid: String?)
    case malformedIDToken(String)
    case algorithmRefused(String)
    case algorithmNotAdvertised(String, advertised: [String])
    case invalidSignature
    case wrongIssuer(expected: String, actual: String)
    case wrongAudience(clientID: String, audiences: [String])
    case wrongAuthorizedParty(clientID: String, azp: String?)
    case expired(at: Date)
    case notYetValid(until: Date)
    case issuedInTheFuture(at: Date)
    case nonceMismatch
    case missingClaim(String)

    // The interactive part
    case stateMismatch
    case authorizationDenied(error: String, description: String?)
    case timedOut(after: Duration)
    case cancelled
    case receiverFailed(String)
    case browserUnavailable

    // Device flow
    case deviceCodeExpired
    case deviceAccessDenied

    // Token endpoint
    case tokenRequestRefused(error: String, description: String?)
    case signInRequired(reason: String)
    case unexpectedResponse(endpoint: String, status: Int)
    case network(host: String, reason: String)

    /// What to tell the person at the keyboard, including what to do next.
    public var userMessage: String {
        switch self {
        case .invalidConfiguration(let what):
            return "The sign-in configuration is invalid: \(what). Fix the [identity] section of the config file."
        case .issuerMismatch(let configured, let advertised):
            return "The IdP at \(configured) says its issuer is \(advertised), but config says \(configured): fix [identity].issuer (it must match exactly, including any trailing slash)."
        case .discoveryFailed(let url, let reason):
            return "Could not read the IdP's discovery document at \(url): \(reason). Check [identity].issuer and the network."
        case .missingEndpoint(let name):
            return "The IdP's discovery document does not list \(name), which this sign-in needs. Use another flow or ask the IdP's administrator."
        case .pkceS256Unsupported(let issuer):
            return "The IdP at \(issuer) does not support PKCE with S256, which qseek requires. Enable PKCE (S256) for this client at the IdP."
        case .clientAuthenticationUnsupported(let advertised):
            return "A client secret is configured, but the IdP only accepts \(advertised.joined(separator: ", ")) at its token endpoint. Remove [identity].client_secret_env or change the client at the IdP."
        case .keySetUnavailable(let url, let reason):
            return "Could not read the IdP's signing keys at \(url): \(reason). Try again; if it persists, check the network."
        case .unknownSigningKey(let kid):
            return "The ID token was signed with a key (kid \(kid ?? "none")) the IdP does not publish. Sign in again; if it persists, the IdP's keys are misconfigured."
        case .malformedIDToken(let why):
            return "The IdP returned an ID token qseek cannot read (\(why)). Sign in again; if it persists, report it to the IdP's administrator."
        case .algorithmRefused(let alg):
            return "The ID token uses the algorithm \(alg), which qseek refuses (only RS256/384/512, PS256 and ES256/384 are accepted). Configure the IdP client to sign ID tokens with RS256 or ES256."
        case .algorithmNotAdvertised(let alg, let advertised):
            return "The ID token is signed with \(alg), but the IdP only advertises \(advertised.joined(separator: ", ")). Sign in again; if it persists, the IdP is misconfigured."
        case .invalidSignature:
            return "The ID token's signature does not verify against the IdP's published keys. Sign in again; do not use this token."
        case .wrongIssuer(let expected, let actual):
            return "The ID token was issued by \(actual), not by the configured issuer \(expected). Check [identity].issuer."
        case .wrongAudience(let clientID, let audiences):
            return "The ID token is meant for \(audiences.joined(separator: ", ")), not for client \(clientID). Check [identity].client_id."
        case .wrongAuthorizedParty(let clientID, let azp):
            return "The ID token was issued to party \(azp ?? "(none)"), not to client \(clientID). Check [identity].client_id."
        case .expired(let at):
            return "The ID token expired at \(Self.format(at)). Sign in again with `qseek login`; if this repeats, check the computer's clock."
        case .notYetValid(let until):
            return "The ID token is not valid before \(Self.format(until)). Check the computer's clock."
        case .issuedInTheFuture(let at):
            return "The ID token claims to be issued at \(Self.format(at)), in the future. Check the computer's clock."
        case .nonceMismatch:
            return "The ID token does not answer this sign-in attempt (nonce mismatch). Sign in again."
        case .missingClaim(let claim):
            return "The ID token has no `\(claim)` claim. Ask the IdP's administrator to include it."
        case .stateMismatch:
            return "The browser returned to qseek from a different sign-in attempt. Sign in again."
        case .authorizationDenied(let error, let description):
            let detail = description.map { ": \($0)" } ?? ""
            return "The IdP refused the sign-in (\(error)\(detail)). Sign in again, or ask the IdP's administrator whether this user may use the client."
        case .timedOut(let after):
            return "Nobody finished signing in within \(after.components.seconds) seconds. Run `qseek login` again."
        case .cancelled:
            return "Sign-in was cancelled."
        case .receiverFailed(let why):
            return "Could not listen for the browser's return on 127.0.0.1: \(why). If [identity].redirect_port is set, choose a free port."
        case .browserUnavailable:
            return "No browser could be opened. Open the printed URL yourself, or use `qseek login --device`."
        case .deviceCodeExpired:
            return "The device code expired before sign-in finished. Run `qseek login --device` again."
        case .deviceAccessDenied:
            return "The sign-in was declined on the verification page. Run `qseek login --device` again if that was a mistake."
        case .tokenRequestRefused(let error, let description):
            let detail = description.map { ": \($0)" } ?? ""
            return "The IdP's token endpoint refused the request (\(error)\(detail)). Sign in again with `qseek login`."
        case .signInRequired(let reason):
            return "You need to sign in again (\(reason)). Run `qseek login`."
        case .unexpectedResponse(let endpoint, let status):
            return "The IdP answered HTTP \(status) at \(endpoint). Try again later; if it persists, contact the IdP's administrator."
        case .network(let host, let reason):
            return "Could not reach \(host): \(reason). Check the network connection and try again."
        }
    }

    /// Whether the failure is the network's rather than the IdP's or the user's, so a command
    /// can choose its exit code.
    public var isNetworkFailure: Bool {
        switch self {
        case .network, .discoveryFailed, .keySetUnavailable: return true
        default: return false
        }
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

extension OIDCError: CustomStringConvertible {
    public var description: String { userMessage }
}
