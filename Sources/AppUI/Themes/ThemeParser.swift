import TOMLKit
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
        let source = SourceText(text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, key: nil, problem: .syntax(error.description))
        } catch {
            throw ThemeError(file: file, line: nil, key: nil, problem: .syntax(String(describing: error)))
        }

        func failure(_ key: String, table tableName: String? = nil, _ problem: ThemeError.Problem) -> ThemeError {
            let leaf = key.split(separator: ".").first.map(String.init) ?? key
            let line = source.line(ofKey: leaf, inTable: tableName)
            let dotted = tableName.map { "\($0).\(key)" } ?? key
            return ThemeError(file: file, line: line, key: dotted, problem: problem)
        }

        var name = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        var description = ""
        var roles: [ThemeRole: Style] = [:]
        for key in table.keys.sorted(by: { source.order(of: $0, inTable: nil) < source.order(of: $1, inTable: nil) }) {
            let value = table[key]
            switch key {
            case "name":
                guard let text = value?.string, !text.isEmpty else { throw failure(key, .invalidValue("expected a non-empty string")) }
                name = text
            case "description":
                guard let text = value?.string else { throw failure(key, .invalidValue("expected a string")) }
                description = text
            case "roles":
                guard let rolesTable = value?.table else { throw failure(key, .invalidValue("expected a table: [roles]")) }
                for roleName in rolesTable.keys.sorted(by: { source.order(of: $0, inTable: "roles") < source.order(of: $1, inTable: "roles") }) {
                    guard let role = ThemeRole(rawValue: roleName) else { throw failure(roleName, table: "roles", .unknownKey) }
                    do {
                        roles[role] = try style(from: rolesTable[roleName], for: role)
                    } catch let problem {
                        throw failure(problem.subkey.map { "\(roleName).\($0)" } ?? roleName, table: "roles", .invalidValue(problem.message))
                    }
                }
            default:
                throw failure(key, .unknownKey)
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
    static func style(from value: TOMLValueConvertible?, for role: ThemeRole) throws(ValueProblem) -> Style {
        if let text = value?.string {
            let color = try color(text, subkey: nil)
            return role == .background ? Style(background: color) : Style(foreground: color)
        }
        guard let table = value?.table else {
            throw ValueProblem(subkey: nil, message: "expected a color string or a table like { fg = \"#ffffff\", bold = true }")
        }
        var style = Style()
        for key in table.keys {
            guard styleKeys.contains(key) else {
                throw ValueProblem(subkey: key, message: "unknown style key (allowed: \(styleKeys.sorted().joined(separator: ", ")))")
            }
            let entry = table[key]
            switch key {
            case "fg", "bg":
                guard let text = entry?.string else { throw ValueProblem(subkey: key, message: "expected a color string") }
                let parsed = try color(text, subkey: key)
                if key == "fg" { style.foreground = parsed } else { style.background = parsed }
            default:
                guard let flag = entry?.bool else { throw ValueProblem(subkey: key, message: "expected true or false") }
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
