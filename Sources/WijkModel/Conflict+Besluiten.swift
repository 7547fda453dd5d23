/// What a steward can decide on a conflict, written as the lines to paste into `besluiten.yml`:
/// one place for the report, conflicts.csv and the README's table of decisions.
extension Conflict.Side {
    /// The source record as a decision names it: `bron/sleutel` (its own key in its source), or
    /// `bron@locatie` when the record has no key.
    package var record: String {
        let p = provenance
        if let key = p.bronSleutel, !key.isEmpty { return "\(p.bron)/\(key)" }
        return "\(p.bron)@\(p.locatie.stored)"
    }
}

extension Conflict {
    /// One decision the kind allows, as a complete line for `besluiten.yml` except for `wie` and
    /// `waarom`, which the steward fills in.
    package struct Option: Sendable, Equatable {
        /// What it does, in a few words (`keep hoogezand-sappemeer's values`).
        package let meaning: String
        /// The action in YAML flow style (`kies: "hoogezand-sappemeer"`).
        package let action: String
        /// Whether the line is complete as it stands (false: a value must be filled in first).
        package let complete: Bool

        /// The line to paste: `Kc009a07e3880: { kies: "hoogezand-sappemeer", wie: "", waarom: "" }`.
        package func line(_ id: String) -> String { "\(id): { \(action), wie: \"\", waarom: \"\" }" }
    }

    /// The decisions this conflict's kind allows, each with its paste line. Empty for a key
    /// collision, which namespacing resolves.
    package var options: [Option] {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        func list(_ keys: [String]) -> String { "[" + keys.map(q).joined(separator: ", ") + "]" }
        let rows = uniqueSideKeys
        switch soort {
        case .clientIdentiteit, .clientAdres:
            // A source's name where it has one record here, else the record itself.
            return sides.map { side -> Option in
                let own = sides.filter { $0.provenance.bron == side.provenance.bron }.count == 1
                let choice = own ? side.provenance.bron : side.record
                return Option(meaning: "keep the values of \(choice)", action: "kies: \(q(choice))", complete: true)
            }.reduce(into: [Option]()) { if !$0.contains($1) { $0.append($1) } }
        case .huishoudenPlannen:
            return rows.map { keep in
                Option(meaning: "keep plan \(keep), reject the others", action: "wijs_af: \(list(rows.filter { $0 != keep }))", complete: true)
            }
        case .voorzieningOverlap:
            return [Option(meaning: "keep both: they are really two", action: "beide: ja", complete: true)]
                + rows.map { Option(meaning: "reject \($0)", action: "wijs_af: \(list([$0]))", complete: true) }
        case .medewerkerDubbel:
            return [Option(meaning: "load as it is (two people kept apart, or the inzet as given)", action: "beide: ja", complete: true)]
                + rows.map { Option(meaning: "reject \($0) and what refers to it", action: "wijs_af: \(list([$0]))", complete: true) }
        case .wijkOnbekend:
            return [
                Option(meaning: "place it in a wijk of the new gemeente", action: "zet: { wijk: \"WK…\" }", complete: false),
                Option(meaning: "load it without wijk and wijkteam (an archive record)", action: "zonder_wijk: ja", complete: true),
                Option(meaning: "reject the household and what refers to it", action: "wijs_af: \(list([sleutel]))", complete: true),
            ]
        case .sleutelBotsing:
            return []
        }
    }

    /// The store keys of the sides, once each, in order.
    package var uniqueSideKeys: [String] {
        var seen: [String] = []
        for side in sides where !seen.contains(side.sleutel) { seen.append(side.sleutel) }
        return seen
    }
}
