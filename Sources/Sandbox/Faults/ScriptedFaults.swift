import Foundation

/// Faults that answer every matching request the same way, so each error a current AWS model
/// defines can be produced on purpose: `idc-error=kms-access-denied`, `qbusiness-error=license-not-found`,
/// `identity-context-lifetime=0s`, `model-stream-error=throttling`, `model-stop=guardrail_intervened`,
/// `model-reasoning=on`.
public struct ScriptedFaults: Sendable, Equatable {
    /// An error `CreateTokenWithIAM` answers instead of a token (sso-oidc 2019-06-10).
    public enum IdentityCenterError: String, Sendable, CaseIterable {
        case kmsAccessDenied = "kms-access-denied"
        case kmsNotFound = "kms-not-found"
        case kmsInvalidKeyUsage = "kms-invalid-key-usage"
        case kmsInvalidState = "kms-invalid-state"
        case kmsDisabled = "kms-disabled"
        case expiredToken = "expired-token"
        case invalidScope = "invalid-scope"
        case unauthorizedClient = "unauthorized-client"
        case authorizationPending = "authorization-pending"

        /// The exception type, the OAuth `error` code, the `reason` (KMS only) and the text.
        var shape: (type: String, code: String, reason: String?, description: String) {
            switch self {
            case .kmsAccessDenied:
                ("AccessDeniedException", "access_denied", "KMS_AccessDeniedException",
                 "Access to the KMS key was denied: the key policy does not allow this caller kms:Decrypt")
            case .kmsNotFound:
                ("InvalidRequestException", "invalid_request", "KMS_NotFoundException", "The KMS key was not found")
            case .kmsInvalidKeyUsage:
                ("InvalidRequestException", "invalid_request", "KMS_InvalidKeyUsageException", "The KMS key cannot be used to decrypt")
            case .kmsInvalidState:
                ("InvalidRequestException", "invalid_request", "KMS_InvalidStateException", "The KMS key is not in a valid state")
            case .kmsDisabled:
                ("InvalidRequestException", "invalid_request", "KMS_DisabledException", "The KMS key is disabled")
            case .expiredToken:
                ("ExpiredTokenException", "expired_token", nil, "The token has expired")
            case .invalidScope:
                ("InvalidScopeException", "invalid_scope", nil, "The requested scope is not allowed for this application")
            case .unauthorizedClient:
                ("UnauthorizedClientException", "unauthorized_client", nil, "The client is not authorized to use this grant type")
            case .authorizationPending:
                ("AuthorizationPendingException", "authorization_pending", nil, "The authorization is still pending")
            }
        }
    }

    /// An error `SearchRelevantContent` answers instead of passages.
    public enum SearchError: String, Sendable, CaseIterable {
        case licenseNotFound = "license-not-found"
    }

    /// An exception event `ConverseStream` sends halfway through the answer (bedrock-runtime 2023-09-30).
    public enum StreamError: String, Sendable, CaseIterable {
        case modelStreamError = "model-stream-error"
        case throttling
        case serviceUnavailable = "service-unavailable"
        case validation
        case internalServer = "internal-server"

        /// The event type (the member name of `ConverseStreamOutput`) and its payload members.
        var event: (type: String, members: [String: String]) {
            switch self {
            case .modelStreamError:
                ("modelStreamErrorException", ["message": "The model failed while streaming its answer.",
                                               "originalStatusCode": "529", "originalMessage": "Overloaded"])
            case .throttling: ("throttlingException", ["message": "Too many tokens, please wait before trying again."])
            case .serviceUnavailable: ("serviceUnavailableException", ["message": "The service is unavailable. Try again later."])
            case .validation: ("validationException", ["message": "The model's output could not be validated."])
            case .internalServer: ("internalServerException", ["message": "The server encountered an internal error."])
            }
        }
    }

    /// The stop reasons of bedrock-runtime's `StopReason` enum.
    public static let stopReasons: Set<String> = [
        "end_turn", "tool_use", "max_tokens", "stop_sequence", "guardrail_intervened", "content_filtered",
        "malformed_model_output", "malformed_tool_use", "model_context_window_exceeded",
    ]

    public var identityCenterError: IdentityCenterError?
    public var searchError: SearchError?
    /// How long an identity context lives (default an hour); `0s` makes STS refuse it as expired.
    public var identityContextLifetime: TimeInterval?
    public var streamError: StreamError?
    /// The `stopReason` of `messageStop` instead of `end_turn`.
    public var stopReason: String?
    /// The model thinks aloud first: `reasoningContent` deltas before the answer.
    public var reasoning = false

    public init() {}

    /// Reads one `name=value`: false when `name` is not a scripted fault, nil when `value` is not one of its values.
    mutating func read(_ name: String, _ value: String) -> Bool? {
        switch name {
        case "idc-error":
            guard let kind = IdentityCenterError(rawValue: value) else { return nil }
            identityCenterError = kind
        case "qbusiness-error":
            guard let kind = SearchError(rawValue: value) else { return nil }
            searchError = kind
        case "identity-context-lifetime":
            guard let ms = FaultPlan.milliseconds(value) else { return nil }
            identityContextLifetime = TimeInterval(ms) / 1000
        case "model-stream-error":
            guard let kind = StreamError(rawValue: value) else { return nil }
            streamError = kind
        case "model-stop":
            guard Self.stopReasons.contains(value) else { return nil }
            stopReason = value
        case "model-reasoning":
            guard ["on", "off"].contains(value) else { return nil }
            reasoning = value == "on"
        default:
            return false
        }
        return true
    }
}
