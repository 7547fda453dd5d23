import WijkModel

extension Rule {
    static let bsnTestRange = Rule(
        id: .bsnTestRange, name: "A BSN from the test range in production data",
        rationale: "999900006–999999990 are test BSNs of the iStandaarden; in a production export they are test records left behind.",
        severity: .warning,
        kind: .record(entities: [.client]) { record, _ in
            guard case .bsn(let bsn)? = record["bsn"], bsn.isTestNumber else { return nil }
            return Violation(field: "bsn", message: "a test BSN (from the iStandaarden test range) in production data", value: bsn.value, personal: true)
        },
        examples: [
            .passes(.client, ["bsn": "123456782", "achternaam": "Bakker"]),
            .fails(.client, ["bsn": "999900006", "achternaam": "Wit"]),
        ])
}
