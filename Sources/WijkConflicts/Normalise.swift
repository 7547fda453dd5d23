import WijkModel

/// How values are compared across sources: the differences that are only spelling do not count.
enum Normalise {
    /// The full surname with its voorvoegsel, lower case, single spaces: `van der Berg` whether
    /// the voorvoegsel is a field of its own or written inside the achternaam.
    static func surname(voorvoegsel: String?, achternaam: String?) -> String? {
        let joined = [voorvoegsel, achternaam].compactMap { $0 }.joined(separator: " ")
        let words = joined.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Voorletters without dots and spaces, upper case: `J.H.` = `JH` = `j h`.
    static func initials(_ text: String?) -> String? {
        guard let text else { return nil }
        let letters = text.uppercased().filter { $0.isLetter }
        return letters.isEmpty ? nil : letters
    }

    /// A birth date, where 1900-01-01 (the placeholder for unknown, IV009) counts as no date.
    static func birthDate(_ value: Value?) -> CivilDate? {
        guard case .date(let d)? = value, !(d.year == 1900 && d.month == 1 && d.day == 1) else { return nil }
        return d
    }

    /// Two known values that differ; an unknown one differs from nothing.
    static func differ<T: Equatable>(_ values: [T?]) -> Bool {
        Set(values.compactMap { $0 }.map { "\($0)" }).count > 1
    }
}

/// Field positions by name, for reading rows' value arrays.
enum MappedRecordFields {
    static func index(_ entity: Entity, _ field: String) -> Int {
        entity.fields.firstIndex { $0.name == field }!
    }
}
