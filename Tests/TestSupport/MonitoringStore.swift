import WijkModel

/// A small hand-made store content whose monitoring figures are known by heart: two wijkteams,
/// households with zero, one and two active plans, hulpvragen open and closed from several
/// verwijzers, voorzieningen past, present and future, staff with FTEs (one of them on two inzet rows of one wijkteam), and a client without a
/// household. Loaded into SQLite and PostgreSQL, both must give the same figures on 2017-06-30.
public enum MonitoringStore {
    static func t(_ s: String?) -> StoreValue { s.map { .text($0) } ?? .null }

    public static let tables: [TableData] = [
        TableData(name: "gemeente", columns: ["code", "naam", "opgeheven_op", "opgegaan_in"], rows: [[t("GM0505"), t("Dordrecht"), .null, .null]]),
        TableData(name: "wijk", columns: ["code", "naam", "gemeente"], rows: [
            [t("WK050501"), t("Binnenstad"), t("GM0505")], [t("WK050502"), t("Noord"), t("GM0505")]]),
        TableData(name: "wijkteam", columns: ["id", "naam", "gemeente", "locatie", "email", "telefoon"], rows: [
            [t("wt-a"), t("Wijkteam A"), t("GM0505"), .null, .null, .null], [t("wt-b"), t("Wijkteam B"), t("GM0505"), .null, .null, .null]]),
        TableData(name: "wijkteam_wijk", columns: ["wijkteam", "wijk"], rows: [[t("wt-a"), t("WK050501")], [t("wt-b"), t("WK050502")]]),
        TableData(name: "medewerker", columns: ["id", "achternaam", "fte", "wijkteam"], rows: [
            [t("s/1"), t("Een"), .real(0.8), t("wt-a")], [t("s/2"), t("Twee"), .real(0.9), t("wt-a")], [t("s/3"), t("Drie"), .real(0.6), t("wt-b")]]),
        TableData(name: "medewerker_inzet", columns: ["medewerker", "wijkteam", "fte", "bron"], rows: [
            [t("s/1"), t("wt-a"), .real(0.8), t("s")], [t("s/2"), t("wt-a"), .real(0.5), t("s")], [t("s/2"), t("wt-a"), .real(0.4), t("t")],
            [t("s/3"), t("wt-b"), .real(0.6), t("s")]]),
        TableData(name: "activiteit", columns: ["id", "naam", "wijkteam", "begeleider", "startdatum", "einddatum"], rows: [
            [t("a1"), t("Koffieochtend"), t("wt-b"), t("s/3"), t("2017-01-01"), .null],
            [t("a2"), t("Cursus"), t("wt-b"), t("s/3"), t("2016-01-01"), t("2016-06-30")]]),                 // over before the day
        TableData(name: "huishouden", columns: ["id", "huisnummer", "postcode", "wijk", "wijkteam"], rows: [
            [t("h1"), .integer(1), t("3311AA"), t("WK050501"), t("wt-a")],
            [t("h2"), .integer(2), t("3311AA"), t("WK050501"), t("wt-a")],
            [t("h3"), .integer(3), t("3312AA"), t("WK050502"), t("wt-b")]]),
        TableData(name: "client", columns: ["bsn", "achternaam", "huishouden"], rows: [
            [t("111111110"), t("A"), t("h1")], [t("222222220"), t("B"), t("h1")], [t("333333330"), t("C"), t("h2")],
            [t("444444440"), t("D"), t("h3")], [t("555555550"), t("E"), .null]]),
        TableData(name: "plan", columns: ["id", "huishouden", "regisseur", "startdatum", "einddatum", "status"], rows: [
            [t("p1"), t("h1"), t("s/1"), t("2016-01-01"), .null, t("actief")],
            [t("p2"), t("h1"), t("s/2"), t("2017-01-01"), t("2017-12-31"), t("actief")],     // h1: two active plans
            [t("p3"), t("h2"), t("s/1"), t("2016-01-01"), t("2016-12-31"), t("actief")],     // ended before the day
            [t("p4"), t("h2"), t("s/1"), t("2016-01-01"), .null, t("afgesloten")],           // closed by its status
            [t("p5"), t("h3"), t("s/3"), t("2017-03-01"), .null, .null],
            [t("p6"), t("h3"), t("s/3"), t("2017-09-01"), .null, .null]]),                   // not begun yet
        TableData(name: "hulpvraag", columns: ["id", "bsn", "meldingsdatum", "verwijzer", "status", "afgesloten_op"], rows: [
            [t("v1"), t("111111110"), t("2017-01-01"), t("huisarts"), t("open"), .null],
            [t("v2"), t("222222220"), t("2017-02-01"), t("huisarts"), t("afgesloten"), t("2017-05-01")],
            [t("v3"), t("333333330"), t("2017-02-01"), t("school"), t("afgesloten"), .null],       // closed by its status
            [t("v4"), t("444444440"), t("2017-03-01"), .null, t("open"), .null],
            [t("v5"), t("555555550"), t("2017-03-01"), t("zelf"), t("open"), .null],             // no household: no wijkteam
            [t("v6"), t("111111110"), t("2017-08-01"), t("zelf"), t("open"), .null]]),           // reported after the day
        TableData(name: "voorziening", columns: ["id", "bsn", "wet", "begindatum", "einddatum", "bron_gemeente"], rows: [
            [t("z1"), t("111111110"), t("wmo"), t("2017-01-01"), t("2017-12-31"), t("GM0505")],
            [t("z2"), t("333333330"), t("wmo"), t("2016-01-01"), t("2016-12-31"), t("GM0505")],
            [t("z3"), t("444444440"), t("jeugdwet"), t("2017-07-01"), .null, t("GM0505")],
            [t("z4"), t("555555550"), t("participatiewet"), t("2017-01-01"), .null, t("GM0505")]]),
    ]

    /// stats.csv for these tables on 2017-06-30.
    public static let expectedCSV = "\u{FEFF}"
        + "wijkteam;naam;huishoudens;clienten;plannen_actief;plannen_per_huishouden;huishoudens_meer_dan_een_plan;hulpvragen;hulpvragen_open;voorzieningen_actief;activiteiten;medewerkers;fte\r\n"
        + "wt-a;Wijkteam A;2;3;2;2,00;1;3;1;1;0;2;1,70\r\n"
        + "wt-b;Wijkteam B;1;1;1;1,00;0;1;1;0;1;1;0,60\r\n"
        + ";(geen wijkteam);0;1;0;0,00;0;1;1;1;0;0;0,00\r\n"
        + "totaal;;3;5;3;1,50;1;5;3;2;1;3;2,30\r\n"

    public static let expectedVerwijzers = "\u{FEFF}wijkteam;verwijzer;hulpvragen;open\r\n"
        + "wt-a;huisarts;2;1\r\nwt-a;school;1;0\r\nwt-b;(onbekend);1;1\r\n;zelf;1;1\r\n"
}
