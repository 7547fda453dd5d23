import Foundation
import Yams

/// A place in a YAML file: the file's display name and the node's line and column.
struct Spot: Sendable {
    let file: String
    let line: Int
    let column: Int
}

/// A YAML node together with the file it came from, with typed accessors that report mistakes
/// with `file:line:column` instead of failing.
struct YNode {
    let node: Node
    let file: String
    /// Where this node's parent key was, for "missing key" messages on empty nodes.
    let fallback: Spot

    var spot: Spot {
        if let mark = node.mark { return Spot(file: file, line: mark.line, column: mark.column) }
        return fallback
    }

    var string: String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    var isNull: Bool {
        if case .scalar(let s) = node {
            return s.tag == Tag(.null) || (s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string))
        }
        return false
    }

    /// The pairs of a mapping, or nil (after reporting) when it is not one.
    func pairs(_ d: Diagnostics, what: String) -> [(key: String, keySpot: Spot, value: YNode)]? {
        guard case .mapping(let m) = node else {
            d.add(spot, "\(what) must be a mapping of `key: value` lines")
            return nil
        }
        return m.map { key, value in
            let keySpot = key.mark.map { Spot(file: file, line: $0.line, column: $0.column) } ?? spot
            return (key.string ?? "", keySpot, YNode(node: value, file: file, fallback: keySpot))
        }
    }

    func items(_ d: Diagnostics, what: String) -> [YNode]? {
        guard case .sequence(let s) = node else {
            d.add(spot, "\(what) must be a list (lines starting with '- ')")
            return nil
        }
        return s.map { YNode(node: $0, file: file, fallback: spot) }
    }

    /// A list, or a single item taken as a list of one.
    func listOrOne(_ d: Diagnostics) -> [YNode] {
        if case .sequence(let s) = node { return s.map { YNode(node: $0, file: file, fallback: spot) } }
        return [self]
    }

    func text(_ d: Diagnostics, what: String) -> String? {
        guard let s = string, !isNull || !s.isEmpty else {
            d.add(spot, "\(what) must be a text value")
            return nil
        }
        return s
    }

    func int(_ d: Diagnostics, what: String, range: ClosedRange<Int>) -> Int? {
        guard let s = string, let n = Int(s), range.contains(n) else {
            d.add(spot, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return n
    }

    func bool(_ d: Diagnostics, what: String) -> Bool? {
        // The same yes/no words as the mapping's boolean transform.
        let word = string?.lowercased() ?? ""
        if Transform.trueWords.contains(word) { return true }
        if Transform.falseWords.contains(word) { return false }
        d.add(spot, "\(what) must be yes or no (ja/nee, J/N, true/false, 1/0)")
        return nil
    }
}

/// A mapping node's keys checked against the keys allowed there; unknown keys get a suggestion.
struct KeyedNode {
    let node: YNode
    private var values: [String: YNode] = [:]
    private var keySpots: [String: Spot] = [:]

    init?(_ node: YNode, _ d: Diagnostics, what: String, allowed: KeySet) {
        guard let pairs = node.pairs(d, what: what) else { return nil }
        self.node = node
        for (key, keySpot, value) in pairs {
            if allowed.contains(key) {
                values[key] = value
                keySpots[key] = keySpot
            } else {
                d.add(keySpot, "unknown key '\(key)' in \(what)",
                      hint: Suggestion.didYouMean(key, in: allowed.keys) ?? "allowed here: \(allowed.keys.joined(separator: ", "))")
            }
        }
    }

    subscript(key: String) -> YNode? { values[key] }

    func keySpot(_ key: String) -> Spot? { keySpots[key] }

    func required(_ key: String, _ d: Diagnostics, what: String) -> YNode? {
        if let v = values[key] { return v }
        d.add(node.spot, "\(what) needs '\(key)'")
        return nil
    }
}

enum YAMLFile {
    /// Reads and parses a YAML file. Syntax errors and duplicate keys become `ConfigError`s.
    static func load(path: String, display: String) throws -> YNode {
        guard let node = try load(path: path, display: display, allowEmpty: false) else {
            throw ConfigErrors([ConfigError(file: display, line: 1, column: 1, message: "the file is empty")])
        }
        return node
    }

    /// As `load`, but a file with no YAML in it (empty, or comments only) gives nil when allowed.
    static func load(path: String, display: String, allowEmpty: Bool) throws -> YNode? {
        // (An empty file is read as no bytes without asking Foundation, whose reader leaks a
        // buffer on an empty file — found by the config fuzz target.)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue
        guard let data = size == 0 && FileManager.default.isReadableFile(atPath: path) ? Data() : FileManager.default.contents(atPath: path) else {
            throw ConfigErrors([ConfigError(file: display, line: 1, column: 1, message: "cannot read the file",
                                            hint: "check that the path is right (relative paths start at the file that names it)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors([ConfigError(file: display, line: 1, column: 1, message: "the file is not valid UTF-8",
                                            hint: "save it as UTF-8")])
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                if allowEmpty { return nil }
                throw ConfigErrors([ConfigError(file: display, line: 1, column: 1, message: "the file is empty")])
            }
            return YNode(node: node, file: display, fallback: Spot(file: display, line: 1, column: 1))
        } catch let error as YamlError {
            throw ConfigErrors([convert(error, file: display)])
        }
    }

    static func convert(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)",
                               hint: "check the indentation and quoting on this line and the one before")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column,
                               message: "duplicate key '\(duplicates.joined(separator: "', '"))' in one mapping",
                               hint: "a key may appear once; remove or merge the second one")
        case .reader(let problem, _, _, _):
            return ConfigError(file: file, line: 1, column: 1, message: "YAML: \(problem)")
        default:
            return ConfigError(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }
}
