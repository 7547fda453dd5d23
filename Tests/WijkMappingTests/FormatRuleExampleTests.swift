import Foundation
import Testing
import WijkModel
import WijkRules
@testable import WijkMapping

/// The format rules' examples run through the code production uses: a mapping file maps each
/// example from a CSV column onto the rule's field, and the compiled mapping must load the ones
/// that pass and reject the ones that fail — under the rule's own id.
struct FormatRuleExampleTests {
    /// A valid canonical value for every required field, so that only the field under test decides.
    static let filler: [String: String] = ["sleutel": "k1", "bsn": "123456782", "achternaam": "Bakker", "huisnummer": "1",
                                           "postcode": "1234AB", "wet": "wmo", "naam": "Koffieochtend", "huishouden": "h1"]

    static var cases: [String] {
        RuleCatalogue.all.flatMap { rule -> [String] in
            guard rule.id != .requiredField, case .format(let fields, _) = rule.kind else { return [] }
            return fields.map { "\(rule.id) \($0.entity.rawValue) \($0.field)" }
        }
    }

    @Test(arguments: cases)
    func examplesThroughTheMapping(_ item: String) throws {
        let parts = item.split(separator: " ").map(String.init)
        let (id, entity, field) = (parts[0], Entity(rawValue: parts[1])!, parts[2])
        let rule = try #require(RuleCatalogue.rule(named: id))
        let texts = rule.examples.compactMap { example -> (String, Bool)? in
            if case .text(let t) = example.input { return (t, example.passes) }
            return nil
        }
        #expect(texts.contains { $0.1 } && texts.contains { !$0.1 }, "\(id) needs passing and failing text examples")
        let definition = try #require(entity.field(named: field))
        var spec = "{ column: v"
        if definition.kind == .date { spec += ", date: yyyy-MM-dd" }
        if definition.kind == .decimal { spec += ", decimal: point" }
        spec += " }"
        var lines = ["\(field): \(spec)"]
        for def in entity.fields where def.required && def.name != field {
            lines.append("\(def.name): { const: \"\(Self.filler[def.name]!)\" }")
        }
        let mapping = """
            csv: { delimiter: ";", quote: none }
            entities:
              \(entity.rawValue):
                file: clienten.csv
                fields:
            \(lines.map { "      " + $0 }.joined(separator: "\n"))
            """
        let csv = "v\n" + texts.map { $0.0 + "\n" }.joined()
        let scenario = Scenario(mapping: mapping, clients: csv)
        let plan = try scenario.plan()
        let compiled = try #require(plan.sources.first?.entities.first)
        for (n, (text, passes)) in texts.enumerated() {
            let outcome = compiled.map(fields: [text], location: .line(n + 2), raw: RawText(text))
            switch outcome {
            case .mapped:
                #expect(passes, "\(id) on \(entity.rawValue).\(field): '\(text)' should fail, and the mapping loaded it")
            case .rejected(let rejection):
                #expect(!passes, "\(id) on \(entity.rawValue).\(field): '\(text)' should pass, and was rejected (\(rejection.finding.rule.rawValue))")
                if !passes { #expect(rejection.finding.rule.rawValue == id, "\(entity.rawValue).\(field): '\(text)' rejected as \(rejection.finding.rule.rawValue), not \(id)") }
            }
        }
    }
}
