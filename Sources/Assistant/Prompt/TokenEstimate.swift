/// A quick, deterministic estimate of how many tokens a model will count in a text.
///
/// Exact counts need the model's own tokenizer, which qseek does not ship. BPE tokenizers
/// average about four bytes of English per token, and about one token per CJK character;
/// the estimate counts ASCII bytes / 4 plus one per non-ASCII scalar, rounded up. It is
/// meant for a budget with headroom, not for billing.
public enum TokenEstimate {
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var asciiBytes = 0
        var others = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII { asciiBytes += 1 } else { others += 1 }
        }
        return (asciiBytes + 3) / 4 + others
    }
}
