import Foundation

/// Every word the workspace shows a steward, in one place: stewards are municipal staff and the
/// pages speak Dutch. An English workspace is another value of this type, not a rewrite.
package struct Woorden: Sendable {
    package var titel = "Werkplaats"
    package var overzicht = "Overzicht"
    package var conflicten = "Conflicten"
    package var afwijzingen = "Afwijzingen"
    package var bron = "Bron"
    package var bronnen = "Bronnen"
    package var entiteit = "Entiteit"
    package var gelezen = "gelezen"
    package var geladen = "geladen"
    package var samengevoegd = "samengevoegd"
    package var afgewezen = "afgewezen"
    package var totaal = "totaal"
    package var soort = "Soort"
    package var status = "Status"
    package var wijkteam = "Wijkteam"
    package var open = "open"
    package var besloten = "besloten"
    package var naamruimte = "opgelost door naamruimte"
    package var alle = "alle"
    package var filter = "Filter"
    package var regel = "Regel"
    package var bestand = "Bestand"
    package var plek = "Plek"
    package var melding = "Melding"
    package var ruweRegel = "Ruwe regel"
    package var sleutel = "Sleutel"
    package var waarden = "Waarden"
    package var verschilt = "verschilt"
    package var herkomst = "Herkomst"
    package var besluit = "Besluit"
    package var besluitNemen = "Besluit nemen"
    package var wie = "Wie"
    package var waarom = "Waarom"
    package var waaromVerplicht = "Schrijf waarom: een besluit zonder reden wordt niet opgeslagen."
    package var opslaan = "Besluit opslaan"
    package var herstellen = "Besluit intrekken"
    package var kiesWijk = "kies een wijk"
    package var geenConflicten = "Geen conflicten met deze filter."
    package var geenAfwijzingen = "Geen afwijzingen met deze filter."
    package var conflictenPerSoort = "Conflicten per soort"
    package var afwijzingenPerRegel = "Afwijzingen per regel"
    package var recordsPerBron = "Records per bron"
    package var recordsPerBronEnEntiteit = "Records per bron en entiteit"
    package var herberekeningLoopt = "Herberekening loopt…"
    package var herberekeningKlaar = "Bijgewerkt"
    package var herberekeningMislukt = "De herberekening is mislukt"
    package var laatsteBesluit = "Laatste besluit"
    package var gesloten = "gesloten"
    package var geopend = "geopend"
    package var opgeslagen = "Het besluit is opgeslagen in"
    package var ingetrokken = "Het besluit is ingetrokken in"
    package var verouderd = "Niet opgeslagen: het besluit op dit conflict is intussen veranderd (in een ander tabblad of in een editor). Er is niets overschreven; hieronder staat wat er nu staat. Kijk ernaar en besluit opnieuw."
    package var tussentijdsGewijzigd = "Niet opgeslagen: het besluitenbestand veranderde terwijl het werd geschreven (een editor?). Er is niets overschreven; probeer het opnieuw."
    package var ongeldig = "Niet opgeslagen: het besluitenbestand zou niet meer kloppen"
    package var geenToegang = "Geen toegang: open de werkplaats met de link die bij het starten werd getoond."
    package var verbodenHerkomst = "Geweigerd: dit formulier kwam niet van de werkplaats zelf."
    package var nietGevonden = "Niet gevonden."
    package var geenKeuze = "Kies een van de besluiten."
    package var gemaskeerd = "BSN's en namen zijn gemaskeerd."
    /// What stands where a personal value is masked.
    package var verborgen = "(verborgen)"
    package var stewardOnbekend = "(geen --steward opgegeven)"
    package var geenBesluitNodig = "Dit conflict lost de naamruimte op: er valt niets te besluiten."
    package var ruweRegelsOnbekend = "De ruwe regels zijn niet te lezen."

    /// What each kind of conflict is, in a steward's words.
    package var soorten: [String: String] = [
        "client.identiteit": "Hetzelfde BSN met een andere geboortedatum of naam in de bronnen",
        "client.adres": "Hetzelfde BSN woont op verschillende adressen in verschillende bronnen",
        "huishouden.plannen": "Een huishouden met meer dan één actief plan, of plannen met verschillende regisseurs",
        "voorziening.overlap": "Dezelfde voorziening voor hetzelfde BSN in overlappende periodes uit verschillende bronnen",
        "medewerker.dubbel": "Dezelfde medewerker in meerdere bronnen: samen te veel fte, of in teams van verschillende wijkteams",
        "wijk.onbekend": "Een huishouden met een postcode die in geen wijk van de nieuwe gemeente valt",
        "sleutel.botsing": "Dezelfde sleutel betekent in verschillende bronnen iets anders",
    ]

    /// A decision in words, from its action as besluiten.yml writes it.
    package func keuze(_ action: String) -> String {
        func value(after prefix: String) -> String {
            String(action.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " []{}\""))
        }
        if action.hasPrefix("kies: ") { return "Houd de gegevens van \(value(after: "kies: ")) aan" }
        if action.hasPrefix("wijs_af: ") { return "Wijs \(value(after: "wijs_af: ").replacingOccurrences(of: "\", \"", with: ", ")) af (en wat ernaar verwijst)" }
        if action.hasPrefix("beide: ") { return "Houd beide: het zijn er echt twee (of laad zoals het is)" }
        if action.hasPrefix("zet: { wijk:") { return "Plaats het huishouden in een wijk van de nieuwe gemeente" }
        if action.hasPrefix("zonder_wijk: ") { return "Laad het zonder wijk en wijkteam (een archiefrecord)" }
        return action
    }

    package static let nl = Woorden()
}
