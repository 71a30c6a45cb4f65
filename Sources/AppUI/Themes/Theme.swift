import Terminal

/// A named set of styles, one per `ThemeRole`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String
    /// Where it came from: "built-in" or a file path.
    public var origin: String
    /// The styles the file gave; roles it left out are drawn plain.
    public var roles: [ThemeRole: Style]

    public init(name: String, description: String = "", origin: String = "built-in", roles: [ThemeRole: Style]) {
        self.name = name
        self.description = description
        self.origin = origin
        self.roles = roles
    }

    /// The style for `role`. Roles without their own background sit on the theme's
    /// `background`, so a pane paints evenly.
    public subscript(role: ThemeRole) -> Style {
        var style = roles[role] ?? .plain
        if role != .background, style.background == nil {
            style.background = roles[.background]?.background
        }
        return style
    }

    /// This theme as a terminal with `capability` can show it. Without colors each role
    /// keeps its attributes plus the emphasis that keeps it recognisable (selection in
    /// reverse video, errors bold, …).
    public func adapted(to capability: ColorCapability) -> Theme {
        var adapted = self
        for role in ThemeRole.allCases {
            var style = self[role].downgraded(to: capability)
            if capability == .monochrome {
                style.attributes.formUnion(role.monochromeEmphasis)
            }
            adapted.roles[role] = style
        }
        return adapted
    }
}
