extension InputDecoder {
    /// Parses one event starting at `start`.
    static func parse(_ bytes: [UInt8], at start: Int, final: Bool) -> Parsed {
        let byte = bytes[start]
        switch byte {
        case 0x1B:
            return parseEscape(bytes, at: start, final: final)
        case 0x0D:
            return .event(.key(KeyPress(.enter)), length: 1)
        case 0x09:
            return .event(.key(KeyPress(.tab)), length: 1)
        case 0x7F, 0x08:
            return .event(.key(KeyPress(.backspace)), length: 1)
        case 0x00:
            return .event(.key(KeyPress(.character(" "), modifiers: .control)), length: 1)
        case 0x01...0x1A:
            // Ctrl+A … Ctrl+Z, including Ctrl+J (LF), which stays distinct from Enter (CR).
            let letter = Character(Unicode.Scalar(byte + 0x60))
            return .event(.key(.control(letter)), length: 1)
        case 0x1C...0x1F:
            let symbol = Character(Unicode.Scalar(byte + 0x40))  // \ ] ^ _
            return .event(.key(KeyPress(.character(symbol), modifiers: .control)), length: 1)
        default:
            return parseText(bytes, at: start, final: final)
        }
    }

    /// One UTF-8 encoded character; invalid or truncated sequences become U+FFFD.
    static func parseText(_ bytes: [UInt8], at start: Int, final: Bool) -> Parsed {
        let lead = bytes[start]
        let expected: Int
        switch lead {
        case 0x20..<0x80: expected = 1
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return .event(.key(.character("\u{FFFD}")), length: 1)
        }
        var length = 1
        while length < expected {
            let index = start + length
            guard index < bytes.count else {
                return final ? .event(.key(.character("\u{FFFD}")), length: length) : .incomplete
            }
            guard bytes[index] & 0xC0 == 0x80 else {
                return .event(.key(.character("\u{FFFD}")), length: length)
            }
            length += 1
        }
        let text = String(decoding: bytes[start..<start + length], as: UTF8.self)
        let character = text.first ?? "\u{FFFD}"
        return .event(.key(.character(character)), length: length)
    }

    static func parseEscape(_ bytes: [UInt8], at start: Int, final: Bool) -> Parsed {
        guard start + 1 < bytes.count else {
            return final ? .event(.key(KeyPress(.escape)), length: 1) : .incomplete
        }
        let next = bytes[start + 1]
        switch next {
        case UInt8(ascii: "["):
            return parseCSI(bytes, at: start, final: final)
        case UInt8(ascii: "O"):
            guard start + 2 < bytes.count else {
                return final ? .event(.key(KeyPress(.character("O"), modifiers: .alt)), length: 2) : .incomplete
            }
            let key = ss3Key(bytes[start + 2])
            return .event(key.map { .key(KeyPress($0)) }, length: 3)
        case 0x1B:
            // Esc Esc: the first is a lone Esc.
            return .event(.key(KeyPress(.escape)), length: 1)
        default:
            // Alt+key: Esc then the key's own bytes.
            switch parse(bytes, at: start + 1, final: final) {
            case .incomplete:
                return .incomplete
            case let .event(.key(press)?, length):
                var altered = press
                altered.modifiers.insert(.alt)
                return .event(.key(altered), length: length + 1)
            case let .event(other, length):
                return .event(other, length: length + 1)
            }
        }
    }

    static func ss3Key(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(final - UInt8(ascii: "P")) + 1)
        default: return nil
        }
    }

    /// `ESC [` parameters, intermediates, final byte (ECMA-48).
    static func parseCSI(_ bytes: [UInt8], at start: Int, final: Bool) -> Parsed {
        var index = start + 2
        while index < bytes.count {
            let byte = bytes[index]
            if (0x40...0x7E).contains(byte) {
                let body = Array(bytes[(start + 2)..<index])
                return .event(csiEvent(parameters: body, final: byte), length: index - start + 1)
            }
            guard (0x20...0x3F).contains(byte), index - start < maximumSequenceLength else {
                // Not a CSI after all (or garbage): drop what was read.
                return .event(nil, length: index - start)
            }
            index += 1
        }
        return final ? .event(.key(KeyPress(.character("["), modifiers: .alt)), length: 2) : .incomplete
    }

    static func csiEvent(parameters: [UInt8], final: UInt8) -> InputEvent? {
        if parameters.first == UInt8(ascii: "<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
            return sgrMouse(parameters.dropFirst(), released: final == UInt8(ascii: "m"))
        }
        let numbers = String(decoding: parameters, as: UTF8.self)
            .split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) ?? 0 }
        let modifiers = numbers.count > 1 ? Modifiers(xtermParameter: numbers[1]) : []
        let key: Key?
        switch final {
        case UInt8(ascii: "A"): key = .up
        case UInt8(ascii: "B"): key = .down
        case UInt8(ascii: "C"): key = .right
        case UInt8(ascii: "D"): key = .left
        case UInt8(ascii: "H"): key = .home
        case UInt8(ascii: "F"): key = .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): key = .function(Int(final - UInt8(ascii: "P")) + 1)
        case UInt8(ascii: "Z"): return .key(KeyPress(.tab, modifiers: .shift))
        case UInt8(ascii: "~"):
            if numbers.first == 200 { return pasteStartMarker }
            key = tildeKey(numbers.first ?? 0)
        default: key = nil
        }
        return key.map { .key(KeyPress($0, modifiers: modifiers)) }
    }

    static func tildeKey(_ code: Int) -> Key? {
        switch code {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(code - 10)
        case 17...21: return .function(code - 11)
        case 23, 24: return .function(code - 12)
        default: return nil
        }
    }

    /// `ESC [ < button ; x ; y M|m` with 1-based coordinates.
    static func sgrMouse(_ parameters: ArraySlice<UInt8>, released: Bool) -> InputEvent? {
        let fields = String(decoding: parameters, as: UTF8.self).split(separator: ";").compactMap { Int($0) }
        guard fields.count == 3 else { return nil }
        let code = fields[0]
        var modifiers: Modifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.control) }
        let action: MouseEvent.Action
        if code & 64 != 0 {
            action = code & 1 == 0 ? .wheelUp : .wheelDown
        } else {
            let button = MouseEvent.Button(rawValue: code & 3) ?? .none
            if code & 32 != 0 {
                action = .drag(button)
            } else {
                action = released ? .release(button) : .press(button)
            }
        }
        return .mouse(MouseEvent(action: action, x: max(0, fields[1] - 1), y: max(0, fields[2] - 1), modifiers: modifiers))
    }
}
