import WijkModel
import WijkRuntime

/// A source and an entity: what the run counts per.
package struct SourceEntity: Hashable, Sendable {
    package let bron: String
    package let entity: Entity
    package init(bron: String, entity: Entity) {
        self.bron = bron
        self.entity = entity
    }
}

/// Puts the sources' mapped records side by side and builds the canonical rows:
/// clients merge on BSN, households on their normalised address, staff on their e-mail address
/// (one row per person); plans, hulpvragen and voorzieningen are namespaced per source
/// (`bron/sleutel`); old teams fold into the new
/// wijkteams through the migration file. Every row keeps every source record that made it.
///
/// Records must arrive entity by entity in `Entity` order (all sources' teams, then all staff, …),
/// so that whatever a record refers to is already known when it arrives.
/// When two records disagree on a field, the first (in input order) is the row's value and empty
/// fields are filled from later ones; detecting those disagreements as conflicts is the conflict
/// stage's job. In a folder of iStandaarden messages, read in the order they were sent, a later
/// message's toewijzing replaces the earlier one instead (which stays in the lineage).
package final class Merger: @unchecked Sendable {   // changed by one thread at a time (the merge, then the decisions); read by several at once only while nothing changes it (conflict passes, a store's read-ahead), each with its own RowFile.Reader; failures under a lock
    struct Row {
        var values: [Value?]
        var derived: [String: String]
        var herkomst: [Provenance]
        /// Each contributing record's own values, in `herkomst` order, once a second one arrives
        /// (the conflict stage compares them).
        var variants: [[Value?]] = []
    }

    private let context: MergeContext
    /// The rows themselves live in the working file; memory holds a key → offset index per
    /// entity, so that it follows the number of distinct keys, not the size of the records.
    let file: RowFile
    private var writer = ByteWriter()
    var offsets: [Entity: KeyIndex<Int>] = [:]
    /// The entity whose records are arriving; the indexes of the ones before it are frozen.
    private var arriving: Entity?
    /// Lineage rows so far per source and entity (the `herkomst` table, without the old teams),
    /// counted apart from the run's outcome counts so that the two can be compared.
    package internal(set) var lineageBySource: [SourceEntity: Int] = [:]
    var lineageCount: Int { lineageBySource.values.reduce(0, +) }
    func lineage(of entity: Entity) -> Int { lineageBySource.reduce(0) { $0 + ($1.key.entity == entity ? $1.value : 0) } }
    /// Records others refer to that were rejected, by what they are referred to by (a client's
    /// BSN; `bron` NUL `sleutel` for the others): where they were and which rule.
    private var rejectedParents: [Entity: [String: (Provenance, RuleID)]] = [:]
    /// A row that could not be decoded, the first; set by whichever thread read it.
    private let decodeFailureBox = Locked<String?>(nil)
    private var decodeFailure: String? {
        get { decodeFailureBox.withLock { $0 } }
        set { decodeFailureBox.withLock { $0 = $0 ?? newValue } }
    }
    /// Old teams folded into a wijkteam: (wijkteam id, provenance).
    private(set) var teamLineage: [(String, Provenance)] = []
    /// A source's own key for a household (`bron` NUL `sleutel`) → the canonical household id;
    /// frozen with the households' index.
    private var households = KeyIndex<String>()
    /// Staff keys already used, with where, to catch a key used twice in one source. (Other
    /// entities' rows are keyed by the namespaced key itself, so their index answers that.)
    private var staffSeen: [String: Provenance] = [:]

    /// Staff merge on their e-mail address, across sources and within one: one row per person,
    /// its FTE the total of every record merged into it (each record stays an inzet row).
    /// The first row per address with its person's normalised name and the FTE so far; a
    /// source's key that was merged into another record's row; the e-mail addresses that carry
    /// different people (their rows kept apart), and those whose total FTE is above the limit.
    private var staffByEmail: [String: (key: String, name: String, fte: Double)] = [:]
    /// A source's own staff key (`bron` NUL `sleutel`) → the row of another record it merged into.
    private var staffAlias: [String: String] = [:]
    package private(set) var staffKeptApart: [String: [String]] = [:]
    package private(set) var staffOverLimit: [String: String] = [:]

    static let fteIndex = Entity.medewerker.fields.firstIndex { $0.name == "fte" }!
    static let teamIndex = Entity.medewerker.fields.firstIndex { $0.name == "team" }!
    static let voornaamIndex = Entity.medewerker.fields.firstIndex { $0.name == "voornaam" }!
    static let achternaamIndex = Entity.medewerker.fields.firstIndex { $0.name == "achternaam" }!
    static let bronGemeenteIndex = Entity.voorziening.fields.firstIndex { $0.name == "bron_gemeente" }!

    /// `GM1952` or `1952` → `GM1952`; nil for anything else.
    static func gemeenteCode(_ text: String) -> String? {
        let digits = text.hasPrefix("GM") ? String(text.dropFirst(2)) : text
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "GM" + digits
    }

    /// Every gemeente a voorziening was issued by (the store's gemeente table must hold them).
    package private(set) var gemeenten: Set<String> = []

    /// A source's own key, made unique across sources.
    static func sourceKey(_ bron: String, _ key: String) -> String { "\(bron)\u{0}\(key)" }

    /// Throws `MergeError` when its working file cannot be made (in `workFolder`, else `$TMPDIR`,
    /// else `/tmp`).
    package init(context: MergeContext, workFolder: String? = nil) throws {
        self.context = context
        file = try RowFile(folder: workFolder)
    }

    /// Why the merge cannot go on (its working file failed), or nil. The pipeline checks it after
    /// each stage; a table being read throws it.
    package var failure: String? { file.failure ?? decodeFailure }

    /// A whole row: its head, and every contribution in arrival order (the variants once there
    /// are two or more).
    func load(_ entity: Entity, _ key: String, via reader: RowFile.Reader? = nil) -> Row? {
        offsets[entity]?[key].flatMap { load(at: $0, via: reader) }
    }

    /// The row whose head is at `offset`.
    func load(at offset: Int, via reader: RowFile.Reader? = nil) -> Row? {
        guard let head = loadHead(at: offset, via: reader), let chain = contributions(head, values: true, via: reader) else { return nil }
        return Row(values: head.values, derived: head.derived, herkomst: chain.map(\.provenance),
                   variants: chain.count > 1 ? chain.map(\.values) : [])
    }

    func loadHead(_ entity: Entity, _ key: String, via reader: RowFile.Reader? = nil) -> Head? {
        load(entity, key, via: reader) { try Head.decode($0) }
    }

    func loadHead(at offset: Int, via reader: RowFile.Reader? = nil) -> Head? {
        load(at: offset, via: reader) { try Head.decode($0) }
    }

    /// A row's source records, in arrival order.
    func herkomst(_ entity: Entity, _ key: String, via reader: RowFile.Reader? = nil) -> [Provenance]? {
        offsets[entity]?[key].flatMap { herkomst(at: $0, via: reader) }
    }

    func herkomst(at offset: Int, via reader: RowFile.Reader? = nil) -> [Provenance]? {
        guard let head = loadHead(at: offset, via: reader) else { return nil }
        return contributions(head, values: false, via: reader)?.map(\.provenance)
    }

    /// The chain of a head's contributions, first to last.
    private func contributions(_ head: Head, values: Bool, via reader: RowFile.Reader?) -> [Contribution]? {
        var chain: [Contribution] = []
        chain.reserveCapacity(head.count)
        var next: Int? = head.last
        while let offset = next {
            guard let bytes = file.read(offset, via: reader) else { return nil }
            do {
                let c = try Contribution.decode(bytes, values: values)
                chain.append(c)
                next = c.previous
            } catch {
                decodeFailure = decodeFailure ?? "the merge's working file was damaged under the run"
                return nil
            }
        }
        guard chain.count == head.count else {
            decodeFailure = decodeFailure ?? "the merge's working file was damaged under the run"
            return nil
        }
        return chain.reversed()
    }

    /// Reads a row's bytes and decodes what `decode` needs of them.
    func load<T>(_ entity: Entity, _ key: String, via reader: RowFile.Reader? = nil, _ decode: ([UInt8]) throws -> T) -> T? {
        offsets[entity]?[key].flatMap { load(at: $0, via: reader, decode) }
    }

    func load<T>(at offset: Int, via reader: RowFile.Reader? = nil, _ decode: ([UInt8]) throws -> T) -> T? {
        guard let bytes = file.read(offset, via: reader) else { return nil }
        do {
            return try decode(bytes)
        } catch {
            decodeFailure = decodeFailure ?? "the merge's working file was damaged under the run"
            return nil
        }
    }

    /// Writes a head (its contributions are already in the file).
    private func save(_ entity: Entity, _ key: String, _ head: Head) {
        writer.clear()
        head.encode(into: &writer)
        offsets[entity, default: KeyIndex<Int>()].set(key, file.append(writer.bytes))
    }

    /// Appends a source record's contribution after the head's last; the head then points at it.
    private func contribute(_ head: inout Head, _ p: Provenance, _ values: [Value?]) {
        writer.clear()
        Contribution(previous: head.count == 0 ? nil : head.last, provenance: p, values: values).encode(into: &writer)
        head.last = file.append(writer.bytes)
        head.count += 1
    }

    /// Adds one mapped record; returns what became of it and any warnings about it.
    package func add(_ record: MappedRecord) -> (MergeOutcome, [Finding]) {
        if arriving != record.entity {
            // The records of the entities before this one are all in: their indexes shrink.
            for entity in Entity.allCases where entity < record.entity { offsets[entity]?.freeze() }
            if record.entity > .huishouden { households.freeze() }
            arriving = record.entity
        }
        let p = record.provenance
        func reject(_ rule: RuleID, _ message: String, field: String? = nil, value: String? = nil, personal: Bool = false) -> (MergeOutcome, [Finding]) {
            let rejection = Rejection(finding: Finding(severity: .error, rule: rule, entiteit: record.entity, provenance: p, veld: field,
                                                       melding: message, waarde: value, waardeIsPersoonlijk: personal),
                                      raw: record.raw, subject: record.subject)
            noteRejected(rejection)
            return (.rejected(rejection), [])
        }
        var values = record.values
        var derived: [String: String] = [:]
        var warnings: [Finding] = []
        var superseding = false

        // Resolve references into canonical keys.
        for (index, def) in record.entity.fields.enumerated() {
            guard case .reference(let target, _) = def.role, let value = values[index] else { continue }
            let text = value.canonicalText
            switch target {
            case .team:
                guard let wijkteam = context.teams[p.bron]?[text] else {
                    return reject(.referenceTeam, "team is not mapped to a wijkteam in the migration file (teams of source \(p.bron))",
                                  field: def.name, value: text)
                }
                values[index] = .text(wijkteam)
            case .huishouden:
                guard let id = households[Merger.sourceKey(p.bron, text)] else {
                    if let why = rejectedParent(.huishouden, Merger.sourceKey(p.bron, text)) {
                        return reject(.referenceRejected, "its huishouden was rejected: \(why)", field: def.name, value: text)
                    }
                    return reject(.referenceHuishouden, "no huishouden with this key in source \(p.bron)", field: def.name, value: text)
                }
                values[index] = .text(id)
            case .medewerker:
                let key = staffAlias[Merger.sourceKey(p.bron, text)] ?? "\(p.bron)/\(text)"
                guard offsets[.medewerker]?[key] != nil else {
                    if let why = rejectedParent(.medewerker, Merger.sourceKey(p.bron, text)) {
                        return reject(.referenceRejected, "its medewerker was rejected: \(why)", field: def.name, value: text)
                    }
                    return reject(.referenceMedewerker, "no medewerker with this key in source \(p.bron)", field: def.name, value: text)
                }
                values[index] = .text(key)
            case .client:
                guard offsets[.client]?[text] != nil else {
                    if let why = rejectedParent(.client, text) {
                        return reject(.referenceRejected, "the client with this BSN was rejected: \(why)", field: def.name, value: text, personal: true)
                    }
                    return reject(.referenceClient, "no client with this BSN in any source (an orphan)",
                                  field: def.name, value: text, personal: true)
                }
            default:
                continue
            }
        }

        let key: String
        switch record.entity.identity {
        case .mappedToWijkteam:
            guard let sleutel = p.bronSleutel, let wijkteam = context.teams[p.bron]?[sleutel] else {
                return reject(.referenceTeam, "old team is not mapped to a wijkteam in the migration file (teams of source \(p.bron))",
                              field: "sleutel", value: p.bronSleutel)
            }
            teamLineage.append((wijkteam, p))
            return (.merged, [])
        case .bsn:
            guard case .bsn(let bsn)? = record["bsn"] else { return reject(.requiredField, "client needs 'bsn'", field: "bsn") }
            key = bsn.value
        case .address:
            guard case .postcode(let postcode)? = record["postcode"], case .integer(let nummer)? = record["huisnummer"] else {
                return reject(.requiredField, "huishouden needs 'postcode' and 'huisnummer'")
            }
            let letter = record.text("huisletter")?.uppercased() ?? ""
            let toevoeging = record.text("toevoeging")?.uppercased() ?? ""
            key = "\(postcode.value)-\(nummer)" + (letter.isEmpty && toevoeging.isEmpty ? "" : "-\(letter)") + (toevoeging.isEmpty ? "" : "-\(toevoeging)")
            if let sleutel = p.bronSleutel {
                let sourceKey = Merger.sourceKey(p.bron, sleutel)
                if let earlier = households[sourceKey], earlier != key {
                    return reject(.keyDuplicate, "the source uses this huishouden key for another address too", field: "sleutel", value: sleutel)
                }
                households.set(sourceKey, key)
            }
            if let place = context.place(postcode, nummer) {
                derived["wijk"] = place.wijk
                derived["wijkteam"] = context.wijkteam(place.wijk)
                if let buurt = place.buurt { derived["buurt"] = buurt }
            } else {
                warnings.append(Finding(severity: .warning, rule: .wijkUnknown, entiteit: .huishouden, provenance: p, veld: "postcode",
                                        melding: "the postcode lies in no wijk of the new gemeente: conflict wijk.onbekend (a steward places it in a wijk, loads it without wijk, or rejects it)",
                                        waarde: postcode.value))
            }
        case .namespacedSourceKey:
            guard let sleutel = p.bronSleutel else { return reject(.requiredField, "\(record.entity.rawValue) needs 'sleutel'", field: "sleutel") }
            let ownKey = "\(p.bron)/\(sleutel)"
            let earlier = record.entity == .medewerker ? staffSeen[ownKey] : herkomst(record.entity, ownKey)?.first
            superseding = earlier != nil && record.entity == .voorziening && context.messageSources.contains(p.bron)
            if let earlier, !superseding {
                return reject(.keyDuplicate, "this key is already used by the record at \(earlier.bestand) \(earlier.locatie)",
                              field: "sleutel", value: sleutel)
            }
            if record.entity == .medewerker { staffSeen[ownKey] = p }
            key = record.entity == .medewerker ? staffKey(ownKey, record: record, values: values) : ownKey
            if record.entity == .voorziening {
                // The gemeente that issued it: the record's own (a message's sender), else the source's.
                let i = Merger.bronGemeenteIndex
                if let own = values[i]?.canonicalText {
                    guard let code = Merger.gemeenteCode(own) else {
                        return reject(.bronGemeenteCode, "not a gemeentecode (four digits, or GM and four digits)", field: "bron_gemeente", value: own)
                    }
                    values[i] = .text(code)
                } else if let gemeente = context.bronGemeente[p.bron] {
                    values[i] = .text(gemeente)
                }
                if case .text(let code)? = values[i] { gemeenten.insert(code) }
            }
        }

        lineageBySource[SourceEntity(bron: p.bron, entity: record.entity), default: 0] += 1
        if superseding, var head = loadHead(record.entity, key) {
            // A later message about the same toewijzing: it decides; the earlier stays in the lineage.
            head.values = values
            head.derived = derived
            contribute(&head, p, values)
            save(record.entity, key, head)
            return (.merged, warnings)
        }
        if var head = loadHead(record.entity, key) {
            for i in head.values.indices where head.values[i] == nil {
                head.values[i] = values[i]
            }
            for (k, v) in derived where head.derived[k] == nil { head.derived[k] = v }
            if record.entity == .medewerker, let email = record.text("email")?.lowercased(), let total = staffByEmail[email]?.fte {
                // One person in one wijkteam with a part-time appointment in each source: the FTEs add up.
                head.values[Merger.fteIndex] = .decimal((total * 1000).rounded() / 1000)
            }
            contribute(&head, p, values)
            save(record.entity, key, head)
            return (.merged, warnings)
        }
        var head = Head(values: values, derived: derived, count: 0, last: 0)
        contribute(&head, p, values)
        save(record.entity, key, head)
        return (.loaded, warnings)
    }

    /// Where a medewerker goes: the row of the first record with the same e-mail address (one
    /// person, whatever the source or wijkteam), unless the names differ — then two people share
    /// an address, and the row is kept apart for a steward. A total FTE above the limit is noted
    /// for the conflict stage.
    private func staffKey(_ ownKey: String, record: MappedRecord, values: [Value?]) -> String {
        guard let email = record.text("email")?.lowercased(), !email.isEmpty else { return ownKey }
        let fte: Double
        if case .decimal(let d)? = record["fte"] { fte = d } else { fte = 0 }
        let name = Merger.personName(values)
        guard let first = staffByEmail[email] else {
            staffByEmail[email] = (ownKey, name, fte)
            return ownKey
        }
        guard first.name == name else {
            staffKeptApart[email, default: [first.key]].append(ownKey)
            return ownKey
        }
        let total = first.fte + fte
        staffByEmail[email] = (first.key, name, total)
        staffAlias[Merger.sourceKey(record.provenance.bron, record.provenance.bronSleutel ?? "")] = first.key
        if total > context.maxFTE + 1e-9 { staffOverLimit[email] = first.key }
        return first.key
    }

    /// A person's name as two records of one person write it: letters only, lower case, without
    /// diacritics (`Hélène  de Vries` and `helene de vries` are one name).
    static func personName(_ values: [Value?]) -> String {
        let text = [values[voornaamIndex], values[achternaamIndex]].compactMap { $0?.canonicalText }.joined(separator: " ")
        return String(String.UnicodeScalarView(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.isAlphabetic
        })).lowercased()
    }

    // MARK: - Rejected records that others refer to

    /// Remembers a rejected client, household or medewerker, so that a record referring to it is
    /// told it was rejected (and where and why) rather than that it does not exist.
    package func noteRejected(_ rejection: Rejection) {
        let f = rejection.finding
        guard [.client, .huishouden, .medewerker].contains(f.entiteit), let subject = rejection.subject, !subject.isEmpty else { return }
        let key = f.entiteit == .client ? subject : Merger.sourceKey(f.provenance.bron, subject)
        if rejectedParents[f.entiteit]?[key] == nil { rejectedParents[f.entiteit, default: [:]][key] = (f.provenance, f.rule) }
    }

    private func rejectedParent(_ entity: Entity, _ key: String) -> String? {
        guard let (p, rule) = rejectedParents[entity]?[key] else { return nil }
        return "\(p.bestand) \(p.locatie) (\(rule))"
    }

    // MARK: - Changes the conflict stage makes (steward decisions, records kept out)

    /// Every record is in: the indexes shrink to their compact, sorted form.
    package func finishReading() {
        for entity in Entity.allCases { offsets[entity]?.freeze() }
        households.freeze()
        arriving = nil
    }

    /// Sets a field of a row (a steward's decision); `false` if there is no such row or field.
    @discardableResult
    package func set(_ entity: Entity, key: String, field: String, to value: Value?) -> Bool {
        guard var head = loadHead(entity, key), let i = entity.fields.firstIndex(where: { $0.name == field }) else { return false }
        head.values[i] = value
        save(entity, key, head)
        return true
    }

    package func setDerived(_ entity: Entity, key: String, _ name: String, to value: String?) {
        guard var head = loadHead(entity, key) else { return }
        head.derived[name] = value
        save(entity, key, head)
    }

    package func exists(_ entity: Entity, key: String) -> Bool { offsets[entity]?[key] != nil }
}
