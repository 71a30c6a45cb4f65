import Foundation

// SearchRelevantContent pages read straight from the response bytes with `JSONScanner`: the
// same values, field for field, as the `Decodable` conformances in QBusinessModels.swift give.
// Whenever those would throw, or might read the document differently (a key given twice, a
// number `JSONDecoder` has its own views on), the scanner refuses and `QBusiness.decodePage`
// falls back to `JSONDecoder`.

extension SearchRelevantContentPage {
    /// The page in `body`, or `nil` when `JSONDecoder` must decide.
    static func scanning(_ body: [UInt8]) -> SearchRelevantContentPage? {
        body.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(JSONScanner.Refused) {
                let page = try SearchRelevantContentPage(scanning: &scanner)
                try scanner.finish()
                return page
            } catch {
                return nil
            }
        }
    }

    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Refused) {
        relevantContent = []
        nextToken = nil
        var seen = SeenKeys()
        try scanner.beginObject()
        var members = 0
        while let key = try scanner.nextKey(after: &members) {
            if key.equals("relevantContent") {
                try seen.insert(0)
                guard try !scanner.skipNull() else { continue }
                try scanner.beginArray()
                var elements = 0
                while try scanner.nextElement(after: &elements) {
                    relevantContent.append(try RelevantContent(scanning: &scanner))
                }
            } else if key.equals("nextToken") {
                try seen.insert(1)
                nextToken = try scanner.skipNull() ? nil : scanner.string()
            } else {
                try scanner.skipValue()
            }
        }
    }
}

extension RelevantContent {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Refused) {
        content = nil
        documentID = nil
        documentTitle = nil
        documentURI = nil
        documentAttributes = []
        scoreConfidence = nil
        var seen = SeenKeys()
        try scanner.beginObject()
        var members = 0
        while let key = try scanner.nextKey(after: &members) {
            if key.equals("content") {
                try seen.insert(0)
                content = try scanner.optionalString()
            } else if key.equals("documentId") {
                try seen.insert(1)
                documentID = try scanner.optionalString()
            } else if key.equals("documentTitle") {
                try seen.insert(2)
                documentTitle = try scanner.optionalString()
            } else if key.equals("documentUri") {
                try seen.insert(3)
                documentURI = try scanner.optionalString()
            } else if key.equals("documentAttributes") {
                try seen.insert(4)
                guard try !scanner.skipNull() else { continue }
                try scanner.beginArray()
                var elements = 0
                while try scanner.nextElement(after: &elements) {
                    documentAttributes.append(try DocumentAttribute(scanning: &scanner))
                }
            } else if key.equals("scoreAttributes") {
                try seen.insert(5)
                guard try !scanner.skipNull() else { continue }
                scoreConfidence = try Self.scoreConfidence(scanning: &scanner)
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// `{"scoreConfidence": "HIGH"}`; a confidence this client does not know reads as `nil`.
    private static func scoreConfidence(scanning scanner: inout JSONScanner) throws(JSONScanner.Refused) -> ScoreConfidence? {
        var confidence: String?
        var seen = SeenKeys()
        try scanner.beginObject()
        var members = 0
        while let key = try scanner.nextKey(after: &members) {
            if key.equals("scoreConfidence") {
                try seen.insert(0)
                confidence = try scanner.optionalString()
            } else {
                try scanner.skipValue()
            }
        }
        return confidence.flatMap(ScoreConfidence.init(rawValue:))
    }
}

extension DocumentAttribute {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Refused) {
        var name: String?
        var value: DocumentAttributeValue?
        var seen = SeenKeys()
        try scanner.beginObject()
        var members = 0
        while let key = try scanner.nextKey(after: &members) {
            if key.equals("name") {
                try seen.insert(0)
                name = try scanner.optionalString()
            } else if key.equals("value") {
                try seen.insert(1)
                value = try scanner.skipNull() ? nil : DocumentAttributeValue(scanning: &scanner)
            } else {
                try scanner.skipValue()
            }
        }
        guard let name, let value else { throw JSONScanner.Refused() }
        self.init(name: name, value: value)
    }
}

extension DocumentAttributeValue {
    /// The first present, non-null member wins, in the order the `Decodable` conformance tries
    /// them; members after it are read (the document must be valid) but not judged, as there.
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Refused) {
        // Each slot: nil when absent or null, `.failure` when present with a form `JSONDecoder`
        // might read otherwise; only the winning slot's failure matters.
        var text: Result<String, JSONScanner.Refused>?
        var list: Result<[String], JSONScanner.Refused>?
        var long: Result<Int64, JSONScanner.Refused>?
        var date: Result<Date, JSONScanner.Refused>?
        var seen = SeenKeys()
        try scanner.beginObject()
        var members = 0
        while let key = try scanner.nextKey(after: &members) {
            if key.equals("stringValue") {
                try seen.insert(0)
                text = try scanner.skipNull() ? nil : scanner.kind(of: String.self) { scanner throws(JSONScanner.Refused) in try scanner.string() }
            } else if key.equals("stringListValue") {
                try seen.insert(1)
                list = try scanner.skipNull() ? nil : scanner.kind(of: [String].self) { scanner throws(JSONScanner.Refused) in
                    var items: [String] = []
                    try scanner.beginArray()
                    var elements = 0
                    while try scanner.nextElement(after: &elements) { items.append(try scanner.string()) }
                    return items
                }
            } else if key.equals("longValue") {
                try seen.insert(2)
                long = try scanner.skipNull() ? nil : scanner.kind(of: Int64.self) { scanner throws(JSONScanner.Refused) in
                    // Only plain integers; `JSONDecoder` has its own views on `1.0` or `1e3` as Int64.
                    let number = try scanner.number()
                    guard !number.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }),
                          let value = Int64(number) else { throw JSONScanner.Refused() }
                    return value
                }
            } else if key.equals("dateValue") {
                try seen.insert(3)
                date = try scanner.skipNull() ? nil : scanner.kind(of: Date.self) { scanner throws(JSONScanner.Refused) in
                    let seconds = try scanner.double()
                    guard seconds.isFinite else { throw JSONScanner.Refused() }
                    return Date(timeIntervalSince1970: seconds)
                }
            } else {
                try scanner.skipValue()
            }
        }
        if let text {
            self = .string(try text.get())
        } else if let list {
            self = .stringList(try list.get())
        } else if let long {
            self = .long(try long.get())
        } else if let date {
            self = .date(try date.get())
        } else {
            throw JSONScanner.Refused()
        }
    }
}

extension JSONScanner {
    /// A string, or `nil` for `null`: what `decodeIfPresent(String.self, …)` reads.
    mutating func optionalString() throws(Refused) -> String? {
        try skipNull() ? nil : string()
    }

    /// Reads the next value with `read`; if it is not of that kind, skips it as a value and
    /// returns the failure, for a union member that may never be looked at.
    mutating func kind<Value>(of type: Value.Type, _ read: (inout JSONScanner) throws(Refused) -> Value) throws(Refused) -> Result<Value, Refused> {
        let start = self
        do throws(Refused) {
            return .success(try read(&self))
        } catch {
            self = start
            try skipValue()
            return .failure(error)
        }
    }
}

/// Which known keys an object has shown: a key given twice is ambiguous (decoders disagree
/// on which one wins), so the scanner leaves that document to `JSONDecoder`.
struct SeenKeys {
    private var bits: UInt32 = 0

    mutating func insert(_ key: Int) throws(JSONScanner.Refused) {
        let bit: UInt32 = 1 << key
        guard bits & bit == 0 else { throw JSONScanner.Refused() }
        bits |= bit
    }
}
