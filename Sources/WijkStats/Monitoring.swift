import WijkModel

/// The short, regular figures a council asks for after the merger, per wijkteam: caseload, open
/// hulpvragen, referrals by verwijzer, plans per household. Read from the store, as of a day.
public struct Monitoring: Sendable {
    /// The day the figures are taken on: a plan, hulpvraag or voorziening is active on it.
    public let peildatum: CivilDate
    /// The migration run the store holds (its id, name and when it finished).
    public let run: (id: String, migratie: String, finished: String)?
    /// One row per wijkteam, in id order, then households without a wijkteam if there are any.
    public let wijkteams: [WijkteamFigures]
    /// Hulpvragen per wijkteam and verwijzer, with how many are open.
    public let verwijzers: [Referrals]

    public var total: WijkteamFigures {
        var t = WijkteamFigures(wijkteam: "totaal", naam: "")
        for w in wijkteams { t.add(w) }
        return t
    }
}

/// The figures of one wijkteam. `wijkteam` is empty for records in no wijkteam (a household
/// outside every wijk, a client without a household).
public struct WijkteamFigures: Sendable, Equatable {
    public var wijkteam: String
    public var naam: String
    public var huishoudens = 0
    /// The caseload: clients in the wijkteam's households.
    public var clienten = 0
    public var plannenActief = 0
    public var huishoudensMetPlan = 0
    /// Households with more than one active plan: the goal is one household, one plan.
    public var huishoudensMeerderePlannen = 0
    public var hulpvragen = 0
    public var hulpvragenOpen = 0
    public var voorzieningenActief = 0
    /// Group activities running on the day (welfare work).
    public var activiteiten = 0
    public var medewerkers = 0
    /// FTE in thousandths, so that sums stay exact.
    public var fteDuizendsten = 0

    public init(wijkteam: String, naam: String) {
        self.wijkteam = wijkteam
        self.naam = naam
    }

    /// Active plans per household that has one.
    public var plannenPerHuishouden: Double {
        huishoudensMetPlan == 0 ? 0 : Double(plannenActief) / Double(huishoudensMetPlan)
    }

    public var fte: Double { Double(fteDuizendsten) / 1000 }

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
public struct Referrals: Sendable, Equatable {
    public let wijkteam: String
    public let verwijzer: String
    public var hulpvragen: Int
    public var open: Int
}
