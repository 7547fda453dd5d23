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

/// The text and attribute values of the elements of one subtree (a record, or an ancestor kept
/// as context), as the bytes libxml2 handed over, one after another. Nothing becomes a `String`
/// until a field's XPath asks for it; a record written back for the reject file is copied from
/// these bytes.
final class XMLBytes {
    var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(512) }
}

/// One element of a record's subtree, or of the ancestors kept as its context. Only ever one
/// record (with its few ancestors) is held in memory; never a whole document.
package final class XMLNode {
    package let name: XMLName
    /// The name as written in the document (`s:Lid`), for XPaths in messages.
    package let qualifiedName: String
    /// Where its text and attribute values lie, shared with the other elements of its subtree.
    let store: XMLBytes
    /// Attribute names, and where each value lies in `store`.
    let attributeSlots: [Attribute]
    struct Attribute {
        let name: XMLName
        let qualifiedName: String
        let value: Range<Int>
    }
    package internal(set) var children: [XMLNode] = []
    /// Where its own text lies in `store` (contiguous: text after a child element is moved to the end).
    var textRange: Range<Int> = 0..<0
    /// On a record element: the namespace declarations in scope where it stood, written back with
    /// it so that its text is a well-formed fragment on its own.
    package internal(set) var namespaces: [(prefix: String?, uri: String)] = []
    /// The parent, for XPaths that climb (`../../Adres`): the reader keeps a record's ancestors
    /// alive while the record is handed out, and nothing climbs after that — so it is unowned
    /// (a weak reference costs every parent a side table) and not visible outside this module.
    internal unowned var parent: XMLNode?
    package let line: Int

    init(name: XMLName, qualifiedName: String, store: XMLBytes, attributes: [Attribute], line: Int, parent: XMLNode?) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.store = store
        self.attributeSlots = attributes
        self.line = line
        self.parent = parent
    }

    /// Releases the subtree without a recursion as deep as the tree.
    deinit {
        guard !children.isEmpty else { return }
        var pending = children
        children = []
        while let node = pending.popLast() {
            if node.children.isEmpty { continue }
            pending.append(contentsOf: node.children)
            node.children = []
        }
    }

    /// Text that libxml2 reported inside this element (it may come in several pieces).
    func appendText(_ piece: UnsafeBufferPointer<UInt8>) {
        let end = store.bytes.count
        if textRange.isEmpty {
            store.bytes.append(contentsOf: piece)
            textRange = end..<store.bytes.count
        } else if textRange.upperBound == end {
            store.bytes.append(contentsOf: piece)
            textRange = textRange.lowerBound..<store.bytes.count
        } else {
            // Text after a child element (mixed content): move what there was to the end, so that
            // the element's text stays one run of bytes.
            store.bytes.append(contentsOf: store.bytes[textRange])
            store.bytes.append(contentsOf: piece)
            textRange = end..<store.bytes.count
        }
    }

    var hasText: Bool { !textRange.isEmpty }

    /// Its own text (not that of its descendants).
    package var text: String { String(decoding: store.bytes[textRange], as: UTF8.self) }

    package var attributes: [(name: XMLName, qualifiedName: String, value: String)] {
        attributeSlots.map { ($0.name, $0.qualifiedName, String(decoding: store.bytes[$0.value], as: UTF8.self)) }
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
        var bytes: [UInt8] = []
        walk(enter: { bytes.append(contentsOf: $0.store.bytes[$0.textRange]) }, leave: { _ in })
        return String(decoding: bytes, as: UTF8.self)
    }

    package func attribute(_ name: XMLName) -> String? {
        for a in attributeSlots where a.name == name { return String(decoding: store.bytes[a.value], as: UTF8.self) }
        return nil
    }

    /// The subtree written back as XML, for the reject file (the record as it stood, re-serialised).
    package var serialized: String {
        var out: [UInt8] = []
        serialize(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `serialized`, appended to `out` as UTF-8: what a record waiting in a spool file keeps.
    package func serialize(into out: inout [UInt8]) {
        // Depth-first without recursion: (element, index of the next child to write).
        var stack: [(node: XMLNode, next: Int)] = []
        open(self, root: true, into: &out)
        stack.append((self, 0))
        while let top = stack.last {
            if top.next < top.node.children.count {
                let child = top.node.children[top.next]
                stack[stack.count - 1].next += 1
                open(child, root: false, into: &out)
                stack.append((child, 0))
            } else {
                let node = top.node
                if !(node.children.isEmpty && node.textRange.isEmpty) {
                    out.append(UInt8(ascii: "<"))
                    out.append(UInt8(ascii: "/"))
                    out.append(contentsOf: node.qualifiedName.utf8)
                    out.append(UInt8(ascii: ">"))
                }
                stack.removeLast()
            }
        }
    }

    /// An element's start tag (self-closing when it has neither children nor text) and its text.
    private func open(_ node: XMLNode, root: Bool, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: node.qualifiedName.utf8)
        if root {
            for ns in node.namespaces {
                out.append(contentsOf: " xmlns".utf8)
                if let prefix = ns.prefix {
                    out.append(UInt8(ascii: ":"))
                    out.append(contentsOf: prefix.utf8)
                }
                out.append(contentsOf: "=\"".utf8)
                XMLNode.escape(Array(ns.uri.utf8)[...], attribute: true, into: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
        let bytes = node.store.bytes
        for a in node.attributeSlots {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: a.qualifiedName.utf8)
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "\""))
            XMLNode.escape(bytes[a.value], attribute: true, into: &out)
            out.append(UInt8(ascii: "\""))
        }
        if node.children.isEmpty && node.textRange.isEmpty {
            out.append(UInt8(ascii: "/"))
            out.append(UInt8(ascii: ">"))
        } else {
            out.append(UInt8(ascii: ">"))
            XMLNode.escape(bytes[node.textRange], attribute: false, into: &out)
        }
    }

    /// Escapes the characters markup needs escaped, byte by byte: `&`, `<` and `>` (and `"` in
    /// an attribute) are ASCII and never part of a longer UTF-8 sequence. Runs without any are
    /// copied whole.
    static func escape(_ text: ArraySlice<UInt8>, attribute: Bool, into out: inout [UInt8]) {
        var runStart = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let replacement: StaticString?
            switch text[i] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            default: replacement = nil
            }
            if let replacement {
                out.append(contentsOf: text[runStart..<i])
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = i + 1
            }
            i += 1
        }
        out.append(contentsOf: text[runStart..<text.endIndex])
    }
}
