import TOML
import Terminal

/// Reads a theme from TOML text (see UX.md "Themes"):
///
/// ```toml
/// name = "midnight"
/// description = "…"
/// [roles]
/// text = "#d8dee9"                          # a color: hex, a 256-color index, or a name
/// selection = { fg = "#0f1117", bg = "#7aa2f7", bold = true }
/// ```
///
/// Anything it does not know is an error that names the file, line and key: a typo in a
/// role name must not silently leave that role plain.
public enum ThemeParser {
    static let styleKeys: Set<String> = ["fg", "bg", "bold", "dim", "italic", "underline", "reverse"]

    public static func parse(_ text: String, file: String, origin: String? = nil) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw ThemeError(file: file, line: error.line, key: nil, problem: .syntax("column \(error.column): \(error.message)"))
        }

        func failure(_ key: String, line: Int, _ problem: ThemeError.Problem) -> ThemeError {
            ThemeError(file: file, line: line, key: key, problem: problem)
        }

        var name = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        var description = ""
        var roles: [ThemeRole: Style] = [:]
        // Document order, so the first error reported is the first in the file.
        for (key, value) in table.entries {
            switch key {
            case "name":
                guard let text = value.string, !text.isEmpty else { throw failure(key, line: value.line, .invalidValue("expected a non-empty string")) }
                name = text
            case "description":
                guard let text = value.string else { throw failure(key, line: value.line, .invalidValue("expected a string")) }
                description = text
            case "roles":
                guard let rolesTable = value.table else { throw failure(key, line: value.line, .invalidValue("expected a table: [roles]")) }
                for (roleName, roleValue) in rolesTable.entries {
                    guard let role = ThemeRole(rawValue: roleName) else { throw failure("roles.\(roleName)", line: roleValue.line, .unknownKey) }
                    do {
                        roles[role] = try style(from: roleValue, for: role)
                    } catch let problem {
                        let subkey = problem.subkey.map { "\(roleName).\($0)" } ?? roleName
                        let line = problem.subkey.flatMap { roleValue.table?[$0]?.line } ?? roleValue.line
                        throw failure("roles.\(subkey)", line: line, .invalidValue(problem.message))
                    }
                }
            default:
                throw failure(key, line: value.line, .unknownKey)
            }
        }
        return Theme(name: name, description: description, origin: origin ?? file, roles: roles)
    }

    struct ValueProblem: Error {
        var subkey: String?
        var message: String
    }

    /// A role's value: a bare color (the foreground; the background for `background`) or a
    /// table of `fg`, `bg` and attribute flags.
    static func style(from value: TOMLValue, for role: ThemeRole) throws(ValueProblem) -> Style {
        if let text = value.string {
            let color = try color(text, subkey: nil)
            return role == .background ? Style(background: color) : Style(foreground: color)
        }
        guard let table = value.table else {
            throw ValueProblem(subkey: nil, message: "expected a color string or a table like { fg = \"#ffffff\", bold = true }")
        }
        var style = Style()
        for (key, entry) in table.entries {
            guard styleKeys.contains(key) else {
                throw ValueProblem(subkey: key, message: "unknown style key (allowed: \(styleKeys.sorted().joined(separator: ", ")))")
            }
            switch key {
            case "fg", "bg":
                guard let text = entry.string else { throw ValueProblem(subkey: key, message: "expected a color string") }
                let parsed = try color(text, subkey: key)
                if key == "fg" { style.foreground = parsed } else { style.background = parsed }
            default:
                guard let flag = entry.boolean else { throw ValueProblem(subkey: key, message: "expected true or false") }
                let attribute: Style.Attributes = switch key {
                case "bold": .bold
                case "dim": .dim
                case "italic": .italic
                case "underline": .underline
                default: .reverse
                }
                if flag { style.attributes.insert(attribute) }
            }
        }
        return style
    }

    static func color(_ text: String, subkey: String?) throws(ValueProblem) -> Color {
        guard let color = Color(themeValue: text) else {
            throw ValueProblem(
                subkey: subkey,
                message: "\"\(text.sanitizedForTerminal)\" is not a color: use #rrggbb, #rgb, a palette index 0-255, or a name such as red or bright_blue"
            )
        }
        return color
    }
}
