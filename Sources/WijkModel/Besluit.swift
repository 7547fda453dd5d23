/// A data steward's decision on one conflict, from `besluiten.yml`: always with who and why.
package struct Besluit: Sendable, Equatable {
    package enum Actie: Sendable, Equatable {
        /// Take this source's values (or, for plans and voorzieningen, keep only this source's records).
        case kies(bron: String)
        /// Set these fields to these values on the conflict's record.
        case zet([String: String])
        /// Keep both: two overlapping voorzieningen that are really two, two jobs of one person.
        case beide
        /// Reject these records (their keys in the store), with the decision as the reason.
        case wijsAf([String])
        /// Load a household in no wijk of the new gemeente without wijk and wijkteam, on purpose
        /// (a client who moved away still needs an archive record).
        case zonderWijk
    }

    package let conflict: String
    package let actie: Actie
    package let wie: String
    package let waarom: String
    /// Where it is written, for messages: `besluiten.yml:12:3` (the conflict id).
    package let plek: String
    /// Where its action's value is written (`besluiten.yml:13:9`): a decision that does not fit
    /// its conflict is reported there.
    package let plekActie: String
    /// Its place in the file, for listing mistakes in file order.
    package let regel: Int

    package init(conflict: String, actie: Actie, wie: String, waarom: String, plek: String, plekActie: String? = nil, regel: Int = 0) {
        self.conflict = conflict
        self.actie = actie
        self.wie = wie
        self.waarom = waarom
        self.plek = plek
        self.plekActie = plekActie ?? plek
        self.regel = regel
    }

    /// What `conflict.besluit` records.
    package var summary: String {
        let what: String
        switch actie {
        case .kies(let bron): what = "kies \(bron)"
        case .zet(let fields): what = "zet " + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        case .beide: what = "beide"
        case .wijsAf(let keys): what = "wijs af " + keys.joined(separator: ", ")
        case .zonderWijk: what = "zonder wijk"
        }
        return "\(what) — wie: \(wie); waarom: \(waarom)"
    }
}
