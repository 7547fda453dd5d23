/// The national code lists the rules check against (DOMAIN.md §1, iWmo/iJw 3.2).
package enum CodeLists {
    /// iWmo WMO020 productcategorie: 01 Hulp bij het huishouden … 18 Overige beschermd wonen en opvang.
    package static let wmo020: Set<String> = Set((1...18).map { $0 < 10 ? "0\($0)" : "\($0)" })
    /// iJw JZ020 productcategorie: 40–55, and the older (2015) codes 31–38 that old exports still carry.
    package static let jz020: Set<String> = Set((40...55).map(String.init) + (31...38).map(String.init))
    /// Eenheid: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks (output), 83 euro's, 84 stuks (inspanning).
    package static let eenheid: Set<String> = ["01", "04", "14", "16", "82", "83", "84"]
    /// Frequentie: 1 per dag, 2 per week, 4 per maand, 6 totaal binnen de geldigheidsduur.
    package static let frequentie: Set<String> = ["1", "2", "4", "6"]
}
