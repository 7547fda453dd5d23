import WijkModel

extension Rule {
    static let productcategorieWet = Rule(
        id: .productcategorieWet, name: "A productcategorie belongs to its law",
        rationale: "WMO020 categories are Wmo support and JZ020 categories youth care; a Wmo voorziening with a JZ020 category (or the other way round) was mapped wrongly.",
        severity: .error,
        kind: .record(entities: [.voorziening]) { record, _ in
            guard let code = record.text("productcategorie"), let wet = record.text("wet") else { return nil }
            if wet == "wmo" && CodeLists.jz020.contains(code) || wet == "jeugdwet" && CodeLists.wmo020.contains(code) {
                return Violation(field: "productcategorie", message: "productcategorie \(code) does not belong to the \(wet)", value: code)
            }
            return nil
        },
        examples: [
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "productcategorie": "02"]),
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "jeugdwet", "productcategorie": "45"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "productcategorie": "45"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "jeugdwet", "productcategorie": "01"]),
        ])
}
