/// One records path followed through a parse: which open elements lie on it, the record element
/// being built (with the ancestors kept as its context), the XPath position of each step, and
/// what at the records' level no records path takes. A reader runs several matchers over one
/// parse — every entity an XML file feeds — and each sees exactly the elements it would see in a
/// parse of its own, so a file is parsed once however many entities read it.
package final class XMLRecordMatcher {
    let recordPath: [XMLName]
    let keptAncestors: Int
    /// Whether the kept ancestors need their other children (an XPath like `../../h:Adres/h:Postcode`),
    /// or only their own attributes (`../../@nr`): then the rest of their subtrees is never built.
    let ancestorChildren: Bool
    /// The records paths of the other entities read from this file, and the element names the
    /// fields' XPaths read: an element at the records' level that none of them takes (not on or
    /// inside another records path, and not read by name) is counted in `unmatched`.
    package var otherRecordPaths: [[XMLName]] = []
    package var namesRead: Set<XMLName> = []
    /// Match the records path by local names only, whatever the namespaces: to count the records
    /// of a message of another version (another namespace) that is rejected whole.
    package var matchLocalNames = false
    /// Elements at the records' level (children of the record's parent) that no records path
    /// takes, by their name as written: what a misspelt or unexpected element would silently lose.
    package internal(set) var unmatched: [String: Int] = [:]
    package internal(set) var recordsSeen = 0

    // Parse state.
    var matched = 0
    var stack: [XMLNode] = []          // captured open elements
    /// The XPath of each open element on the records path (`/h:Export[1]/h:Huishouden[3]`), made
    /// once per element from its parent's.
    var pathSteps: [String] = []
    /// Per depth on the records path, how many children of each name the open element has had so
    /// far (few names per element: a list searched in order, names compared without hashing).
    var siblingCounts: [[(name: XMLName, count: Int)]] = []
    /// The depth of an element whose subtree is skipped (outside the record, not needed as context).
    var skipFrom: Int?
    var recordLine = 0

    /// - Parameters:
    ///   - recordPath: the element names from the root down to the record element.
    ///   - keptAncestors: how many ancestors of each record to keep (and their other children), for
    ///     fields like `../../h:Adres/h:Postcode`.
    ///   - ancestorChildren: false when the XPaths read nothing of the kept ancestors but their attributes.
    package init(recordPath: [XMLName], keptAncestors: Int, ancestorChildren: Bool = true) {
        self.recordPath = recordPath
        self.keptAncestors = min(keptAncestors, max(recordPath.count - 1, 0))
        self.ancestorChildren = ancestorChildren
    }

    func reset() {
        matched = 0
        stack = []
        pathSteps = []
        siblingCounts = []
        skipFrom = nil
        recordLine = 0
        recordsSeen = 0
        unmatched = [:]
    }

    private func same(_ a: XMLName, _ b: XMLName) -> Bool { matchLocalNames ? a.local == b.local : a == b }

    /// Whether an element opening at `depth` concerns this matcher at all (most lie outside the
    /// records path and outside any record: nothing to do, not even naming them).
    func wants(depth: Int) -> Bool {
        skipFrom == nil && (depth == 1 || matched == depth - 1 || !stack.isEmpty)
    }

    /// The root element's name against the records path: the message when it is not the path's first step.
    func rootMismatch(_ name: XMLName, qname: String) -> String? {
        guard let first = recordPath.first, !same(first, name) else { return nil }
        return "the root element is '\(qname)'\(name.uri.map { " in namespace \($0)" } ?? ""); the mapping's records path starts at \(first)"
    }

    /// An element opens at `depth` (the matcher `wants` it). `attributes` and `namespaces` are
    /// made only when this matcher captures the element.
    func start(depth: Int, name: XMLName, qname: String, line: Int, attributes: (XMLBytes) -> [XMLNode.Attribute],
               namespaces: () -> [(prefix: String?, uri: String)]) {
        // Is this element on the records path?
        let parentOnPath = matched == depth - 1
        if parentOnPath {
            if siblingCounts.count < depth { siblingCounts.append([]) }
            if depth < siblingCounts.count { siblingCounts.removeSubrange(depth...) }
            let position: Int
            if let i = siblingCounts[depth - 1].firstIndex(where: { $0.name == name }) {
                siblingCounts[depth - 1][i].count += 1
                position = siblingCounts[depth - 1][i].count
            } else {
                siblingCounts[depth - 1].append((name, 1))
                position = 1
            }
            if depth <= recordPath.count && same(recordPath[depth - 1], name) {
                matched = depth
                pathSteps.append("\(pathSteps.last ?? "")/\(qname)[\(position)]")
            } else if depth == recordPath.count {
                let here = Array(recordPath.prefix(depth - 1)) + [name]
                let taken = namesRead.contains(name) || otherRecordPaths.contains { $0.starts(with: here) || here.starts(with: $0) }
                if !taken { unmatched[qname, default: 0] += 1 }
            }
        }
        let captureFrom = recordPath.count - keptAncestors
        // A child of a kept ancestor that is not on the records path: context the XPaths never
        // read when they only take the ancestors' attributes. Skip its whole subtree.
        if !ancestorChildren && !stack.isEmpty && matched < depth && matched < recordPath.count {
            skipFrom = depth
            return
        }
        if !stack.isEmpty || (matched == depth && depth == captureFrom) {
            // A record's elements share one store of bytes, made anew for each record (so that
            // the ancestors' store does not grow with the records read inside them).
            let isRecord = matched == depth && depth == recordPath.count
            let store = isRecord ? XMLBytes() : stack.last?.store ?? XMLBytes()
            let node = XMLNode(name: name, qualifiedName: qname, store: store, attributes: attributes(store), line: line, parent: stack.last)
            stack.last?.children.append(node)
            stack.append(node)
        }
        if matched == depth && depth == recordPath.count {
            recordLine = line
            stack.last?.namespaces = namespaces()
        }
    }

    /// Text inside the element open at the top, if this matcher captures it.
    var textTarget: XMLNode? { skipFrom == nil ? stack.last : nil }

    /// The element open at `depth` closes; a record that closes is handed to `onRecord`.
    func end(depth: Int, onRecord: (XMLRecord) -> Void) {
        if let skip = skipFrom {
            if skip == depth { skipFrom = nil }
            return
        }
        let isRecord = matched == depth && depth == recordPath.count
        let onPath = matched == depth
        if !stack.isEmpty {
            let node = stack.removeLast()
            if isRecord {
                recordsSeen += 1
                onRecord(XMLRecord(element: node, line: recordLine, xpath: pathSteps.last ?? ""))
                // The record has been handed out: drop it, keep only its ancestors' other children.
                if let parent = node.parent, parent.children.last === node { parent.children.removeLast() }
            } else if onPath, let parent = node.parent, parent.children.last === node {
                // An ancestor of records that closes can be context for no later record: drop it,
                // so that memory holds one record's ancestors, never the records already read.
                parent.children.removeLast()
            }
        }
        if onPath {
            matched -= 1
            pathSteps.removeLast()
        }
    }
}
