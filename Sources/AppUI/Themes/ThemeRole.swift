import Terminal

/// What a color means on screen. Themes assign styles to roles, never to widgets, so a
/// theme written today colors panes that do not exist yet.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    case background
    case text
    case muted
    case accent
    case border
    case focusBorder = "focus_border"
    case selection
    case citation
    case confidenceVeryHigh = "confidence_very_high"
    case confidenceHigh = "confidence_high"
    case confidenceMedium = "confidence_medium"
    case confidenceLow = "confidence_low"
    case error
    case success
    case warning

    /// What keeps the role recognisable without color (`NO_COLOR`, monochrome terminals).
    var monochromeEmphasis: Style.Attributes {
        switch self {
        case .selection: return .reverse
        case .focusBorder, .accent, .error, .confidenceVeryHigh: return .bold
        case .muted, .confidenceLow: return .dim
        case .citation: return .underline
        default: return []
        }
    }
}
