import WijkModel

/// The words exports use for the canonical entities and fields, normalised (lower case, no
/// accents, letters and digits only). `scaffold` guesses with them; every guess is marked as one.
/// A word list, not an oracle: a name found here is evidence, and the values must agree.
enum Vocabulary {
    /// "Geb.datum" → "gebdatum", "E-mail" → "email", "Cliënt_ID" → "clientid".
    static func normalised(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// File names (stems) and XML record elements per entity, singular and plural.
    static let entities: [(Entity, [String])] = [
        (.team, ["team", "teams", "wijkteam", "wijkteams", "socialteam", "sociaalteam"]),
        (.medewerker, ["medewerker", "medewerkers", "personeel", "hulpverlener", "hulpverleners", "consulent", "consulenten", "staff", "employee", "employees"]),
        (.activiteit, ["activiteit", "activiteiten", "groepsactiviteit", "groepsactiviteiten", "bijeenkomst", "bijeenkomsten"]),
        (.huishouden, ["huishouden", "huishoudens", "household", "households", "gezin", "gezinnen", "adres", "adressen"]),
        (.client, ["client", "clienten", "clients", "persoon", "personen", "lid", "leden", "inwoner", "inwoners", "burger", "burgers"]),
        (.plan, ["plan", "plannen", "plans", "ondersteuningsplan", "ondersteuningsplannen", "gezinsplan", "gezinsplannen", "trajectplan"]),
        (.hulpvraag, ["hulpvraag", "hulpvragen", "melding", "meldingen", "aanmelding", "aanmeldingen", "vraag", "vragen"]),
        (.voorziening, ["voorziening", "voorzieningen", "indicatie", "indicaties", "toewijzing", "toewijzingen", "beschikking", "beschikkingen", "zorg"]),
    ]

    /// The entity a file or element name says: one of its words, or a compound ending in one
    /// ("gezinsleden", "gezinsplannen").
    static func entity(named name: String) -> Entity? {
        let n = normalised(name)
        if let exact = entities.first(where: { $0.1.contains(n) }) { return exact.0 }
        return entities.first { $0.1.contains { $0.count >= 4 && n.hasSuffix($0) } }?.0
    }

    /// Key columns per entity, most likely first (generic ones are tried after these).
    static let keys: [Entity: [String]] = [
        .team: ["teamcode", "teamid", "teamnr", "teamnummer"],
        .medewerker: ["mdw", "mdwnr", "medewerkernr", "medewerkerid", "medewerkernummer", "personeelsnummer", "personeelsnr", "mdwid"],
        .activiteit: ["activiteitid", "activiteitnr", "activiteitcode"],
        .huishouden: ["hhid", "hhnr", "huishoudenid", "huishoudennr", "huishoudnr", "gezinid", "gezinsnummer", "adresid"],
        .client: ["clientnr", "clientid", "clientnummer", "persoonid", "persoonnr", "persoonsnummer", "lidnr", "registratienummer"],
        .plan: ["plannr", "planid", "plannummer"],
        .hulpvraag: ["meldingnr", "meldingid", "meldingsnummer", "hulpvraagid", "hulpvraagnr", "vraagid"],
        .voorziening: ["indicatieid", "indicatienr", "toewijzingnr", "toewijzingnummer", "toewijzingid", "toewijzing", "voorzieningid", "voorzieningnr", "indicatie"],
    ]
    static let genericKeys = ["id", "nr", "nummer", "code", "key", "sleutel"]
    static let keySuffixes = ["id", "nr", "nummer", "code", "key", "sleutel"]

    /// Column names per field (entity-specific first, then any entity's).
    static func words(_ entity: Entity, _ field: String) -> [String] {
        (fieldWords["\(entity.rawValue).\(field)"] ?? []) + (fieldWords[field] ?? []) + [normalised(field)]
    }

    private static let fieldWords: [String: [String]] = [
        "team.naam": ["teamnaam", "naam", "omschrijving", "name", "description", "teamomschrijving"],
        "activiteit.naam": ["activiteit", "naam", "titel", "omschrijving", "name"],
        "voornaam": ["voornaam", "roepnaam", "naamvoor", "firstname", "voornamen"],
        "voornamen": ["voornamen", "voornaam", "firstnames", "firstname"],
        "achternaam": ["achternaam", "geslachtsnaam", "naamachter", "lastname", "surname", "familienaam"],
        "voorletters": ["voorletters", "initialen", "initials"],
        "voorvoegsel": ["voorvoegsel", "tussenvoegsel", "tussenvoegsels", "voorvoegsels", "prefix"],
        "email": ["email", "emailadres", "mail", "mailadres"],
        "functie": ["functie", "rol", "role", "functienaam"],
        "werkgever": ["werkgever", "organisatie", "employer", "organisation"],
        "dienstverband": ["dienstverband", "contract", "gedetacheerd", "detachering", "contractvorm"],
        "fte": ["fte", "omvangfte", "aanstelling"],
        "team": ["team", "teamid", "teamcode", "teamnr", "wijkteam"],
        "straat": ["straat", "straatnaam", "street"],
        "huisnummer": ["huisnummer", "huisnr", "nummer", "housenumber"],
        "huisletter": ["huisletter", "letter"],
        "toevoeging": ["toevoeging", "huisnummertoevoeging", "huisnrtoevoeging", "toev"],
        "postcode": ["postcode", "pc", "pc6", "zipcode"],
        "woonplaats": ["woonplaats", "plaats", "plaatsnaam", "city", "stad"],
        "bsn": ["bsn", "burgerservicenummer", "sofinummer", "bsnclient"],
        "geboortedatum": ["geboortedatum", "gebdatum", "geborenop", "geboren", "dob", "birthdate"],
        "geslacht": ["geslacht", "gender", "sekse"],
        "huishouden": ["huishouden", "huishoudenid", "hhid", "hhnr", "huishoudennr", "gezin", "gezinid"],
        "regisseur": ["regisseur", "regisseurid", "casemanager", "regievoerder", "hulpverlener", "medewerker", "medewerkerid"],
        "begeleider": ["begeleider", "begeleiderid", "medewerker", "medewerkerid"],
        "startdatum": ["startdatum", "start", "begindatum", "begin", "van", "ingangsdatum"],
        "einddatum": ["einddatum", "eind", "tot", "einde", "totdatum"],
        "status": ["status", "planstatus", "stand"],
        "meldingsdatum": ["meldingsdatum", "datummelding", "meldingdatum", "datum", "aanmelddatum"],
        "domein": ["domein", "leefgebied", "levensgebied", "thema"],
        "verwijzer": ["verwijzer", "verwezendoor", "aanmelder", "verwijzing"],
        "afgesloten_op": ["afgeslotenop", "afgesloten", "datumafsluiting", "afsluitdatum", "einddatum"],
        "wet": ["wet", "wetgeving", "regeling", "law"],
        "productcategorie": ["productcategorie", "categorie", "soort", "product", "productsoort"],
        "productcode": ["productcode", "code"],
        "volume": ["volume", "omvang", "aantal"],
        "eenheid": ["eenheid", "unit"],
        "frequentie": ["frequentie", "periode"],
        "aanbieder": ["aanbieder", "aanbiederagb", "agb", "agbcode", "zorgaanbieder"],
        "begindatum": ["begindatum", "ingangsdatum", "startdatum", "van", "start"],
        "beschikkingnummer": ["beschikkingnummer", "beschikkingnr", "beschikking", "beschikkingsnummer"],
        "toewijzingnummer": ["toewijzingnummer", "toewijzingnr", "toewijzing"],
        "toewijzingsdatum": ["toewijzingsdatum", "datumtoewijzing"],
        "reden_wijziging": ["redenwijziging"],
        "budget": ["budget"],
        "commentaar": ["commentaar", "opmerking", "toelichting"],
        "soort": ["soort", "type"],
        "locatie": ["locatie", "plek", "adres"],
        "deelnemers": ["deelnemers", "aantaldeelnemers"],
        "bron_gemeente": ["brongemeente", "gemeente", "afzender"],
    ]
}
