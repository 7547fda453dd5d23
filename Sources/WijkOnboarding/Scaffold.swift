import Foundation
import WijkCSV
import WijkModel
import WijkXML

/// A draft mapping from a source's files alone: which file (or XML records path) feeds which
/// entity, each canonical field matched to a column or XPath where the names or the values make
/// it likely, the transforms the values suggest, and a value-map file per code field with every
/// label counted and the code left for a steward. Every choice is a guess with its evidence; the
/// run itself never guesses.
package struct Scaffold: Sendable {
    /// One guessed field.
    package struct Field: Sendable {
        package let name: String
        /// What the YAML says: `Clientnr`, `{ column: Geb.datum, date: dd-MM-yyyy }`, …
        package let value: String
        package let evidence: String
    }

    package struct EntityDraft: Sendable {
        package let entity: Entity
        package let file: String
        /// XML: the records path.
        package var records: String?
        /// CSV: a dialect unlike the source's main one.
        package var csv: CSVDialect?
        package var split: [String] = []
        package var fields: [Field] = []
        package var missing: [String] = []
        package var unused: [String] = []
        package var evidence: String
    }

    package struct ValueMapDraft: Sendable {
        package let name: String
        package let file: String
        /// The codes the field takes, for the comment.
        package let codes: [String]
        package let labels: [(value: String, count: Int)]
    }

    package var name: String
    package var files: [String]
    package var csv: CSVDialect?
    package var csvEvidence: [String] = []
    package var namespaces: [(prefix: String, uri: String)] = []
    package var entities: [EntityDraft] = []
    package var valueMaps: [ValueMapDraft] = []
    package var notes: [String] = []
}

/// One table of values to match fields against: a CSV file's columns, or an XML records path's
/// leaves (its attributes and texts, those of its children, and the keys of its ancestors).
struct Candidate {
    /// How the mapping names it: the column's name, or the XPath relative to the record.
    let reference: String
    /// Normalised names it answers to (a leaf: its own name, and its parent's name with it).
    let names: [String]
    let profile: ValueProfile
    /// XML: 0 for the record's own attributes and text, more for deeper leaves.
    let depth: Int
}

extension Scaffold {
    package static func draft(files: [String], name: String, sample: Int) throws -> Scaffold {
        var draft = Scaffold(name: name, files: files.map { URL(fileURLWithPath: $0).lastPathComponent })
        var tables: [(entity: Entity, draft: EntityDraft, candidates: [Candidate], parents: [(Entity, Int)])] = []
        var csvDialects: [(dialect: CSVDialect, asciiOnly: Bool)] = []

        for path in files {
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            if Profiler.isXML(path) {
                let profile = try XMLProfile.profile(path: path, display: fileName, bytes: Profiler.size(path), sample: sample)
                var prefixes: [String: String] = [:]
                for ns in profile.namespaces {
                    var prefix = ns.prefix ?? "d"
                    while draft.namespaces.contains(where: { $0.prefix == prefix && $0.uri != ns.uri }) { prefix += "x" }
                    prefixes[ns.uri] = prefix
                    if !draft.namespaces.contains(where: { $0.uri == ns.uri }) { draft.namespaces.append((prefix, ns.uri)) }
                }
                let records = profile.recordPaths
                for record in records {
                    guard let entity = Vocabulary.entity(named: record.path.last!.name.local) else {
                        draft.notes.append("\(fileName): \(XMLProfile.text(record.path, prefixes: prefixes)) repeats \(record.count) times but its name says no entity: map it by hand if it holds one")
                        continue
                    }
                    // Records of other entities nested in these ones hold their own fields; an
                    // element named as the same entity (an Adres in a Huishouden) is part of it.
                    let others = records.filter {
                        $0.path.count > record.path.count && Array($0.path.prefix(record.path.count)) == record.path
                            && Vocabulary.entity(named: $0.path.last!.name.local) != entity
                    }
                    let candidates = xmlCandidates(profile, record: record, nested: others, prefixes: prefixes)
                    let parents = records.enumerated().compactMap { (i, r) -> (Entity, Int)? in
                        guard r.path.count < record.path.count, Array(record.path.prefix(r.path.count)) == r.path,
                              let e = Vocabulary.entity(named: r.path.last!.name.local) else { return nil }
                        return (e, record.path.count - r.path.count)
                    }
                    let evidence = "guess: <\(record.path.last!.name.local)> repeats \(record.count) times"
                    tables.append((entity, EntityDraft(entity: entity, file: fileName, records: XMLProfile.text(record.path, prefixes: prefixes), evidence: evidence),
                                   candidates, parents))
                }
            } else {
                let profile = try CSVProfile.profile(path: path, display: fileName, sample: sample)
                csvDialects.append((profile.dialect, profile.encoding.highBytes == 0))
                draft.csvEvidence.append("\(fileName): \(profile.encoding.verdict); \(profile.delimiterEvidence); \(profile.headerEvidence)")
                let stem = (fileName as NSString).deletingPathExtension
                let candidates = profile.columns.map { Candidate(reference: $0.name, names: [Vocabulary.normalised($0.name)], profile: $0.profile, depth: 0) }
                let entity = Vocabulary.entity(named: stem) ?? entityFromContent(candidates)
                guard let entity else {
                    draft.notes.append("\(fileName): neither its name nor its columns say which entity it holds: map it by hand")
                    continue
                }
                var d = EntityDraft(entity: entity, file: fileName, evidence: Vocabulary.entity(named: stem) != nil
                                    ? "guess: the file's name '\(stem)'" : "guess: its columns' names are those of \(entity.rawValue) fields")
                d.csv = profile.dialect
                tables.append((entity, d, candidates, []))
            }
        }
        // One dialect for the source when the files agree (a file of ASCII bytes only reads alike
        // in every encoding, so it takes the others'); otherwise each file declares its own.
        let encodings = Set(csvDialects.filter { !$0.asciiOnly }.map(\.dialect.encoding))
        if let first = csvDialects.first?.dialect, encodings.count <= 1 {
            let encoding = encodings.first ?? first.encoding
            func same(_ d: CSVDialect) -> CSVDialect { var d = d; d.encoding = encoding; return d }
            if csvDialects.allSatisfy({ same($0.dialect) == same(first) }) {
                draft.csv = same(first)
                for i in tables.indices { tables[i].draft.csv = nil }
            }
        }

        // A source without household records whose clients carry an address: the household is
        // made from the client file, keyed by its address as written.
        var householdTemplate: String?
        if !tables.contains(where: { $0.entity == .huishouden }), let c = tables.firstIndex(where: { $0.entity == .client && $0.draft.records == nil }) {
            let columns = tables[c].candidates
            if let pc = best(.huishouden, "postcode", columns), let nr = best(.huishouden, "huisnummer", columns) {
                householdTemplate = "{\(pc.reference)}|{\(nr.reference)}"
                var d = EntityDraft(entity: .huishouden, file: tables[c].draft.file,
                                    evidence: "guess: no household file; each client row carries an address, and the household's key is that address as written")
                d.csv = tables[c].draft.csv
                tables.append((.huishouden, d, columns, []))
            }
        }

        // Entity order (references resolve up the list); for an entity claimed twice, the
        // shallower records path first (an address inside a household is not another household),
        // then the files' order.
        tables = tables.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.entity != y.entity { return x.entity < y.entity }
            let dx = x.draft.records?.split(separator: "/").count ?? 0, dy = y.draft.records?.split(separator: "/").count ?? 0
            return dx != dy ? dx < dy : a.offset < b.offset
        }.map(\.element)
        var seen: Set<Entity> = []
        var keyColumn: [String: String] = [:]
        for i in tables.indices {
            let entity = tables[i].entity
            guard seen.insert(entity).inserted else {
                draft.notes.append("\(tables[i].draft.file): also looks like \(entity.rawValue) records; the draft maps \(tables.first { $0.entity == entity }!.draft.file)")
                continue
            }
            var d = tables[i].draft
            match(&d, candidates: tables[i].candidates, parents: tables[i].parents, tables: tables.map { ($0.entity, $0.draft) },
                  keyColumn: &keyColumn, householdTemplate: householdTemplate, maps: &draft.valueMaps, source: name)
            draft.entities.append(d)
        }
        return draft
    }

    /// The entity a CSV file's columns make likely when its name says nothing: the one with the
    /// most fields (at least three) whose names or values the columns match.
    static func entityFromContent(_ columns: [Candidate]) -> Entity? {
        var best: (Entity, Int)?
        for entity in Entity.allCases {
            let matched = entity.fields.filter { def in def.name != "sleutel" && columns.contains { (score(entity, def, $0)?.0 ?? 0) >= 30 } }.count
            if matched >= 3, matched > (best?.1 ?? 0) { best = (entity, matched) }
        }
        return best?.0
    }

    /// The leaves of an XML record: its own and its descendants' attributes and texts, not those
    /// inside records nested in it.
    static func xmlCandidates(_ profile: XMLProfile, record: XMLProfile.Node, nested: [XMLProfile.Node], prefixes: [String: String]) -> [Candidate] {
        var result: [Candidate] = []
        for node in profile.nodes where node.path.count >= record.path.count && Array(node.path.prefix(record.path.count)) == record.path {
            if nested.contains(where: { node.path.count >= $0.path.count && Array(node.path.prefix($0.path.count)) == $0.path }) { continue }
            let relative = node.path.dropFirst(record.path.count).map { XMLProfile.step(for: $0, prefixes) }
            let base = relative.joined(separator: "/")
            let depth = node.path.count - record.path.count
            let parentName = node.path.count > record.path.count ? node.path.last!.name.local : nil
            for (attribute, values) in node.attributes {
                let name = (attribute.name.uri.flatMap { prefixes[$0] }.map { "\($0):" } ?? "") + attribute.name.local
                var names = [Vocabulary.normalised(attribute.name.local)]
                if let parentName { names.append(Vocabulary.normalised(parentName + attribute.name.local)) }
                result.append(Candidate(reference: base.isEmpty ? "@\(name)" : "\(base)/@\(name)", names: names, profile: values, depth: depth))
            }
            if let text = node.text {
                var names = [Vocabulary.normalised(node.path.last!.name.local)]
                if depth == 0 { names = ["naam"] }
                else if node.path.count >= 2 { names.append(Vocabulary.normalised(node.path[node.path.count - 2].name.local + node.path.last!.name.local)) }
                result.append(Candidate(reference: base.isEmpty ? "." : base, names: names, profile: text, depth: depth))
            }
        }
        return result
    }
}
