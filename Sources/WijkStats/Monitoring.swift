import WijkModel

/// The short, regular figures a council asks for after the merger, per wijkteam: caseload, open
/// hulpvragen, referrals by verwijzer, plans per household. Read from the store, as of a day.
package struct Monitoring: Sendable {
    /// The day the figures are taken on: a plan, hulpvraag or voorziening is active on it.
    package let peildatum: CivilDate
    /// The migration run the store holds (its id, name and when it finished).
    package let run: (id: String, migratie: String, finished: String)?
    /// One row per wijkteam, in id order, then households without a wijkteam if there are any.
    package let wijkteams: [WijkteamFigures]
    /// Hulpvragen per wijkteam and verwijzer, with how many are open.
    package let verwijzers: [Referrals]

    package var total: WijkteamFigures {
        var t = WijkteamFigures(wijkteam: "totaal", naam: "")
        for w in wijkteams { t.add(w) }
        return t
    }
}

/// The figures of one wijkteam. `wijkteam` is empty for records in no wijkteam (a household
/// outside every wijk, a client without a household).
package struct WijkteamFigures: Sendable, Equatable {
    package var wijkteam: String
    package var naam: String
    package var huishoudens = 0
    /// The caseload: clients in the wijkteam's households.
    package var clienten = 0
    package var plannenActief = 0
    package var huishoudensMetPlan = 0
    /// Households with more than one active plan: the goal is one household, one plan.
    package var huishoudensMeerderePlannen = 0
    package var hulpvragen = 0
    package var hulpvragenOpen = 0
    package var voorzieningenActief = 0
    /// Group activities running on the day (welfare work).
    package var activiteiten = 0
    package var medewerkers = 0
    /// FTE in thousandths, so that sums stay exact.
    package var fteDuizendsten = 0

    package init(wijkteam: String, naam: String) {
        self.wijkteam = wijkteam
        self.naam = naam
    }

    /// Active plans per household that has one.
    package var plannenPerHuishouden: Double {
        huishoudensMetPlan == 0 ? 0 : Double(plannenActief) / Double(huishoudensMetPlan)
    }

    package var fte: Double { Double(fteDuizendsten) / 1000 }

    mutating func add(_ o: WijkteamFigures) {
        huishoudens += o.huishoudens
        clienten += o.clienten
        plannenActief += o.plannenActief
        huishoudensMetPlan += o.huishoudensMetPlan
        huishoudensMeerderePlannen += o.huishoudensMeerderePlannen
        hulpvragen += o.hulpvragen
        hulpvragenOpen += o.hulpvragenOpen
        voorzieningenActief += o.voorzieningenActief
        activiteiten += o.activiteiten
        medewerkers += o.medewerkers
        fteDuizendsten += o.fteDuizendsten
    }
}

/// Hulpvragen of one wijkteam from one verwijzer (empty: not registered).
package struct Referrals: Sendable, Equatable {
    package let wijkteam: String
    package let verwijzer: String
    package var hulpvragen: Int
    package var open: Int
}
