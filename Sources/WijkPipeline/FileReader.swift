import Foundation
import Synchronization
import WijkCSV
import WijkMapping
import WijkModel
import WijkRuntime
import WijkXML

/// Reads one file once and maps each record for every entity the file feeds (a job of the
/// `ReadPlan`), each entity's events into its own sink. Safe to run on any thread: it shares
/// nothing but the compiled mappings, which are read-only.
struct FileReader {
    let job: ReadPlan.Job
    let items: [ReadPlan.Item]
    let sinks: [EventSink]
    /// Told how far the file is; only given to the job the ordering thread runs itself.
    let progress: (@Sendable (RunProgress) -> Void)?
    /// Whether an XML file's records are mapped on a thread of their own while it is parsed
    /// (a run with more than one thread).
    var mappingThread = false

    /// All of the job's entities read the same file in the same way (the plan grouped them so).
    func read() throws {
        let first = items[0].compiled
        switch first.format {
        case .csv(let dialect): try readCSV(first, dialect: dialect)
        case .xml: try readXML(first)
        }
    }

    private var listening: Bool { sinks.allSatisfy(\.listening) }

    private static func key(_ compiled: CompiledEntity) -> RunState.Key { RunState.Key(bron: compiled.bron, entity: compiled.entity) }

    /// Maps one record.
    private static func take<Fields: RecordFields>(_ fields: Fields, location: Location, raw: RawText, _ compiled: CompiledEntity) -> ReadEvent {
        switch compiled.map(fields: fields, location: location, raw: raw) {
        case .rejected(let rejection): return .rejected(rejection, key(compiled))
        case .mapped(let mapped): return .mapped(mapped, key(compiled))
        }
    }

    private func stage(_ compiled: CompiledEntity) -> String {
        "\(compiled.bestand) (\(items.map(\.compiled.entity.rawValue).joined(separator: ", ")))"
    }

    private func readCSV(_ first: CompiledEntity, dialect: CSVDialect) throws {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: first.path, dialect: dialect)
        } catch {
            throw RunError(.unreadableInput, "\(first.display): cannot read the file: \(error)")
        }
        let size = Self.fileSize(first.path)
        var seen = 0
        while listening {
            let result: CSVReadResult?
            do { result = try reader.next() } catch {
                throw RunError(.unreadableInput, "\(first.display): reading stopped: \(error)")
            }
            guard let result else { break }
            seen += 1
            if let progress, seen == 1 || seen % 4096 == 0 {
                progress(RunProgress(stage: stage(first), records: seen, fraction: size > 0 ? Double(reader.bytesRead) / Double(size) : nil))
            }
            switch result {
            case .malformed(let bad):
                let rule: RuleID
                switch bad.problem {
                case .unterminatedQuote: rule = .csvUnterminatedQuote
                case .tooLong: rule = .csvRecordTooLong
                case .invalidEncoding, .nulByte: rule = .encodingInvalid
                }
                for (item, sink) in zip(items, sinks) {
                    let c = item.compiled
                    let p = Provenance(bron: c.bron, bestand: c.bestand, locatie: .line(bad.line), bronSleutel: nil)
                    sink.emit(.rejected(Rejection(finding: Finding(severity: .error, rule: rule, entiteit: c.entity, provenance: p,
                                                                   melding: bad.message), raw: bad.raw), Self.key(c)))
                }
            case .record(let record):
                for (item, sink) in zip(items, sinks) {
                    sink.emit(Self.take(record, location: .line(record.line),
                                        raw: RawText(bytes: record.rawBytes, encoding: record.encoding.rawValue) { record.raw }, item.compiled))
                }
            }
        }
    }

    /// One entity read from the XML file.
    private struct XMLEntity {
        let compiled: CompiledEntity
        let xpaths: [XPath]
        let matcher: XMLRecordMatcher
        /// Why every record of the file is rejected for this entity (another message version, a
        /// file that does not validate against the entity's schema); nil when they are mapped.
        let invalid: String?
    }

    /// An XML source that is not well-formed (truncated, hostile, wrongly encoded) stops the run:
    /// none of its records can be trusted, so nothing is loaded, and the message says where.
    private func readXML(_ first: CompiledEntity) throws {
        let reader = XMLRecordReader(path: first.path, display: first.display)
        var entities: [XMLEntity] = []
        var validations: [ObjectIdentifier: [XMLSchema.Issue]] = [:]
        for item in items {
            let compiled = item.compiled
            guard case .xml(let recordPath, let kept, let xpaths) = compiled.format else { continue }
            let matcher = XMLRecordMatcher(recordPath: recordPath, keptAncestors: kept,
                                           ancestorChildren: !xpaths.allSatisfy(\.readsAncestorsOnlyForAttributes))
            matcher.matchLocalNames = compiled.refusal != nil
            for other in job.sameFile {
                guard case .xml(let path, _, let otherXPaths) = other.format else { continue }
                if other.entity != compiled.entity { matcher.otherRecordPaths.append(path) }
                for x in otherXPaths {
                    for step in x.steps { if case .child(let name, _) = step { matcher.namesRead.insert(name) } }
                }
            }
            reader.add(matcher)
            // A file that does not validate against the entity's schema is rejected whole: every
            // record is read, counted and rejected with the first reasons, and the folder goes on.
            // A message file mapped by several entities is validated once.
            var invalid: String?
            if let refusal = compiled.refusal {
                invalid = refusal
            } else if let schema = compiled.schema {
                let issues = validations[ObjectIdentifier(schema)] ?? schema.validate(file: compiled.path, limit: 4)
                validations[ObjectIdentifier(schema)] = issues
                if let first = issues.first {
                    let more = issues.count > 1 ? " (and \(issues.count - 1) more\(issues.count == 4 ? " at least" : ""))" : ""
                    invalid = Masking.keys("the file does not validate against \(compiled.schemaName ?? "its schema"): line \(first.line): \(first.message)\(more)",
                                           reveal: false)
                }
            }
            entities.append(XMLEntity(compiled: compiled, xpaths: xpaths, matcher: matcher, invalid: invalid))
        }
        let size = Self.fileSize(first.path)
        let stage = stage(first)
        var seen = 0
        let sinks = self.sinks
        let progress = self.progress
        let mapping = entities.map { MappingSide(compiled: $0.compiled, xpaths: $0.xpaths, invalid: $0.invalid) }
        // With a thread to spare, the records are mapped on a thread of their own while the parse
        // goes on (in order, through a bounded hand-off); else right here.
        let handOff = mappingThread ? MappingThread(mapping: mapping, sinks: sinks) : nil
        var batch: [ParsedRecord] = []
        do {
            try reader.readAll { m, record in
                seen += 1
                if let handOff {
                    if seen % 1024 == 0, handOff.stopped { return reader.cancel() }
                } else if seen % 1024 == 0, !sinks.allSatisfy(\.listening) {
                    return reader.cancel()
                }
                if let progress, seen == 1 || seen % 2048 == 0 {
                    progress(RunProgress(stage: stage, records: seen, fraction: size > 0 ? Double(reader.bytesRead) / Double(size) : nil))
                }
                let entity = entities[m]
                // In a refused message (another version) the XPaths' namespaces do not match: no
                // values. Evaluated here, on the parsing thread: the ancestors they may climb to
                // change as the parse goes on; the record's own subtree does not.
                let values = entity.compiled.refusal == nil ? entity.xpaths.map { $0.evaluate(from: record.element) ?? "" } : []
                let parsed = ParsedRecord(entity: m, values: values, element: record.element, location: .xpath(record.xpath, line: record.line))
                guard let handOff else { return Self.map(parsed, mapping, sinks) }
                batch.append(parsed)
                if batch.count == MappingThread.batchSize {
                    if !handOff.send(batch) { reader.cancel() }
                    batch.removeAll(keepingCapacity: true)
                }
            }
        } catch let error as XMLReadError {
            handOff?.finish([])
            throw RunError(.unreadableInput, "\(error.description); nothing was loaded")
        } catch {
            handOff?.finish([])
            throw error
        }
        handOff?.finish(batch)
        guard listening else { return }
        for (entity, sink) in zip(entities, sinks) {
            let compiled = entity.compiled, matcher = entity.matcher
            if !matcher.unmatched.isEmpty && compiled.refusal == nil {
                let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(1), bronSleutel: nil)
                let names = matcher.unmatched.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
                sink.emit(.finding(Finding(severity: .warning, rule: .xmlUnmatchedElements, entiteit: compiled.entity, provenance: p,
                                           melding: "elements beside the \(compiled.entity.rawValue) records that no records path takes, not read: \(names)")))
            }
            if matcher.recordsSeen == 0 {
                let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(1), bronSleutel: nil)
                sink.emit(.finding(Finding(severity: .warning, rule: .xmlNoRecords, entiteit: compiled.entity, provenance: p,
                                           melding: "no element matched the records path; are its names and namespaces right?")))
            }
        }
    }

    /// What mapping an XML entity's records needs (all of it read-only, safe on any thread).
    struct MappingSide: Sendable {
        let compiled: CompiledEntity
        let xpaths: [XPath]
        let invalid: String?
    }

    /// A record as the parse leaves it: its fields' values, its element for the raw text, where it stood.
    struct ParsedRecord: @unchecked Sendable {   // the element's subtree is the parser's no more once its record closed: nothing changes it after, and one thread maps it
        let entity: Int
        let values: [String]
        let element: XMLNode
        let location: Location
    }

    /// Maps one parsed record and hands it to its entity's sink.
    static func map(_ parsed: ParsedRecord, _ mapping: [MappingSide], _ sinks: [EventSink]) {
        let side = mapping[parsed.entity]
        let compiled = side.compiled
        let values = parsed.values, element = parsed.element, xpaths = side.xpaths
        // What the fields took from the record's ancestors (a message's client BSN, its sender)
        // goes with the raw text, as a comment before the element: the ancestors themselves are
        // gone by the time a record is rejected.
        let raw = RawText(utf8: {
            var bytes: [UInt8] = []
            Self.noteAncestors(xpaths, values, into: &bytes)
            element.serialize(into: &bytes)
            return bytes
        })
        if let invalid = side.invalid {
            let p = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: parsed.location, bronSleutel: nil)
            sinks[parsed.entity].emit(.rejected(Rejection(finding: Finding(severity: .error, rule: compiled.refusal != nil ? .berichtSoort : .xsdInvalid,
                                                                           entiteit: compiled.entity, provenance: p, melding: invalid),
                                                          raw: raw.text), Self.key(compiled)))
            return
        }
        sinks[parsed.entity].emit(Self.take(values, location: parsed.location, raw: raw, compiled))
    }

    /// The thread that maps an XML file's records while its parse goes on.
    final class MappingThread: @unchecked Sendable {   // `sinks` are used by the mapping thread alone (the parsing thread only sends, then waits for it to end)
        static let batchSize = 256
        private let channel = HandOff<ParsedRecord>(capacity: 16)
        private let done = DispatchSemaphore(value: 0)
        private let stop = Atomic<Bool>(false)

        private let mapping: [MappingSide]
        private let sinks: [EventSink]

        init(mapping: [MappingSide], sinks: [EventSink]) {
            self.mapping = mapping
            self.sinks = sinks
            Thread { [self] in run() }.start()
        }

        private func run() {
            while let batch = channel.receiveWaiting() {
                for parsed in batch { FileReader.map(parsed, mapping, sinks) }
                mapped.withLock { $0.append(batch) }
                if !sinks.allSatisfy(\.listening) {
                    stop.store(true, ordering: .relaxed)
                    channel.cancel()
                    break
                }
            }
            done.signal()
        }

        /// Whether the sinks stopped listening (the parse can stop).
        var stopped: Bool { stop.load(ordering: .relaxed) }

        /// Waits while the mapping thread is a few batches behind; false once it stopped.
        func send(_ batch: [ParsedRecord]) -> Bool {
            dropMapped()
            return channel.send(batch)
        }

        /// Batches mapped, handed back to be freed on the parsing thread. Freed on the mapping
        /// thread, every element tree released the reference-counted names it shares with the
        /// trees being built, and their counts bounced between the cores: the XML read took
        /// 3.0 s on two threads against 2.2 s on one (100,000 clients); freed here, 1.7 s.
        private let mapped = Locked<[[ParsedRecord]]>([])

        private func dropMapped() {
            let batches = mapped.withLock { batches -> [[ParsedRecord]] in
                defer { batches = [] }
                return batches
            }
            _ = batches   // released here, at the end of this scope
        }

        /// The last records; returns when every record sent is mapped.
        func finish(_ batch: [ParsedRecord]) {
            if !batch.isEmpty { _ = send(batch) }
            channel.finish()
            done.wait()
            dropMapped()
        }
    }

    /// `<!-- from the record's ancestors: ../../@nr = 12; … -->` and a newline, when any field took
    /// its value from above the record; `--` (which would end the comment) written as `- -`.
    static func noteAncestors(_ xpaths: [XPath], _ values: [String], into bytes: inout [UInt8]) {
        var first = true
        for (xpath, value) in zip(xpaths, values) where xpath.parentSteps > 0 {
            bytes.append(contentsOf: (first ? "<!-- from the record's ancestors: " : "; ").utf8)
            first = false
            for part in [xpath.text, " = ", value] {
                var dash = false
                for byte in part.utf8 {
                    if byte == UInt8(ascii: "-") && dash {
                        bytes.append(UInt8(ascii: " "))
                        bytes.append(byte)
                        dash = false
                        continue
                    }
                    bytes.append(byte)
                    dash = byte == UInt8(ascii: "-")
                }
            }
        }
        if !first { bytes.append(contentsOf: " -->\n".utf8) }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
