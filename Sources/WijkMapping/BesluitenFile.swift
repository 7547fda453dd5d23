import Foundation
import WijkModel

/// Reads `besluiten.yml`: per conflict id, one action (`kies`, `zet`, `beide` or `wijs_af`) with
/// `wie` and `waarom`. A malformed file fails with `file:line:column` before any data is read.
///
/// ```yaml
/// Kc009a07e3880:
///   kies: hoogezand-sappemeer
///   wie: J. de Vries, gegevensbeheer
///   waarom: Verhuisd per 1 november 2017; BRP bevestigt het adres in Sappemeer.
/// ```
package enum BesluitenFile {
    static let actions = ConfigKeys.besluitActions

    package static func load(path: String, display: String, sources: [String]) throws -> [Besluit] {
        // A steward starts with an empty file (or one with comments only): no decisions yet.
        guard let root = try YAMLFile.load(path: path, display: display, allowEmpty: true), !root.isNull else { return [] }
        let d = Diagnostics()
        var result: [Besluit] = []
        for (id, keySpot, value) in root.pairs(d, what: "a besluiten file") ?? [] {
            guard id.hasPrefix("K"), id.count == 13, id.dropFirst().allSatisfy({ $0.isHexDigit }) else {
                d.add(keySpot, "'\(id)' is not a conflict id", hint: "copy the id from conflicts.csv or report.html, e.g. Kc009a07e3880")
                continue
            }
            guard let keyed = KeyedNode(value, d, what: "the decision on \(id)", allowed: ConfigKeys.besluit) else { continue }
            let actions = BesluitenFile.actions.filter { keyed[$0] != nil }
            guard actions.count == 1, let name = actions.first, let node = keyed[name] else {
                d.add(value.spot, "the decision on \(id) needs exactly one of kies, zet, beide, wijs_af or zonder_wijk",
                      hint: actions.isEmpty ? "e.g. 'kies: hoogezand-sappemeer'" : "keep one of: \(actions.joined(separator: ", "))")
                continue
            }
            let wie = keyed.required("wie", d, what: "the decision on \(id)")?.text(d, what: "'wie'")
            let waarom = keyed.required("waarom", d, what: "the decision on \(id)")?.text(d, what: "'waarom'")
            var actie: Besluit.Actie?
            switch name {
            case "kies":
                if let choice = node.text(d, what: "'kies'") {
                    // A source, or one record of it: `bron/sleutel` or `bron@locatie`.
                    let bron = String(choice.prefix { $0 != "/" && $0 != "@" })
                    if sources.contains(bron) { actie = .kies(bron: choice) }
                    else { d.add(node.spot, "'\(choice)' is not a source of the migration, nor a record of one", hint: Suggestion.didYouMean(bron, in: sources) ?? "sources: \(sources.joined(separator: ", "))") }
                }
            case "zet":
                if let pairs = node.pairs(d, what: "'zet'") {
                    var fields: [String: String] = [:]
                    for (field, spot, valueNode) in pairs {
                        guard !valueNode.isNull, let text = valueNode.string, !text.trimmingASCIISpaces().isEmpty else {
                            d.add(valueNode.isNull ? spot : valueNode.spot, "'\(field)' is set to nothing",
                                  hint: field == "wijk"
                                    ? "a household in no wijk is decided with zet: { wijk: WK… } (a wijk of the migration file), zonder_wijk: ja (load it without wijk and wijkteam), or wijs_af: [its key]"
                                    : "write the value, or choose kies, beide or wijs_af")
                            continue
                        }
                        fields[field] = text
                    }
                    if !fields.isEmpty && fields.count == pairs.count { actie = .zet(fields) }
                }
            case "beide", "zonder_wijk":
                let yes = node.bool(d, what: "'\(name)'")
                if yes == true { actie = name == "beide" ? .beide : .zonderWijk }
                else if yes == false { d.add(node.spot, "'\(name)' is ja, or leave it out") }
            default:
                let keys = node.listOrOne(d).compactMap { $0.text(d, what: "a key") }
                if !keys.isEmpty { actie = .wijsAf(keys) }
            }
            guard let actie, let wie, let waarom else { continue }
            if wie.trimmingASCIISpaces().isEmpty || waarom.trimmingASCIISpaces().isEmpty {
                d.add(value.spot, "a decision says who took it and why", hint: "fill in 'wie' and 'waarom'")
                continue
            }
            result.append(Besluit(conflict: id, actie: actie, wie: wie, waarom: waarom, plek: "\(keySpot.file):\(keySpot.line):\(keySpot.column)",
                                  plekActie: "\(node.spot.file):\(node.spot.line):\(node.spot.column)", regel: keySpot.line))
        }
        try d.throwIfAny()
        return result
    }
}
