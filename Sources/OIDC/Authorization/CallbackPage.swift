/// The small pages the browser shows after returning to qseek. Self-contained (no scripts, no
/// external resources) and with every outside value HTML-escaped.
enum CallbackPage {
    /// Shown before the code is exchanged and the ID token verified, so it promises only that
    /// qseek received the answer; the terminal reports the outcome.
    static let success = page(title: "Sign-in received", message: "qseek received your sign-in and is finishing it; the terminal shows the result. You can close this tab.")
    static let alreadyDone = page(title: "Already done", message: "qseek already received a sign-in answer. You can close this tab.")
    static let foreignCallback = page(title: "Not this sign-in", message: "This is not the sign-in qseek is waiting for. Start again from the terminal.")
    static let notFound = page(title: "Not found", message: "Nothing here. Return to the terminal.")

    static func failure(error: String, description: String?) -> String {
        let detail = description.map { " (\($0))" } ?? ""
        return page(title: "Sign-in failed", message: "The identity provider refused the sign-in: \(error)\(detail). Return to the terminal for what to do next.")
    }

    private static func page(title: String, message: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>qseek: \(escape(title))</title></head>
        <body style="font-family: system-ui, sans-serif; margin: 3em;"><h1>\(escape(title))</h1><p>\(escape(message))</p></body></html>
        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
