import Testing
import WijkModel
@testable import WijkRules

/// Every rule's examples are its tests: each one that should pass passes, each one that should
/// fail fails.
struct RuleCatalogueTests {
    static let context = RuleContext(peildatum: CivilDate(year: 2026, month: 11, day: 23)!)

    func record(_ entity: Entity, _ fields: [String: String]) -> MappedRecord? {
        var values = [Value?](repeating: nil, count: entity.fields.count)
        for (name, text) in fields {
            guard let index = entity.fields.firstIndex(where: { $0.name == name }),
                  let value = entity.fields[index].kind.parseCanonical(text) else { return nil }
            values[index] = value
        }
        return MappedRecord(entity: entity, values: values,
                            provenance: Provenance(bron: "t", bestand: "t", locatie: .line(1), bronSleutel: nil), warnings: [], raw: RawText(""))
    }

    @Test(arguments: RuleCatalogue.all.map(\.id.rawValue))
    func examplesPassAndFailAsTheySay(_ id: String) throws {
        let rule = try #require(RuleCatalogue.rule(named: id))
        #expect(rule.examples.contains { $0.passes }, "\(id) has no passing example")
        // Reference rules' examples: the merge test (MergerTests) checks references the way production does.
        #expect(rule.examples.contains { !$0.passes }, "\(id) has no failing example")
        for example in rule.examples {
            let passed: Bool
            switch (rule.kind, example.input) {
            case (.format, .text):
                continue   // run through the mapping, as production does: FormatRuleExampleTests
            case (.record(let entities, let check), .record(let entity, let fields)):
                #expect(entities.contains(entity), "\(id): example for \(entity) it does not check")
                let r = try #require(record(entity, fields), "\(id): example \(fields) is not a valid record")
                passed = check(r, Self.context) == nil
            case (.reference, .reference(let value, let existing)):
                passed = existing.contains(value)
            default:
                Issue.record("\(id): an example of the wrong kind")
                continue
            }
            #expect(passed == example.passes, "\(id): \(example.input) should \(example.passes ? "pass" : "fail")")
        }
    }

    @Test func idsAreStableSnakeCaseAndUnique() {
        let ids = RuleID.all.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "_" }, "\(id)") }
        #expect(ids.count >= 15)
    }

    @Test func everyParsedFieldHasAFormatRule() {
        // Every field whose kind can fail to parse reports under a catalogue rule.
        let covered: [(Entity, String)] = [(.client, "bsn"), (.client, "geboortedatum"), (.client, "geslacht"),
                                           (.huishouden, "postcode"), (.huishouden, "huisnummer"), (.voorziening, "wet"),
                                           (.medewerker, "dienstverband"), (.voorziening, "begindatum")]
        for (entity, field) in covered {
            #expect(RuleCatalogue.formatRule(for: entity, field: field) != nil, "\(entity).\(field)")
        }
    }

    /// Every id the code can emit (a `RuleID`, the only way to make one) is described once: a rule
    /// of the catalogue or a finding — and so listed by `wijkmigratie rules`.
    @Test func everyIdTheCodeCanEmitIsListed() {
        let rules = Set(RuleCatalogue.ids)
        let findings = Set(FindingCatalogue.all.map(\.id))
        #expect(rules.isDisjoint(with: findings))
        #expect(rules.union(findings) == Set(RuleID.all))
        #expect(RuleCatalogue.ids.count == RuleCatalogue.all.count && FindingCatalogue.all.count == findings.count)
        let listed = Set(RuleTable.lines().split(separator: "\n").map { String($0.prefix { $0 != " " }) })
        for id in RuleID.all { #expect(listed.contains(id.rawValue), "\(id) is not listed by wijkmigratie rules") }
    }
}
