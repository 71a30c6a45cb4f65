/// The xterm palette, used to find the nearest color when a terminal supports fewer.
enum Palette {
    /// xterm's default values for the sixteen basic colors.
    static let xterm16: [(red: UInt8, green: UInt8, blue: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The levels of the 6×6×6 color cube (indices 16–231).
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch index {
        case 0..<16:
            return xterm16[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
    }

    /// The nearest 256-palette index, choosing between the cube and the gray ramp the way
    /// tmux and most terminals do (the basic 16 are skipped: users often redefine them).
    static func nearestIndex256(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        func cubeStep(_ value: UInt8) -> Int {
            value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40
        }
        let (r, g, b) = (cubeStep(red), cubeStep(green), cubeStep(blue))
        let cubeIndex = UInt8(16 + 36 * r + 6 * g + b)
        let cubeColor = (cubeLevels[r], cubeLevels[g], cubeLevels[b])

        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let grayStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grayLevel = UInt8(8 + 10 * grayStep)
        let grayIndex = UInt8(232 + grayStep)

        let target = (red, green, blue)
        let cubeDistance = distance(target, cubeColor)
        let grayDistance = distance(target, (grayLevel, grayLevel, grayLevel))
        return grayDistance < cubeDistance ? grayIndex : cubeIndex
    }

    /// The nearest of the first `count` basic colors (8 or 16).
    static func nearestBasic(red: UInt8, green: UInt8, blue: UInt8, count: Int) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<min(count, 16) {
            let candidate = distance((red, green, blue), xterm16[index])
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return UInt8(best)
    }

    /// Squared distance weighted for perceived brightness ("redmean" approximation).
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let meanRed = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0)
        let dg = Int(a.1) - Int(b.1)
        let db = Int(a.2) - Int(b.2)
        // Parenthesised: in Swift `>>` binds tighter than `*`.
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
