extension TextSanitizer {
    /// JSON text with every character that could act on a terminal or hide in it written as a
    /// `\u` escape: DEL, C1 controls (U+0080–009F: 0x9B is CSI, 0x9D is OSC), every format
    /// character (bidi controls and overrides U+061C, U+200E/200F, U+202A–202E, U+2066–2069,
    /// zero-width and tag characters) and U+2028/2029. JSON serialisers escape only C0, so
    /// `--json` piped to a terminal could still act on it.
    ///
    /// These characters can only stand inside JSON strings (everything structural is ASCII),
    /// so the result is valid JSON that decodes to exactly the same values.
    public static func escapingInvisibleCharacters(inJSON json: String) -> String {
        guard json.unicodeScalars.contains(where: needsJSONEscape) else { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard needsJSONEscape(scalar) else {
                output.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(output)
    }

    private static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7E: return false
        case 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return scalar.properties.generalCategory == .format
        }
    }
}
