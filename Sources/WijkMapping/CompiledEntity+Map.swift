import Foundation
import WijkCSV
import WijkModel

/// A source record's fields by position, made into text as the mapping reads them: a CSV record
/// decodes only the columns a mapping reads; an XML record's fields are its XPaths' values.
package protocol RecordFields {
    var count: Int { get }
    func field(_ i: Int) -> String
}

extension Array: RecordFields where Element == String {
    package func field(_ i: Int) -> String { self[i] }
}

extension CSVRecord: RecordFields {}

extension CompiledEntity {
    /// Maps one source record. Never throws: whatever is wrong becomes a rejection or a warning
    /// that names the file, the location, the field and the rule.
    package func map<Fields: RecordFields>(fields input: Fields, location: Location, raw: RawText) -> MapOutcome {
        let provenance = Provenance(bron: bron, bestand: bestand, locatie: location, bronSleutel: nil)
        var values = [Value?](repeating: nil, count: entity.fields.count)
        func reject(_ rule: RuleID, _ message: String, field: String? = nil, value: String? = nil, personal: Bool = false) -> MapOutcome {
            .rejected(Rejection(finding: Finding(severity: .error, rule: rule, entiteit: entity, provenance: provenance,
                                                 veld: field, melding: message, waarde: value, waardeIsPersoonlijk: personal),
                                raw: raw.text, subject: subjectIndex.flatMap { values[$0]?.canonicalText }))
        }

        if let headerCount, input.count != headerCount {
            return reject(.csvRagged, "the row has \(input.count) fields where the header has \(headerCount)")
        }
        if input.count < maxPosition {
            return reject(.csvRagged, "the row has \(input.count) fields; the mapping reads column #\(maxPosition)")
        }

        // Split parts, addressed as -1, -2, …; nil where the split did not match.
        var parts: [String?] = []
        var splitProblem: [Int: String] = [:]
        if !splits.isEmpty {
            parts.reserveCapacity(splitPartCount)
            for (input: column, spec: split) in splits {
                let text = input.field(column)
                let pieces = Self.split(text, split)
                if let pieces {
                    parts.append(contentsOf: pieces.map(Optional.some))
                } else {
                    for _ in split.into { splitProblem[parts.count] = text; parts.append(nil) }
                }
            }
        }
        func column(_ i: Int) -> String? { i >= 0 ? input.field(i) : parts[-i - 1] }

        for (input: i, spec: filter) in filters {
            let value = column(i) ?? ""
            let keep: Bool
            switch filter.condition {
            case .oneOf(let set): keep = set.contains(value)
            case .noneOf(let set): keep = !set.contains(value)
            case .empty(let wanted): keep = value.trimmingASCIISpaces().isEmpty == wanted
            }
            if !keep {
                return reject(.rowFilter, "skipped by the mapping's row filter on column \(filter.column.display)",
                              field: nil, value: value)
            }
        }

        var warnings: [Finding] = []
        for field in fields {
            let def = field.definition
            var bad: (rule: RuleID, message: String, value: String)?
            var text: String?
            switch field.source {
            case .constant(let c): text = c
            case .column(let i):
                text = column(i)
                if text == nil { bad = (.splitNoMatch, "the value does not match the split of its column", splitProblem[-i - 1] ?? "") }
            case .template(let templateParts):
                var s = ""
                for part in templateParts {
                    switch part {
                    case .literal(let l): s += l
                    case .column(let i):
                        guard let v = column(i) else {
                            bad = (.splitNoMatch, "the value does not match the split of its column", splitProblem[-i - 1] ?? "")
                            break
                        }
                        s += v
                    }
                }
                text = s.trimmingASCIISpaces()
            }
            // An empty value skips the transforms (a value map has nothing to say about it) and
            // takes the default, if there is one.
            if bad == nil, var current = text, !current.trimmingASCIISpaces().isEmpty {
                for transform in field.spec.transforms {
                    switch transform.apply(current, maps: maps) {
                    case .value(let v): current = v
                    case .bad(let rule, let message): bad = (rule, message, current)
                    }
                    if bad != nil { break }
                }
                text = current
            }
            if bad == nil {
                let trimmed = (text ?? "").trimmingASCIISpaces()
                let effective = trimmed.isEmpty ? (field.fallback ?? "") : trimmed
                if !effective.isEmpty {
                    switch Self.parse(effective, field) {
                    case .success(let value): values[field.index] = value
                    case .failure(let problem): bad = (field.formatRule ?? problem.rule, problem.message, effective)
                    }
                }
            }
            if let bad {
                if field.onError == .reject {
                    return reject(bad.rule, bad.message, field: def.name, value: bad.value, personal: def.isPersonal)
                }
                warnings.append(Finding(severity: .warning, rule: bad.rule, entiteit: entity, provenance: provenance, veld: def.name,
                                        melding: bad.message + " (loaded empty, as the mapping's on_error or the rule's setting says)",
                                        waarde: bad.value, waardeIsPersoonlijk: def.isPersonal))
            }
        }
        for (index, def) in entity.fields.enumerated() where def.required && values[index] == nil {
            return reject(.requiredField, "\(entity.rawValue) needs '\(def.name)', and it is empty", field: def.name)
        }
        let keyIndex = entity.fields.firstIndex { $0.role == .sourceKey }
        let key = keyIndex.flatMap { values[$0]?.canonicalText }
        return .mapped(MappedRecord(entity: entity, values: values, provenance: provenance.withKey(key), warnings: warnings, raw: raw))
    }

    /// The field other records refer to this one by: a client's BSN, else the source key.
    var subjectIndex: Int? {
        entity == .client ? entity.fields.firstIndex { $0.name == "bsn" } : entity.fields.firstIndex { $0.role == .sourceKey }
    }

    struct ParseProblem: Error {
        let rule: RuleID
        let message: String
    }

    static func parse(_ text: String, _ field: CompiledField) -> Result<Value, ParseProblem> {
        switch field.definition.kind {
        case .text(let maxLength):
            if let maxLength, text.utf8.count > maxLength, text.count > maxLength {
                return .failure(ParseProblem(rule: .valueTooLong, message: "longer than \(maxLength) characters"))
            }
            return .success(.text(text))
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else {
                return .failure(ParseProblem(rule: .valueUnparseable, message: "not a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(.integer(n))
        case .decimal:
            var s = text
            if field.spec.decimalComma {
                guard !s.contains(".") else {
                    return .failure(ParseProblem(rule: .valueUnparseable, message: "not a decimal number with a decimal comma"))
                }
                s = s.replacingOccurrences(of: ",", with: ".")
            }
            guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let d = Double(s) else {
                return .failure(ParseProblem(rule: .valueUnparseable,
                                             message: "not a decimal number" + (field.spec.decimalComma ? "" : " (is the decimal a comma? declare 'decimal: comma')")))
            }
            return .success(.decimal(d))
        case .date:
            for pattern in field.spec.datePatterns {
                if let date = pattern.parse(text) { return .success(.date(date)) }
            }
            let patterns = field.spec.datePatterns.map(\.text).joined(separator: " or ")
            return .failure(ParseProblem(rule: .valueUnparseable, message: "not a date that exists in the pattern \(patterns)"))
        case .bsn:
            guard let bsn = BSN(text) else {
                return .failure(ParseProblem(rule: .valueUnparseable, message: "a BSN is 9 digits"))
            }
            return .success(.bsn(bsn))
        case .postcode:
            guard let postcode = Postcode(text) else {
                return .failure(ParseProblem(rule: .valueUnparseable, message: "not a Dutch postcode (1234 AB)"))
            }
            return .success(.postcode(postcode))
        case .code(let codes):
            guard codes.contains(text) else {
                return .failure(ParseProblem(rule: .valueNotInCodeList,
                                             message: "not one of \(codes.joined(separator: ", ")) (map the source's labels with a value map)"))
            }
            return .success(.text(text))
        }
    }

    /// A value's parts, or nil when it does not match the pattern. An empty value (spaces only)
    /// has empty parts: there is nothing to split, and a field that needs a part says so as an
    /// empty field (`required_field`, or its default) rather than as `split_no_match`.
    static func split(_ text: String, _ split: SplitSpec) -> [String]? {
        if text.trimmingASCIISpaces().isEmpty { return Array(repeating: "", count: split.into.count) }
        if let regex = split.regex {
            let ns = text as NSString
            guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
                  match.range.location == 0, match.range.length == ns.length else { return nil }
            return (1...max(1, match.numberOfRanges - 1)).map { i in
                let r = match.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
        }
        let separator = split.separator ?? " "
        var pieces = text.components(separatedBy: separator)
        if pieces.count > split.into.count {
            let head = pieces.prefix(split.into.count - 1)
            let tail = pieces.dropFirst(split.into.count - 1).joined(separator: separator)
            pieces = Array(head) + [tail]
        }
        while pieces.count < split.into.count { pieces.append("") }
        return pieces
    }
}
