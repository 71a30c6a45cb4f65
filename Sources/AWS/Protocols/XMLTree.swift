import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: the small subset of XML that awsQuery responses use.
///
/// Responses are read into a tree (they are small) and then walked by name; namespaces are
/// ignored because STS answers with a default namespace only. DTDs and external entities are
/// refused by the parser so a hostile endpoint cannot make the client fetch anything.
public struct XMLTree: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [XMLTree]

    public init(name: String, text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child called `name`.
    public func child(_ name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// Follows a path of child names.
    public func descendant(_ path: String...) -> XMLTree? {
        var node: XMLTree? = self
        for name in path { node = node?.child(name) }
        return node
    }

    public static let maximumDepth = 64

    public static func parse(_ bytes: [UInt8]) throws(ResponseDecodingError) -> XMLTree {
        // FoundationXML on Linux traps on some malformed input (invalid UTF-8 reaching its
        // element callbacks), and no AWS response carries a DTD: refuse both before parsing.
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            throw .malformedXML("not UTF-8 text")
        }
        if text.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil || text.range(of: "<!ENTITY", options: .caseInsensitive) != nil {
            throw .malformedXML("document type declarations are not accepted")
        }
        // FoundationXML on Linux crashes (a NULL strlen) on a processing instruction without
        // data, such as `<?x?>`, found by fuzzing. AWS responses carry none besides the XML
        // declaration at the very start, so every other `<?` is refused.
        let body = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let afterDeclaration = body.hasPrefix("<?xml ") || body.hasPrefix("<?xml\t") || body.hasPrefix("<?xml\n")
            ? body.firstRange(of: "?>").map { body[$0.upperBound...] } ?? body
            : body
        if afterDeclaration.contains("<?") {
            throw .malformedXML("processing instructions are not accepted")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root, builder.failure == nil else {
            throw .malformedXML(builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not a document")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLTree] = []
    var root: XMLTree?
    var failure: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard stack.count < XMLTree.maximumDepth else {
            failure = "nested deeper than \(XMLTree.maximumDepth) elements"
            parser.abortParsing()
            return
        }
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLTree(name: local))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard var node = stack.popLast() else { return }
        if !node.children.isEmpty { node.text = node.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        failure = "entity declarations are not accepted"
        parser.abortParsing()
    }
}
