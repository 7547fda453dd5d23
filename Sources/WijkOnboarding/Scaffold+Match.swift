import Foundation
import WijkCSV
import WijkModel

extension Scaffold {
    /// Matches an entity's fields to a table's candidates; records what each guess rests on.
    static func match(_ d: inout EntityDraft, candidates: [Candidate], parents: [(Entity, Int)], tables: [(Entity, EntityDraft)],
                      keyColumn: inout [String: String], householdTemplate: String?, maps: inout [ValueMapDraft], source: String) {
        let entity = d.entity
        let isXML = d.records != nil
        let key = isXML ? "xpath" : "column"
        var used: Set<String> = []
        var assigned: [String: Field] = [:]

        func plain(_ reference: String) -> String { yamlScalar(reference) }
        func up(_ levels: Int, _ reference: String) -> String { String(repeating: "../", count: levels) + reference }

        // The household made from the client file: keyed by the address as written, the house
        // number split into its parts when the values carry letters or additions.
        if entity == .huishouden, let template = householdTemplate, !isXML {
            assigned["sleutel"] = Field(name: "sleutel", value: "{ template: \(yamlScalar(template)) }",
                                        evidence: "guess: the address as the client file writes it")
        } else if let k = bestKey(entity, candidates, file: d.file) {
            assigned["sleutel"] = Field(name: "sleutel", value: plain(k.candidate.reference), evidence: "guess: \(k.why)")
            used.insert(k.candidate.reference)
        }
        if let s = assigned["sleutel"] { keyColumn["\(entity.rawValue).sleutel"] = s.value }

        for def in entity.fields where assigned[def.name] == nil && def.name != "sleutel" {
            // References to a record the XML nests this one in: the ancestor's own field.
            if isXML, case .reference(let target, _) = def.role, let parent = parents.first(where: { $0.0 == target }),
               candidates.first(where: { c in Vocabulary.words(entity, def.name).contains { c.names.contains($0) } && c.depth == 0 }) == nil {
                let field = target == .client ? "bsn" : "sleutel"
                if let ref = keyColumn["\(target.rawValue).\(field)"], !ref.hasPrefix("{") {
                    let unquoted = ref.hasPrefix("\"") ? String(ref.dropFirst().dropLast()) : ref
                    assigned[def.name] = Field(name: def.name, value: yamlScalar(up(parent.1, unquoted)),
                                               evidence: "guess: the \(target.rawValue) these records are nested in")
                    continue
                }
            }
            // A household referred to by the address, as the household itself is keyed.
            if def.name == "huishouden", householdTemplate != nil, !isXML,
               let pc = best(.huishouden, "postcode", candidates), let nr = best(.huishouden, "huisnummer", candidates) {
                assigned[def.name] = Field(name: def.name, value: "{ template: \(yamlScalar("{\(pc.reference)}|{\(nr.reference)}")) }",
                                           evidence: "guess: the household's key is its address as written")
                continue
            }
            // A household referred to by the key column of the household file.
            if def.name == "huishouden", !isXML, let hhKey = keyColumn["huishouden.sleutel"], !hhKey.hasPrefix("{"),
               let c = candidates.first(where: { $0.names.contains(Vocabulary.normalised(hhKey)) }) {
                assigned[def.name] = Field(name: def.name, value: plain(c.reference), evidence: "guess: named as the household file's key column")
                used.insert(c.reference)
                continue
            }
        }

        // Every other field: the best-scoring candidate, highest scores first.
        var pairs: [(def: FieldDefinition, candidate: Candidate, score: Int, why: String)] = []
        for def in entity.fields where assigned[def.name] == nil && def.name != "sleutel" {
            for c in candidates {
                if let (score, why) = score(entity, def, c) { pairs.append((def, c, score, why)) }
            }
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : $0.candidate.depth < $1.candidate.depth }
        for p in pairs where assigned[p.def.name] == nil {
            let exact = p.why.hasPrefix("the name")
            if used.contains(p.candidate.reference) && !exact { continue }
            assigned[p.def.name] = fieldText(p.def, p.candidate, key: key, why: p.why, entity: entity, maps: &maps, source: source)
            used.insert(p.candidate.reference)
        }

        // A house number with letters or additions in it: split into its parts.
        if entity == .huishouden, let nr = best(.huishouden, "huisnummer", candidates), !nr.profile.allIntegers, !isXML,
           assigned["huisletter"] == nil || assigned["toevoeging"] == nil {
            d.split = ["column: \(yamlScalar(nr.reference))",
                       "pattern: '^(\\d+)\\s*([A-Za-z]?)(?:[-\\s/]+(\\w{1,4}))?$'    # every part after the number may be empty",
                       "into: [nummer, letter, toevoeging]"]
            let why = "guess: '\(nr.reference)' holds letters or additions (\(nr.profile.top(3).map { $0.value }.joined(separator: ", ")), …): split"
            assigned["huisnummer"] = Field(name: "huisnummer", value: "nummer", evidence: why)
            assigned["huisletter"] = Field(name: "huisletter", value: "{ column: letter, transforms: [upper] }", evidence: why)
            assigned["toevoeging"] = Field(name: "toevoeging", value: "{ column: toevoeging, transforms: [upper] }", evidence: why)
        }

        // No column for the law: in a source that labels its products, the law follows from the
        // product, through a value map of the same labels.
        if entity == .voorziening, assigned["wet"] == nil, let product = pairs.first(where: { $0.def.name == "productcategorie" && assigned["productcategorie"]?.value.contains(yamlScalar($0.candidate.reference)) == true })?.candidate,
           let def = entity.field(named: "wet"), case .code(let codes) = def.kind {
            let name = mapName("wet", entity, &maps, product.profile, codes: codes, source: source)
            assigned["wet"] = Field(name: "wet", value: "{ \(key): \(yamlScalar(product.reference)), transforms: [{ map: \(name) }] }",
                                    evidence: "guess: no column names the law; it follows from the product '\(product.reference)': fill in the law per label")
        }

        for def in entity.fields {
            if let f = assigned[def.name] {
                d.fields.append(f)
                if def.name == "bsn" { keyColumn["\(entity.rawValue).bsn"] = f.value.hasPrefix("{") ? nil : f.value }
            } else if def.required {
                // The draft must load: a required field found nowhere is an empty constant, so
                // that check rejects the records and says which field, until it is mapped.
                d.fields.append(Field(name: def.name, value: "{ const: \"\" }",
                                      evidence: "REQUIRED and no column found: map it (until then every record is rejected for it)"))
                d.missing.append(def.name + " (required: an empty constant for now)")
            } else {
                d.missing.append(def.name)
            }
        }
        let referenced = Set(d.fields.map(\.value).joined(separator: " ").components(separatedBy: CharacterSet(charactersIn: "{}|,: ")))
        d.unused = candidates.filter { !used.contains($0.reference) && !referenced.contains($0.reference) && $0.depth <= 1 }
            .map { c in "\(c.reference) (\(c.profile.top(3).map { "\($0.value.prefix(24))" }.joined(separator: ", ")))" }
    }

    /// The candidate that best holds a field, by its score (nil when none fits).
    static func best(_ entity: Entity, _ field: String, _ candidates: [Candidate]) -> Candidate? {
        guard let def = entity.field(named: field) else { return nil }
        return candidates.compactMap { c in score(entity, def, c).map { (c, $0.0) } }.max { $0.1 < $1.1 }?.0
    }

    /// How well a candidate fits a field: its name (exact words score most, earlier words more)
    /// and its values (a BSN column passes the elfproef, a date field reads as dates). Nil when
    /// the values rule it out or nothing speaks for it.
    static func score(_ entity: Entity, _ def: FieldDefinition, _ c: Candidate) -> (Int, String)? {
        let words = Vocabulary.words(entity, def.name)
        var name = 0
        var why = ""
        for (rank, w) in words.enumerated() {
            for n in c.names {
                if n == w, 40 - rank > name { name = 40 - rank; why = "the name '\(c.reference)'" }
                else if w.count >= 4, n.count > w.count, n.hasPrefix(w) || n.hasSuffix(w), 12 - rank / 2 > name {
                    name = 12 - rank / 2
                    why = "'\(c.reference)' contains '\(w)'"
                }
            }
        }
        let p = c.profile
        var value = 0
        var valueWhy: String?
        if p.filled > 0 {
            switch def.kind {
            case .bsn:
                guard p.bsn != nil else { return nil }
                value = 30
                valueWhy = "\(p.bsnNine + p.bsnEight) of \(p.filled) values pass the elfproef\(p.bsnEight > 0 ? " (\(p.bsnEight) after a leading zero)" : "")"
            case .date:
                // Named exactly as the field, in a form no pattern here reads (a time with an
                // offset, a vendor's own): kept, and the comment asks for the pattern.
                guard let pattern = p.dates.first else {
                    guard name >= 30 else { return nil }
                    return (name - 10 - c.depth, "\(why); NO date pattern tried here reads its values (\(p.top(2).map(\.value).joined(separator: ", "))): declare one")
                }
                value = 5
                let misses = p.dateMisses(pattern)
                valueWhy = misses == 0 ? "every value reads as \(pattern)" : "all but \(misses) of \(p.filled) values read as \(pattern)"
            case .postcode:
                guard p.postcode != nil else { return nil }
                value = 30
                valueWhy = "every value is a postcode"
            case .integer:
                if p.isInteger { value = 3 } else if def.name != "huisnummer" { return nil }
            case .decimal:
                guard p.decimal != nil || p.isInteger else { return nil }
                value = 3
            case .text:
                if def.name == "email" {
                    guard p.isEmail else { return nil }
                    value = 30
                    valueWhy = "the values are e-mail addresses"
                } else if p.bsn != nil || p.postcode != nil || (!p.dates.isEmpty && !p.isInteger) {
                    value = -20   // a BSN, postcode or date column is not this text field
                }
            case .code:
                break
            }
        }
        if name == 0 && value < 30 { return nil }
        let reason = [name > 0 ? why : nil, valueWhy].compactMap { $0 }.joined(separator: "; ")
        return (name + value - c.depth, reason)
    }

    /// The key column: named as the entity's keys are, or as the file is with id/nr after it, or a
    /// generic key name — and unique in the records read.
    static func bestKey(_ entity: Entity, _ candidates: [Candidate], file: String) -> (candidate: Candidate, why: String)? {
        let stem = Vocabulary.normalised((file as NSString).deletingPathExtension)
        var best: (Candidate, Int, String)?
        for c in candidates where c.depth == 0 {
            let p = c.profile
            // Filled and unique, but for a few (a duplicate key is a defect the run reports).
            guard p.filled > 0, p.values - p.filled <= p.tolerance(p.values),
                  p.distinctOverflow || p.filled - p.distinct <= p.tolerance(p.filled) else { continue }
            let n = c.names[0]
            var score = 0
            var why = ""
            if let rank = Vocabulary.keys[entity]?.firstIndex(of: n) { score = 100 - rank; why = "the name '\(c.reference)'" }
            else if let suffix = Vocabulary.keySuffixes.first(where: { n.hasSuffix($0) && n.count > $0.count }),
                    stem.hasPrefix(String(n.dropLast(suffix.count))) { score = 90; why = "'\(c.reference)' is the file's name with '\(suffix)'" }
            else if Vocabulary.entity(named: n) == entity && Vocabulary.entities.contains(where: { $0.1.contains(n) }) {
                score = 85; why = "'\(c.reference)' is named as the entity"
            }
            else if let rank = Vocabulary.genericKeys.firstIndex(of: n) { score = 80 - rank; why = "the name '\(c.reference)'" }
            else if Vocabulary.keySuffixes.contains(where: { n.hasSuffix($0) }) { score = 50; why = "'\(c.reference)' ends as a key's name" }
            guard score > 0, score > (best?.1 ?? 0) else { continue }
            let duplicates = p.filled - p.distinct
            best = (c, score, why + (duplicates > 0 && !p.distinctOverflow ? "; unique but for \(duplicates) of the \(p.filled) records read"
                                                                            : "; unique in the \(p.filled) records read"))
        }
        return best.map { ($0.0, $0.2) }
    }

    /// The YAML of a matched field with the transforms its values suggest; a value map for a code
    /// field whose labels are not the codes.
    static func fieldText(_ def: FieldDefinition, _ c: Candidate, key: String, why: String, entity: Entity,
                          maps: inout [ValueMapDraft], source: String) -> Field {
        let p = c.profile
        let ref = yamlScalar(c.reference)
        var evidence = "guess: \(why)"
        var parts: [String] = []
        var transforms: [String] = []
        switch def.kind {
        case .bsn where p.bsn == "pad_left":
            transforms = ["digits", "{ pad_left: 9 }"]
            evidence += "; pad to nine digits"
        case .date:
            if let pattern = p.dates.first, pattern != "yyyy-MM-dd" { parts.append("date: \(yamlScalar(pattern))") }
            if p.dates.count > 1 { evidence += " (also: \(p.dates.dropFirst().joined(separator: ", ")))" }
        case .decimal where p.decimal == "comma":
            parts.append("decimal: comma")
        case .text where def.name == "email":
            transforms = ["trim", "lower"]
        case .code(let codes):
            let labels = p.allValues.map(\.value)
            if labels.allSatisfy({ codes.contains($0) }) { break }
            if labels.allSatisfy({ codes.contains($0.lowercased()) }) { transforms = ["lower"]; break }
            transforms = ["{ map: \(mapName(def.name, entity, &maps, p, codes: codes, source: source)) }"]
            evidence += "; labels → codes in a value map to fill in"
        case .text(let max?) where max <= 2 && p.maxLength > max:
            transforms = ["{ map: \(mapName(def.name, entity, &maps, p, codes: [], source: source)) }"]
            evidence += "; labels longer than \(max) characters → codes in a value map to fill in"
        default:
            break
        }
        if parts.isEmpty && transforms.isEmpty { return Field(name: def.name, value: ref, evidence: evidence) }
        var inner = ["\(key): \(ref)"]
        if !transforms.isEmpty { inner.append("transforms: [\(transforms.joined(separator: ", "))]") }
        inner += parts
        return Field(name: def.name, value: "{ \(inner.joined(separator: ", ")) }", evidence: evidence)
    }

    static func mapName(_ field: String, _ entity: Entity, _ maps: inout [ValueMapDraft], _ p: ValueProfile, codes: [String], source: String) -> String {
        var name = field
        if maps.contains(where: { $0.name == name }) { name = "\(entity.rawValue)_\(field)" }
        maps.append(ValueMapDraft(name: name, file: "\(source)-\(name.replacingOccurrences(of: "_", with: "-")).csv", codes: codes, labels: p.allValues))
        return name
    }

    /// A YAML plain scalar when it reads back as the same text, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || "_-./ ".unicodeScalars.contains(s) || s.value > 127
        } && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.hasPrefix("-") && !text.hasPrefix(".")
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"].contains(text.lowercased())
            && Double(text) == nil
        if safe { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
