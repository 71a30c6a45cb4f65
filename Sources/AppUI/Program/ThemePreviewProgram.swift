import Terminal

/// The loop of `qseek themes preview`: draw, wait for a key, repeat until q.
public struct ThemePreviewProgram {
    public var catalog: ThemeCatalog
    public var theme: Theme

    public init(catalog: ThemeCatalog, theme: Theme) {
        self.catalog = catalog
        self.theme = theme
    }

    public mutating func run(on backend: some Backend) {
        var needsDraw = true
        while true {
            if needsDraw {
                var canvas = Canvas(size: backend.size)
                ThemePreviewView(theme: theme.adapted(to: backend.colorCapability)).draw(into: &canvas)
                backend.present(canvas)
                needsDraw = false
            }
            guard let event = backend.nextEvent(timeout: nil) else { continue }
            switch event {
            case .key(KeyPress(.character("q"), modifiers: [])), .key(KeyPress(.escape, modifiers: [])),
                 .key(KeyPress(.character("c"), modifiers: .control)):
                return
            case .key(KeyPress(.character("t"), modifiers: [])):
                theme = catalog.theme(after: theme.name)
                needsDraw = true
            case .key(KeyPress(.character("l"), modifiers: .control)):
                backend.invalidate()
                needsDraw = true
            case .resize:
                needsDraw = true
            default:
                break
            }
        }
    }
}
