/// The small part of XPath 1.0 a mapping file uses to pick values out of a record:
/// child steps (`s:Naam/s:Achternaam`), attributes (`@id`), the parent (`..`), the record itself
/// (`.`), `text()`, and predicates by position (`[1]`) or by a child's value (`[s:Soort='01']`).
/// Names with a prefix are in the namespace the mapping declares for it; names without one are in
/// no namespace, as in XPath 1.0.
package struct XPath: Sendable, Equatable, CustomStringConvertible {
    package enum Step: Sendable, Equatable {
        case this
        case parent
        case text
        case attribute(XMLName)
        case child(XMLName, [Predicate])
    }

    package enum Predicate: Sendable, Equatable {
        case position(Int)
        case childEquals(XMLName, String)
    }

    package let text: String
    package let steps: [Step]
    package let absolute: Bool

    package var description: String { text }

    /// How many `..` steps lead up from the record: ancestors that must be kept as context.
    package var parentSteps: Int {
        var depth = 0, most = 0
        for step in steps {
            switch step {
            case .parent: depth += 1; most = max(most, depth)
            case .child: depth -= 1
            default: break
            }
        }
        return most
    }

    /// Whether the XPath reads nothing of an ancestor but its attribute (`../../@nr`): an XPath
    /// that climbs and then goes down, or takes an ancestor's text, needs the ancestors' children.
    package var readsAncestorsOnlyForAttributes: Bool {
        guard parentSteps > 0 else { return true }
        var rest = steps[...]
        while rest.first == .parent { rest = rest.dropFirst() }
        guard rest.count == 1, case .attribute = rest.first! else { return false }
        return true
    }

    package struct ParseError: Error, Sendable, Equatable {
        package let message: String
        package let hint: String?
    }

    package static func parse(_ text: String, namespaces: [String: String]) -> Result<XPath, ParseError> {
        var rest = Substring(text.trimmingCharacters(in: " "))
        var absolute = false
        if rest.hasPrefix("/") {
            absolute = true
            rest = rest.dropFirst()
            if rest.hasPrefix("/") {
                return .failure(ParseError(message: "'//' (any depth) is not supported", hint: "write the full path from the root element"))
            }
        }
        guard !rest.isEmpty else { return .failure(ParseError(message: "the XPath is empty", hint: nil)) }
        func name(_ qname: Substring) -> Result<XMLName, ParseError> {
            let parts = qname.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isNameChar) }) else {
                return .failure(ParseError(message: "'\(qname)' is not an XML name", hint: nil))
            }
            if parts.count == 1 { return .success(XMLName(uri: nil, local: String(parts[0]))) }
            guard let uri = namespaces[String(parts[0])] else {
                return .failure(ParseError(message: "namespace prefix '\(parts[0])' is not declared",
                                           hint: "declare it under xml: namespaces: in the mapping file"))
            }
            return .success(XMLName(uri: uri, local: String(parts[1])))
        }
        var steps: [Step] = []
        for raw in splitSteps(rest) {
            let part = raw.trimmingCharacters(in: " ")
            switch part {
            case "": return .failure(ParseError(message: "an empty step in '\(text)'", hint: nil))
            case ".": steps.append(.this)
            case "..": steps.append(.parent)
            case "text()": steps.append(.text)
            default:
                if part.hasPrefix("@") {
                    switch name(part.dropFirst()) {
                    case .success(let n): steps.append(.attribute(n))
                    case .failure(let e): return .failure(e)
                    }
                    continue
                }
                var nameEnd = part.firstIndex(of: "[") ?? part.endIndex
                let qname = part[..<nameEnd]
                let elementName: XMLName
                switch name(qname) {
                case .success(let n): elementName = n
                case .failure(let e): return .failure(e)
                }
                var predicates: [Predicate] = []
                while nameEnd < part.endIndex {
                    guard part[nameEnd] == "[", let close = part[nameEnd...].firstIndex(of: "]") else {
                        return .failure(ParseError(message: "a predicate in '\(part)' is not closed", hint: "write [1] or [s:Soort='01']"))
                    }
                    let body = part[part.index(after: nameEnd)..<close].trimmingCharacters(in: " ")
                    if let n = Int(body), n >= 1 {
                        predicates.append(.position(n))
                    } else if let eq = body.firstIndex(of: "=") {
                        let lhs = body[..<eq].trimmingCharacters(in: " ")
                        var rhs = body[body.index(after: eq)...].trimmingCharacters(in: " ")
                        guard rhs.count >= 2, let q = rhs.first, q == "'" || q == "\"", rhs.last == q else {
                            return .failure(ParseError(message: "the value in [\(body)] must be quoted", hint: "write [s:Soort='01']"))
                        }
                        rhs = String(rhs.dropFirst().dropLast())
                        switch name(Substring(lhs)) {
                        case .success(let n): predicates.append(.childEquals(n, rhs))
                        case .failure(let e): return .failure(e)
                        }
                    } else {
                        return .failure(ParseError(message: "predicate [\(body)] is not supported", hint: "use a position [1] or a child's value [s:Soort='01']"))
                    }
                    nameEnd = part.index(after: close)
                }
                steps.append(.child(elementName, predicates))
            }
        }
        if absolute, steps.contains(where: { if case .child = $0 { return false }; return true }) {
            return .failure(ParseError(message: "a records path names elements only, from the root down", hint: "e.g. /h:Export/h:Huishouden"))
        }
        return .success(XPath(text: text, steps: steps, absolute: absolute))
    }

    private static func isNameChar(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == "."
    }

    /// Splits on `/` outside predicates.
    private static func splitSteps(_ s: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var inPredicate = false
        var quote: Character?
        for c in s {
            if let q = quote { current.append(c); if c == q { quote = nil }; continue }
            switch c {
            case "'", "\"": quote = c; current.append(c)
            case "[": inPredicate = true; current.append(c)
            case "]": inPredicate = false; current.append(c)
            case "/" where !inPredicate: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    /// The string value of the first node the path selects from `node`, or nil when it selects nothing.
    package func evaluate(from node: XMLNode) -> String? {
        if case .value(let v) = first(from: node, at: 0) { return v }
        return nil
    }

    /// What a branch of the evaluation found: the value (the search ends there), or no node
    /// that gets to the end of the path (the next candidate is tried).
    private enum Outcome {
        case value(String?)
        case nothing
    }

    /// The first result in document order of the steps from `index` on, depth first from `node`:
    /// no list of candidates is made per step, and no text of an element nobody reads.
    private func first(from start: XMLNode, at startIndex: Int) -> Outcome {
        var node = start
        var index = startIndex
        while index < steps.count {
            switch steps[index] {
            case .this:
                index += 1
            case .parent:
                guard let parent = node.parent else { return .nothing }
                node = parent
                index += 1
            case .text:
                return .value(node.text)
            case .attribute(let name):
                guard index == steps.count - 1 else { return .value(nil) }
                return node.attribute(name).map { .value($0) } ?? .nothing
            case .child(let name, let predicates):
                if predicates.isEmpty {
                    for child in node.children where child.name == name {
                        if case .value(let v) = first(from: child, at: index + 1) { return .value(v) }
                    }
                    return .nothing
                }
                var matches = node.children.filter { $0.name == name }
                for predicate in predicates {
                    switch predicate {
                    case .position(let p): matches = p <= matches.count ? [matches[p - 1]] : []
                    case .childEquals(let child, let value):
                        matches = matches.filter { m in
                            m.children.contains { $0.name == child && $0.stringValue.trimmingCharacters(in: " \n\t\r") == value }
                        }
                    }
                }
                for match in matches {
                    if case .value(let v) = first(from: match, at: index + 1) { return .value(v) }
                }
                return .nothing
            }
        }
        return .value(node.stringValue)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        guard let first = firstIndex(where: { !chars.contains($0) }) else { return "" }
        let last = lastIndex(where: { !chars.contains($0) })!
        return String(self[first...last])
    }
}
