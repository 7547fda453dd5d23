import WijkXML

/// An XML file's shape: every element path with its count, its attributes and text (each
/// profiled as a column), the namespaces declared, and the paths that look like records.
package struct XMLProfile: Sendable {
    package struct Node: Sendable {
        package let path: [XMLShape.Step]
        package var count = 0
        package var attributes: [(name: XMLShape.Step, profile: ValueProfile)] = []
        package var text: ValueProfile?
        /// The names of its child elements, in the order first seen.
        package var children: [XMLShape.Step] = []
    }

    package let file: String
    package let bytes: Int
    /// Every element path, in the order first seen (document order).
    package private(set) var nodes: [Node] = []
    /// Namespace URI → the prefix the document used (nil: the default namespace).
    package private(set) var namespaces: [(prefix: String?, uri: String)] = []
    /// Values are profiled for the first `sample` occurrences of each path.
    package let sample: Int
    private var index: [[XMLName]: Int] = [:]

    package static func profile(path: String, display: String, bytes: Int, sample: Int) throws -> XMLProfile {
        var profile = XMLProfile(file: display, bytes: bytes, sample: sample)
        try XMLShape.walk(path: path, display: display) { event in
            profile.take(event)
            return true
        }
        return profile
    }

    private mutating func take(_ event: XMLShape.Event) {
        switch event {
        case .start(let path, let attributes, let declared):
            for ns in declared where !namespaces.contains(where: { $0.uri == ns.uri }) { namespaces.append(ns) }
            let i = node(path)
            nodes[i].count += 1
            if path.count > 1 {
                let parent = node(Array(path.dropLast()))
                if !nodes[parent].children.contains(path.last!) { nodes[parent].children.append(path.last!) }
            }
            guard nodes[i].count <= sample else { return }
            for (name, value) in attributes {
                if let a = nodes[i].attributes.firstIndex(where: { $0.name.name == name.name }) { nodes[i].attributes[a].profile.add(value) }
                else {
                    var p = ValueProfile()
                    // Earlier elements of this path had no such attribute: they count as empty.
                    for _ in 1..<nodes[i].count { p.add("") }
                    p.add(value)
                    nodes[i].attributes.append((name, p))
                }
            }
            for a in nodes[i].attributes.indices where !attributes.contains(where: { $0.0.name == nodes[i].attributes[a].name.name }) {
                nodes[i].attributes[a].profile.add("")
            }
        case .text(let path, let text):
            let i = node(path)
            guard nodes[i].count <= sample else { return }
            if nodes[i].text == nil { nodes[i].text = ValueProfile() }
            nodes[i].text!.add(text)
        }
    }

    private mutating func node(_ path: [XMLShape.Step]) -> Int {
        let key = path.map(\.name)
        if let i = index[key] { return i }
        nodes.append(Node(path: path))
        index[key] = nodes.count - 1
        return nodes.count - 1
    }

    package func node(at names: [XMLName]) -> Node? { index[names].map { nodes[$0] } }

    /// Paths that look like records: elements with attributes or child elements that repeat —
    /// more of them than of their parent, or all the children of a list-like parent — or that
    /// are named as an entity is (a household's one plan), unless they are a list themselves.
    package var recordPaths: [Node] {
        nodes.filter { n in
            guard n.path.count >= 2, !n.attributes.isEmpty || !n.children.isEmpty,
                  let parent = node(at: n.path.dropLast().map(\.name)) else { return false }
            if n.count >= 2 && (n.count > parent.count || (isList(parent) && parent.path.count >= 2)) { return true }
            return Vocabulary.entity(named: n.path.last!.name.local) != nil && !isList(n)
        }
    }

    /// An element that only holds elements of one name: a list, not a record.
    func isList(_ n: Node) -> Bool { n.children.count == 1 && n.attributes.isEmpty && n.text == nil }

    /// A path as the document writes it, e.g. /s:Export/s:Teams/s:Team (prefixes as `prefixes` gives them).
    package static func text(_ path: [XMLShape.Step], prefixes: [String: String] = [:]) -> String {
        "/" + path.map { step(for: $0, prefixes) }.joined(separator: "/")
    }

    static func step(for s: XMLShape.Step, _ prefixes: [String: String]) -> String {
        if let uri = s.name.uri, let p = prefixes[uri] { return "\(p):\(s.name.local)" }
        if let p = s.prefix { return "\(p):\(s.name.local)" }
        return s.name.local
    }
}
