import WijkModel

extension Rule {
    static let productcategorieCode = Rule(
        id: .productcategorieCode, name: "A productcategorie is in WMO020 or JZ020",
        rationale: "The productcategorie is the shared join between former gemeenten (their product codes are local), so it must come from the national lists iWmo WMO020 (01–18) or iJw JZ020 (40–55, and the 2015 codes 31–38).",
        severity: .error,
        kind: .record(entities: [.voorziening]) { record, _ in
            guard let code = record.text("productcategorie") else { return nil }
            if CodeLists.wmo020.contains(code) || CodeLists.jz020.contains(code) { return nil }
            return Violation(field: "productcategorie", message: "not a productcategorie of WMO020 or JZ020", value: code)
        },
        examples: [
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "productcategorie": "01"]),
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "jeugdwet", "productcategorie": "31"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "productcategorie": "19"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "productcategorie": "1"]),
        ])
}
