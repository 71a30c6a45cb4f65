/// What the browser brought back to the redirect URI (RFC 6749 §4.1.2 / §4.1.2.1).
public enum AuthorizationCallback: Sendable, Equatable {
    case code(String)
    case denied(error: String, description: String?)
}

extension AuthorizationCallback: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }

    public var description: String {
        switch self {
        case .code: return "code(<redacted>)"
        case .denied(let error, _): return "denied(\(error))"
        }
    }
}
