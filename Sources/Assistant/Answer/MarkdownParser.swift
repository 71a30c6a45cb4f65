import Foundation

/// A small Markdown reader for model answers: ATX headings, `-`/`*`/`+` and `1.` lists, `>`
/// quotes, fenced code, and inline `**strong**`, `*emphasis*`/`_emphasis_`, `` `code` ``,
/// `[text](url)` links and `[n]` citations. Anything it does not recognise stays literal text:
/// a model's answer must never disappear because it is not quite Markdown.
public enum MarkdownParser {
    public static func block(_ text: String) -> MarkdownBlock {
        var lines: [MarkdownLine] = []
        var inCode = false
        // "\r\n" is one Character, and a newline, so CRLF answers split like LF ones.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inCode.toggle()
                continue
            }
            if inCode {
                lines.append(MarkdownLine(kind: .code, spans: [MarkdownSpan(String(line), .code)]))
                continue
            }
            if trimmed.isEmpty { continue }
            if let heading = heading(trimmed) {
                lines.append(heading)
            } else if let marker = trimmed.first, "-*+".contains(marker), trimmed.dropFirst().first == " " {
                lines.append(MarkdownLine(kind: .bullet, spans: inline(String(trimmed.dropFirst(2)))))
            } else if let item = numbered(trimmed) {
                lines.append(MarkdownLine(kind: .numbered(item.number), spans: inline(item.text)))
            } else if trimmed.first == ">" {
                lines.append(MarkdownLine(kind: .quote, spans: inline(String(trimmed.dropFirst().drop { $0 == " " }))))
            } else if let last = lines.last, last.kind == .paragraph || last.kind == .bullet || last.kind.isNumbered || last.kind == .quote {
                // A soft line break continues the paragraph or list item above.
                lines[lines.count - 1].spans += [MarkdownSpan(" ")] + inline(String(trimmed))
            } else {
                lines.append(MarkdownLine(kind: .paragraph, spans: inline(String(trimmed))))
            }
        }
        return MarkdownBlock(lines: lines)
    }

    static func heading(_ line: Substring) -> MarkdownLine? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
        let text = line.dropFirst(hashes.count + 1).trimmingCharacters(in: .whitespaces)
        return MarkdownLine(kind: .heading(level: hashes.count), spans: inline(text))
    }

    static func numbered(_ line: Substring) -> (number: Int, text: String)? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (number, String(rest.dropFirst(2)))
    }

    /// Inline spans of one line. Adjacent plain text is merged.
    public static func inline(_ text: String) -> [MarkdownSpan] {
        var spans: [MarkdownSpan] = []
        func add(_ text: Substring, _ style: MarkdownSpan.Style) {
            guard !text.isEmpty else { return }
            if style == .plain, let last = spans.last, last.style == .plain {
                spans[spans.count - 1].text += text
            } else {
                spans.append(MarkdownSpan(String(text), style))
            }
        }
        var index = text.startIndex
        var plainStart = index
        while index < text.endIndex {
            let rest = text[index...]
            var matched: (end: String.Index, span: (Substring, MarkdownSpan.Style))?
            if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**"), close.lowerBound > text.index(index, offsetBy: 2) {
                matched = (close.upperBound, (text[text.index(index, offsetBy: 2)..<close.lowerBound], .strong))
            } else if let marker = rest.first, marker == "*" || marker == "_",
                      let close = rest.dropFirst().firstIndex(of: marker), close > text.index(after: index),
                      rest.dropFirst().first != " " {
                matched = (text.index(after: close), (text[text.index(after: index)..<close], .emphasis))
            } else if rest.first == "`", let close = rest.dropFirst().firstIndex(of: "`") {
                matched = (text.index(after: close), (text[text.index(after: index)..<close], .code))
            } else if rest.first == "[", let close = rest.firstIndex(of: "]") {
                let inside = text[text.index(after: index)..<close]
                let after = text[text.index(after: close)...]
                if !inside.isEmpty, inside.count <= 4, inside.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(inside) {
                    matched = (text.index(after: close), (text[index...close], .citation(number)))
                } else if after.first == "(", let end = after.firstIndex(of: ")") {
                    let url = String(text[text.index(after: after.startIndex)..<end])
                    matched = (text.index(after: end), (inside, .link(url: url)))
                }
            }
            if let matched {
                add(text[plainStart..<index], .plain)
                add(matched.span.0, matched.span.1)
                index = matched.end
                plainStart = index
            } else {
                index = text.index(after: index)
            }
        }
        add(text[plainStart..<text.endIndex], .plain)
        return spans
    }
}

extension MarkdownLine.Kind {
    var isNumbered: Bool {
        if case .numbered = self { return true }
        return false
    }
}
