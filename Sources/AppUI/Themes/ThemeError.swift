/// A problem with a theme file, located precisely enough to fix it.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case syntax(String)
        case unknownKey
        case invalidValue(String)
        case unreadable(String)
    }

    public var file: String
    /// 1-based; nil when the problem is the file as a whole.
    public var line: Int?
    /// The dotted key, e.g. `roles.citation.fg`.
    public var key: String?
    public var problem: Problem

    public init(file: String, line: Int?, key: String?, problem: Problem) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    /// `file:line: key: what is wrong` — the form editors and terminals make clickable.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let subject = key.map { "\($0): " } ?? ""
        let detail: String
        switch problem {
        case let .syntax(message): detail = "TOML syntax error: \(message)"
        case .unknownKey: detail = "unknown key (roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .invalidValue(message): detail = message
        case let .unreadable(message): detail = "cannot read the file: \(message)"
        }
        return "\(location): \(subject)\(detail)"
    }
}
