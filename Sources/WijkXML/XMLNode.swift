/// A namespaced XML name: the namespace URI (nil when the element is in no namespace) and the
/// local name. Prefixes are the document's business; names compare by URI.
package struct XMLName: Hashable, Sendable, CustomStringConvertible {
    package let uri: String?
    package let local: String

    package init(uri: String?, local: String) {
        self.uri = uri
        self.local = local
    }

    package var description: String { uri.map { "{\($0)}\(local)" } ?? local }
}

/// One element of a record's subtree, or of the ancestors kept as its context. Only ever one
/// record (with its few ancestors) is held in memory; never a whole document.
package final class XMLNode {
    package let name: XMLName
    /// The name as written in the document (`s:Lid`), for XPaths in messages.
    package let qualifiedName: String
    package let attributes: [(name: XMLName, qualifiedName: String, value: String)]
    package internal(set) var children: [XMLNode] = []
    package internal(set) var text = ""
    /// On a record element: the namespace declarations in scope where it stood, written back with
    /// it so that its text is a well-formed fragment on its own.
    package internal(set) var namespaces: [(prefix: String?, uri: String)] = []
    /// The parent, for XPaths that climb (`../../Adres`): the reader keeps a record's ancestors
    /// alive while the record is handed out, and nothing climbs after that — so it is unowned
    /// (a weak reference costs every parent a side table) and not visible outside this module.
    internal unowned var parent: XMLNode?
    package let line: Int

    init(name: XMLName, qualifiedName: String, attributes: [(name: XMLName, qualifiedName: String, value: String)], line: Int, parent: XMLNode?) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.attributes = attributes
        self.line = line
        self.parent = parent
    }

    /// Releases the subtree without a recursion as deep as the tree.
    deinit {
        var pending = children
        children = []
        while let node = pending.popLast() {
            pending.append(contentsOf: node.children)
            node.children = []
        }
    }

    /// Every element of the subtree in document order, this one first, walked without recursion;
    /// `enter` on the way down, `leave` on the way up.
    func walk(enter: (XMLNode) -> Void, leave: (XMLNode) -> Void) {
        var stack: [(node: XMLNode, next: Int)] = [(self, 0)]
        enter(self)
        while let top = stack.last {
            if top.next < top.node.children.count {
                let child = top.node.children[top.next]
                stack[stack.count - 1].next += 1
                enter(child)
                stack.append((child, 0))
            } else {
                leave(top.node)
                stack.removeLast()
            }
        }
    }

    /// The XPath string value: this element's text and that of all its descendants, in order.
    package var stringValue: String {
        if children.isEmpty { return text }
        var result = ""
        walk(enter: { result += $0.text }, leave: { _ in })
        return result
    }

    package func attribute(_ name: XMLName) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The subtree written back as XML, for the reject file (the record as it stood, re-serialised).
    package var serialized: String {
        var out: [UInt8] = []
        serialize(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `serialized`, appended to `out` as UTF-8: what a record waiting in a spool file keeps.
    package func serialize(into out: inout [UInt8]) {
        walk(enter: { node in
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: node.qualifiedName.utf8)
            if node === self {
                for ns in node.namespaces {
                    out.append(contentsOf: " xmlns".utf8)
                    if let prefix = ns.prefix {
                        out.append(UInt8(ascii: ":"))
                        out.append(contentsOf: prefix.utf8)
                    }
                    out.append(contentsOf: "=\"".utf8)
                    XMLNode.escape(ns.uri, attribute: true, into: &out)
                    out.append(UInt8(ascii: "\""))
                }
            }
            for a in node.attributes {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: a.qualifiedName.utf8)
                out.append(contentsOf: "=\"".utf8)
                XMLNode.escape(a.value, attribute: true, into: &out)
                out.append(UInt8(ascii: "\""))
            }
            if node.children.isEmpty && node.text.isEmpty {
                out.append(contentsOf: "/>".utf8)
            } else {
                out.append(UInt8(ascii: ">"))
                XMLNode.escape(node.text, attribute: false, into: &out)
            }
        }, leave: { node in
            if !(node.children.isEmpty && node.text.isEmpty) {
                out.append(contentsOf: "</".utf8)
                out.append(contentsOf: node.qualifiedName.utf8)
                out.append(UInt8(ascii: ">"))
            }
        })
    }

    /// Escapes the characters markup needs escaped, byte by byte: `&`, `<` and `>` (and `"` in
    /// an attribute) are ASCII and never part of a longer UTF-8 sequence.
    static func escape(_ text: String, attribute: Bool, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
            default: out.append(byte)
            }
        }
    }
}
