import Foundation
import Logging
import WijkCSV
import WijkMapping
import WijkModel
import WijkRuntime
import WijkRules
import WijkXML

/// The reading side of a run: every source file in the order the merge needs (entity by entity,
/// each entity source by source), parsed and mapped, each record handed on as a `ReadEvent`. It
/// runs on a thread of its own while the other side validates and merges: reading and mapping
/// are the larger share of the work, so validation is on the merging side.
struct SourceReader: Sendable {
    let plan: MigrationPlan
    let progress: (@Sendable (RunProgress) -> Void)?
    let logger: Logger

    /// Reads everything into the channel, then finishes it; stops early when the merge stops
    /// listening or a file cannot be read (sent as `.failed`).
    func run(into channel: BatchChannel<ReadEvent>) {
        var out = EventBatcher(channel: channel)
        defer {
            out.emit(.produced(out.produced))
            out.flush()
            channel.finish()
        }
        var validations = Validations()
        for entity in Entity.allCases {
            for source in plan.sources {
                for compiled in source.entities where compiled.entity == entity {
                    logger.info("reading", metadata: ["bron": "\(source.name)", "entiteit": "\(entity.rawValue)", "bestand": "\(compiled.bestand)"])
                    do {
                        try read(compiled, validations: &validations, into: &out)
                    } catch {
                        out.emit(.failed(error))
                        return
                    }
                    guard out.listening else { return }
                }
            }
        }
    }

    /// What validating a file against a schema found, kept for the run: a message file mapped by
    /// several entities is validated once.
    private struct Validations {
        private var issues: [String: [XMLSchema.Issue]] = [:]

        mutating func of(_ file: String, against schema: XMLSchema) -> [XMLSchema.Issue] {
            let key = "\(ObjectIdentifier(schema))\u{0}\(file)"
            if let known = issues[key] { return known }
            let found = schema.validate(file: file, limit: 4)
            issues[key] = found
            return found
        }
    }

    private func read(_ compiled: CompiledEntity, validations: inout Validations, into out: inout EventBatcher) throws {
        let key = RunState.Key(bron: compiled.bron, entity: compiled.entity)
        switch compiled.format {
        case .csv(let dialect): try readCSV(compiled, key, dialect: dialect, into: &out)
        case .xml(let recordPath, let kept, let xpaths):
            try readXML(compiled, key, recordPath: recordPath, kept: kept, xpaths: xpaths, validations: &validations, into: &out)
        }
    }

    /// Maps one record.
    private func take(_ fields: [String], location: Location, raw: RawText, _ compiled: CompiledEntity, _ key: RunState.Key) -> ReadEvent {
        switch compiled.map(fields: fields, location: location, raw: raw) {
        case .rejected(let rejection): return .rejected(rejection, key)
        case .mapped(let mapped): return .mapped(mapped, key)
        }
    }

    /// An XML source that is not well-formed (truncated, hostile, wrongly encoded) stops the run:
    /// none of its records can be trusted, so nothing is loaded, and the message says where.
    private func readXML(_ compiled: CompiledEntity, _ key: RunState.Key, recordPath: [XMLName],
                         kept: Int, xpaths: [XPath], validations: inout Validations, into out: inout EventBatcher) throws {
        let reader = XMLRecordReader(path: compiled.path, display: compiled.display, recordPath: recordPath, keptAncestors: kept,
                                     ancestorChildren: !xpaths.allSatisfy(\.readsAncestorsOnlyForAttributes))
        reader.matchLocalNames = compiled.refusal != nil
        let sameFile = (plan.sources.first { $0.name == compiled.bron }?.entities ?? []).filter { $0.path == compiled.path }
        for other in sameFile {
            guard case .xml(let path, _, let otherXPaths) = other.format else { continue }
            if other.entity != compiled.entity { reader.otherRecordPaths.append(path) }
            for x in otherXPaths {
                for step in x.steps { if case .child(let name, _) = step { reader.namesRead.insert(name) } }
            }
        }
        let size = Self.fileSize(compiled.path)
        var seen = 0
        var local = out
        // A file that does not validate against the entity's schema is rejected whole: every
        // record is read, counted and rejected with the first reasons, and the folder goes on.
        var invalid: String?
        if let refusal = compiled.refusal {
            invalid = refusal
        } else if let schema = compiled.schema {
            let issues = validations.of(compiled.path, against: schema)
            if let first = issues.first {
                let more = issues.count > 1 ? " (and \(issues.count - 1) more\(issues.count == 4 ? " at least" : ""))" : ""
                invalid = Masking.keys("the file does not validate against \(compiled.schemaName ?? "its schema"): line \(first.line): \(first.message)\(more)",
                                       reveal: false)
            }
        }
        do {
            try reader.read { record in
                seen += 1
                if let progress = self.progress, seen == 1 || seen % 2048 == 0 {
                    progress(RunProgress(stage: "\(compiled.bestand) (\(compiled.entity.rawValue))", records: seen,
                                         fraction: size > 0 ? Double(reader.bytesRead) / Double(size) : nil))
                }
                // In a refused message (another version) the XPaths' namespaces do not match: no values.
                let values = compiled.refusal == nil ? xpaths.map { $0.evaluate(from: record.element) ?? "" } : []
                // What the fields took from the record's ancestors (a message's client BSN, its
                // sender) goes with the raw text, as a comment before the element: the ancestors
                // themselves are gone by the time a record is rejected.
                let fromAncestors = zip(xpaths, values).filter { $0.0.parentSteps > 0 }.map { "\($0.0.text) = \($0.1)" }
                let raw = RawText {
                    let element = record.element.serialized
                    guard !fromAncestors.isEmpty else { return element }
                    let note = fromAncestors.joined(separator: "; ").replacingOccurrences(of: "--", with: "- -")
                    return "<!-- from the record's ancestors: \(note) -->\n" + element
                }
                let location = Location.xpath(record.xpath, line: record.line)
                if let invalid {
                    let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: location, bronSleutel: nil)
                    local.emit(.rejected(Rejection(finding: Finding(severity: .error, rule: compiled.refusal != nil ? .berichtSoort : .xsdInvalid,
                                                                    entiteit: compiled.entity, provenance: p, melding: invalid),
                                                   raw: raw.text), key))
                    return
                }
                local.emit(self.take(values, location: location, raw: raw, compiled, key))
            }
        } catch let error as XMLReadError {
            out = local
            throw RunError(.unreadableInput, "\(error.description); nothing was loaded")
        }
        out = local
        if !reader.unmatched.isEmpty && compiled.refusal == nil {
            let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(1), bronSleutel: nil)
            let names = reader.unmatched.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            out.emit(.finding(Finding(severity: .warning, rule: .xmlUnmatchedElements, entiteit: compiled.entity, provenance: p,
                                      melding: "elements beside the \(compiled.entity.rawValue) records that no records path takes, not read: \(names)")))
        }
        if reader.recordsSeen == 0 {
            let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(1), bronSleutel: nil)
            out.emit(.finding(Finding(severity: .warning, rule: .xmlNoRecords, entiteit: compiled.entity, provenance: p,
                                      melding: "no element matched the records path; are its names and namespaces right?")))
        }
    }

    private func readCSV(_ compiled: CompiledEntity, _ key: RunState.Key, dialect: CSVDialect,
                         into out: inout EventBatcher) throws {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: compiled.path, dialect: dialect)
        } catch {
            throw RunError(.unreadableInput, "\(compiled.display): cannot read the file: \(error)")
        }
        let size = Self.fileSize(compiled.path)
        var seen = 0
        while out.listening {
            let result: CSVReadResult?
            do { result = try reader.next() } catch {
                throw RunError(.unreadableInput, "\(compiled.display): reading stopped: \(error)")
            }
            guard let result else { break }
            seen += 1
            if let progress, seen == 1 || seen % 4096 == 0 {
                progress(RunProgress(stage: "\(compiled.bestand) (\(compiled.entity.rawValue))", records: seen,
                                     fraction: size > 0 ? Double(reader.bytesRead) / Double(size) : nil))
            }
            switch result {
            case .malformed(let bad):
                let rule: RuleID
                switch bad.problem {
                case .unterminatedQuote: rule = .csvUnterminatedQuote
                case .tooLong: rule = .csvRecordTooLong
                case .invalidEncoding, .nulByte: rule = .encodingInvalid
                }
                let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(bad.line), bronSleutel: nil)
                out.emit(.rejected(Rejection(finding: Finding(severity: .error, rule: rule, entiteit: compiled.entity, provenance: p,
                                                              melding: bad.message), raw: bad.raw), key))
            case .record(let record):
                out.emit(take(record.fields, location: .line(record.line), raw: RawText { record.raw }, compiled, key))
            }
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
