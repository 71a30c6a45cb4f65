/// Text made safe to put on the clipboard through OSC 52: what is pasted from it later
/// (into a shell, often with bracketed paste) must not carry a control sequence, so every
/// control character goes except newlines and tabs, and very long text is cut.
public struct ClipboardText: Sendable, Equatable {
    /// About what terminals accept in one OSC 52 sequence, before base64.
    public static let limit = 100_000

    public let text: String
    /// True when the text was cut at `limit` bytes.
    public let wasShortened: Bool

    public init(_ raw: String, limit: Int = ClipboardText.limit) {
        let sanitizer = TextSanitizer(keepsNewlines: true)
        let safe = raw.split(separator: "\t", omittingEmptySubsequences: false).map { sanitizer.sanitize($0) }.joined(separator: "\t")
        guard safe.utf8.count > limit else {
            text = safe
            wasShortened = false
            return
        }
        var kept = ""
        var bytes = 0
        for character in safe {
            let size = character.utf8.count
            if bytes + size > limit { break }
            kept.append(character)
            bytes += size
        }
        text = kept
        wasShortened = true
    }
}
