/// The sandbox IdP's HTML pages: plain forms, no scripts, every value escaped.
enum SignInPage {
    static func chooser(users: [DemoUser], parameters: [String: String], action: String) -> String {
        let hidden = parameters.filter { $0.key != "login_hint" }.sorted { $0.key < $1.key }
            .map { "<input type=\"hidden\" name=\"\(escape($0.key))\" value=\"\(escape($0.value))\">" }
            .joined(separator: "\n      ")
        let buttons = users.map { user in
            """
                <form method="post" action="\(escape(action))">
                  \(hidden)
                  <button type="submit" name="subject" value="\(escape(user.subject))">Sign in as \(escape(user.name)) &lt;\(escape(user.email))&gt;</button>
                </form>
            """
        }.joined(separator: "\n")
        return page(title: "Sign in to the qseek sandbox", body: """
              <p>This is the sandbox identity provider. Choose a demo user; no password is needed.</p>
            \(buttons)
            """)
    }

    /// A tenant's Identity Center sign-in: one button per member (no password in the sandbox).
    static func identityCenterChooser(tenant: String, members: [(email: String, name: String)], parameters: [String: String],
                                      action: String) -> String {
        let hidden = parameters.filter { $0.key != "login_hint" }.sorted { $0.key < $1.key }
            .map { "<input type=\"hidden\" name=\"\(escape($0.key))\" value=\"\(escape($0.value))\">" }
            .joined(separator: "\n      ")
        let buttons = members.map { member in
            """
                <form method="post" action="\(escape(action))">
                  \(hidden)
                  <button type="submit" name="member" value="\(escape(member.email))">Sign in as \(escape(member.name)) &lt;\(escape(member.email))&gt;</button>
                </form>
            """
        }.joined(separator: "\n")
        return page(title: "Sign in to \(tenant) (AWS IAM Identity Center)", body: """
              <p>This is the sandbox's Identity Center for \(escape(tenant)). Choose a user; no password is needed.</p>
            \(buttons)
            """)
    }

    static func device(users: [DemoUser], userCode: String, action: String) -> String {
        let options = users.map { "<option value=\"\(escape($0.subject))\">\(escape($0.name)) &lt;\(escape($0.email))&gt;</option>" }
            .joined(separator: "\n        ")
        return page(title: "Approve a device", body: """
              <form method="post" action="\(escape(action))">
                <label>Code <input name="user_code" value="\(escape(userCode))"></label>
                <label>User <select name="subject">
                    \(options)
                </select></label>
                <button type="submit">Approve</button>
              </form>
            """)
    }

    static func error(_ text: String) -> String { page(title: "Sign-in error", body: "  <p>\(escape(text))</p>") }

    static func message(_ text: String) -> String { page(title: "qseek sandbox", body: "  <p>\(escape(text))</p>") }

    private static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(escape(title))</title></head>
        <body>
          <h1>\(escape(title))</h1>
        \(body)
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
