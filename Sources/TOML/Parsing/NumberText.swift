/// Integers and floats as TOML 1.0 writes them. Underscores may only stand between two
/// digits; decimal integers have no leading zeros; only decimal numbers take a sign;
/// integers must fit in 64 bits (checked with overflow-reporting arithmetic).
enum NumberText {
    static func parse(
        _ token: [UInt8], text: String, failure: (TOMLError.Reason) -> TOMLError
    ) throws(TOMLError) -> TOMLValue.Kind {
        switch text {
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let invalid = failure(.invalidNumber(text))
        if token.count > 2, token[0] == UInt8(ascii: "0"), let radix = radix(of: token[1]) {
            guard let digits = digitValues(token.dropFirst(2), radix: radix) else { throw invalid }
            var value: Int64 = 0
            for digit in digits {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: Int64(radix))
                let (sum, overflowSum) = shifted.addingReportingOverflow(Int64(digit))
                guard !overflow, !overflowSum else { throw failure(.integerOutOfRange(text)) }
                value = sum
            }
            return .integer(value)
        }
        var body = token[...]
        let isNegative = body.first == UInt8(ascii: "-")
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let first = body.first, isDigit(first) else { throw invalid }

        let fractionStart = body.firstIndex(of: UInt8(ascii: "."))
        let exponentStart = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let integerEnd = fractionStart ?? exponentStart ?? body.endIndex
        let integerPart = body[..<integerEnd]
        guard let integerDigits = digitValues(integerPart, radix: 10),
              integerDigits.count == 1 || integerDigits.first != 0 else { throw invalid }

        if fractionStart == nil, exponentStart == nil {
            var value: Int64 = 0
            for digit in integerDigits {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = isNegative
                    ? shifted.subtractingReportingOverflow(Int64(digit))
                    : shifted.addingReportingOverflow(Int64(digit))
                guard !overflow, !overflowSum else { throw failure(.integerOutOfRange(text)) }
                value = sum
            }
            return .integer(value)
        }

        if let fractionStart {
            if let exponentStart, exponentStart < fractionStart { throw invalid }
            let fraction = body[body.index(after: fractionStart)..<(exponentStart ?? body.endIndex)]
            guard digitValues(fraction, radix: 10) != nil else { throw invalid }
        }
        if let exponentStart {
            var exponent = body[body.index(after: exponentStart)...]
            if exponent.first == UInt8(ascii: "+") || exponent.first == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
            guard digitValues(exponent, radix: 10) != nil else { throw invalid }
        }
        let plain = String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(plain) else { throw invalid }
        return .float(value)
    }

    private static func radix(of letter: UInt8) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The digits' values, or nil unless the text is digits of `radix` with single
    /// underscores between them.
    private static func digitValues(_ text: ArraySlice<UInt8>, radix: Int) -> [Int]? {
        var values: [Int] = []
        var previousWasDigit = false
        for byte in text {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard let digit = DocumentParser.hexDigit(byte).map(Int.init), digit < radix else { return nil }
            values.append(digit)
            previousWasDigit = true
        }
        return previousWasDigit ? values : nil
    }
}
