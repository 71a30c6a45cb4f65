import Assistant
import Foundation
import QseekConfiguration

extension PromptTemplate {
    /// The template `[prompt].template` names, or the standard one when it names none. A file
    /// that cannot be read or is not a valid template stops the command with the path and why.
    public static func configured(_ config: QseekConfig, configPath: String) throws(CommandFailure) -> PromptTemplate {
        let path = config.prompt.template
        guard !path.isEmpty else { return .standard }
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .usage("\(configPath): [prompt].template \(path) cannot be read.")
        }
        do {
            return try PromptTemplate(mustache: source)
        } catch {
            throw .usage("\(path): \(error.userMessage)")
        }
    }
}
