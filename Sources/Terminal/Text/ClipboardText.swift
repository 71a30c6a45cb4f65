/// Text ready to be copied over OSC 52, and whether it had to be cut to get there.
public struct ClipboardText: Sendable, Equatable {
    /// What to put on the clipboard: printable text, line feeds and tabs only.
    public var text: String
    /// True when the text was longer than the limit and only its beginning is copied; the
    /// caller tells the user so.
    public var isTruncated: Bool

    public init(text: String, isTruncated: Bool) {
        self.text = text
        self.isTruncated = isTruncated
    }
}

extension TextSanitizer {
    /// The most a copy sends, in UTF-8 bytes (before base64): terminals cap OSC 52 payloads
    /// (xterm at about 100 KB by default) and drop longer ones entirely.
    public static let clipboardByteLimit = 100_000

    /// Prepares untrusted text for the clipboard. What the user pastes may land in a shell,
    /// so a passage holding `ESC [201~` (the end of a bracketed paste) plus a command must
    /// not break out of the paste: every control character goes except line feed and tab
    /// (CR LF and CR become line feeds), and so does every invisible format character, by
    /// the same rules as ``sanitize(_:)``. Tabs stay tabs. Text longer than `byteLimit`
    /// bytes is cut at a character boundary.
    public func clipboardText(_ text: String, byteLimit: Int = TextSanitizer.clipboardByteLimit) -> ClipboardText {
        var output = String.UnicodeScalarView()
        var bytes = 0
        var isTruncated = false
        // Lines one by one through the sanitiser, so a tab is kept as a tab.
        let lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false).map { TextSanitizer().sanitize($0) }
            var cleaned = pieces.joined(separator: "\t")
            if number < lines.count - 1 { cleaned += "\n" }
            let size = cleaned.utf8.count
            if bytes + size > byteLimit {
                var room = byteLimit - bytes
                for character in cleaned {
                    let width = character.utf8.count
                    guard width <= room else { break }
                    output.append(contentsOf: character.unicodeScalars)
                    room -= width
                }
                isTruncated = true
                break
            }
            output.append(contentsOf: cleaned.unicodeScalars)
            bytes += size
        }
        return ClipboardText(text: String(output), isTruncated: isTruncated)
    }
}

extension String {
    /// CR LF and lone CR (and the other line breaks the sanitiser knows) as LF.
    fileprivate func replacingCRLF() -> String {
        var output = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR: continue
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: output.append("\n")
            default: output.append(scalar)
            }
        }
        return String(output)
    }
}
