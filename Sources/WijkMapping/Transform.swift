import Foundation
import WijkModel

/// One step applied to a text value before it is parsed into its canonical kind.
package enum Transform: Sendable, Equatable {
    case trim
    case upper
    case lower
    /// Keeps only the digits (`123.456.782` → `123456782`).
    case digitsOnly
    /// Pads on the left to a width (an 8-digit BSN gets its lost leading zero back).
    case padLeft(width: Int, with: Character)
    /// Translates through a named value map; an unmapped value is a finding.
    case map(String)
    /// Reads a yes/no word (`ja`/`nee`, `J`/`N`, …) and writes one of two given values.
    case boolean(whenTrue: String, whenFalse: String)
    /// Replaces every occurrence of a text.
    case replace(String, with: String)

    package static let names = ["trim", "upper", "lower", "digits", "pad_left", "map", "boolean", "replace"]

    static let trueWords: Set<String> = ["ja", "j", "yes", "y", "true", "waar", "1", "x"]
    static let falseWords: Set<String> = ["nee", "n", "no", "false", "onwaar", "0"]

    /// The outcome of a step: the new text, or why the value is bad.
    enum Outcome {
        case value(String)
        case bad(rule: RuleID, message: String)
    }

    func apply(_ text: String, maps: [String: ValueMap]) -> Outcome {
        switch self {
        case .trim: return .value(text.trimmingASCIISpaces())
        case .upper: return .value(text.uppercased())
        case .lower: return .value(text.lowercased())
        case .digitsOnly: return .value(String(text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init)))
        case .padLeft(let width, let char):
            guard !text.isEmpty, text.count < width else { return .value(text) }
            return .value(String(repeating: char, count: width - text.count) + text)
        case .map(let name):
            guard let map = maps[name] else { return .bad(rule: .valueUnmapped, message: "value map '\(name)' is missing") }
            if let mapped = map.entries[text] { return .value(mapped) }
            if map.pending.contains(text) {
                return .bad(rule: .valueUnmapped, message: "the value has no code yet in value map '\(name)': fill in its right-hand side")
            }
            return .bad(rule: .valueUnmapped, message: "the value is not in value map '\(name)'")
        case .boolean(let yes, let no):
            let word = text.trimmingASCIISpaces().lowercased()
            if Transform.trueWords.contains(word) { return .value(yes) }
            if Transform.falseWords.contains(word) { return .value(no) }
            return .bad(rule: .valueUnparseable, message: "not a yes/no word (ja/nee, J/N, true/false, 1/0)")
        case .replace(let from, let to):
            return .value(text.replacingOccurrences(of: from, with: to))
        }
    }
}

