/// A namespaced XML name: the namespace URI (nil when the element is in no namespace) and the
/// local name. Prefixes are the document's business; names compare by URI.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    public let uri: String?
    public let local: String

    public init(uri: String?, local: String) {
        self.uri = uri
        self.local = local
    }

    public var description: String { uri.map { "{\($0)}\(local)" } ?? local }
}

/// One element of a record's subtree, or of the ancestors kept as its context. Only ever one
/// record (with its few ancestors) is held in memory; never a whole document.
public final class XMLNode {
    public let name: XMLName
    /// The name as written in the document (`s:Lid`), for XPaths in messages.
    public let qualifiedName: String
    public let attributes: [(name: XMLName, qualifiedName: String, value: String)]
    public internal(set) var children: [XMLNode] = []
    public internal(set) var text = ""
    // unowned, not weak: a weak reference costs every parent a side table; the reader keeps the
    // ancestors alive while a record is handed out, and nothing climbs up after that.
    public internal(set) unowned var parent: XMLNode?
    public let line: Int

    init(name: XMLName, qualifiedName: String, attributes: [(name: XMLName, qualifiedName: String, value: String)], line: Int, parent: XMLNode?) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.attributes = attributes
        self.line = line
        self.parent = parent
    }

    /// The XPath string value: this element's text and that of all its descendants, in order.
    public var stringValue: String {
        if children.isEmpty { return text }
        var result = text
        for child in children { result += child.stringValue }
        return result
    }

    public func attribute(_ name: XMLName) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The subtree written back as XML, for the reject file (the record as it stood, re-serialised).
    public var serialized: String {
        var out = "<\(qualifiedName)"
        for a in attributes { out += " \(a.qualifiedName)=\"\(XMLNode.escape(a.value, attribute: true))\"" }
        if children.isEmpty && text.isEmpty { return out + "/>" }
        out += ">" + XMLNode.escape(text, attribute: false)
        for child in children { out += child.serialized }
        return out + "</\(qualifiedName)>"
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
