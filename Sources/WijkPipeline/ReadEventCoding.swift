import WijkCSV
import WijkMapping
import WijkModel
import WijkRuntime

/// How a read event waits in a spool file (a file read ahead of its entity's turn in the merge):
/// everything the merge needs, the raw text kept as bytes (as they stood in the file, or the XML
/// element written back) and made into a `String` only when a later stage rejects the record.
/// A spool holds one source's entity from one file, so a mapped record's source, file and entity
/// are not written per record. Lives only as long as one run.
enum ReadEventCoding {
    static func encode(_ event: ReadEvent, into w: inout ByteWriter) {
        switch event {
        case .mapped(let record, _):
            w.byte(1)
            Value.encode(record.values, into: &w)
            record.provenance.locatie.encode(into: &w)
            w.optionalString(record.provenance.bronSleutel)
            w.count(record.warnings.count)
            for finding in record.warnings { encode(finding, into: &w) }
            switch record.source.form {
            case .encoded(let bytes, let encoding, _):
                w.byte(2)
                w.string(encoding)
                w.count(bytes.count)
                w.append(bytes)
            case .utf8(let make):
                let bytes = make()
                w.byte(1)
                w.count(bytes.count)
                w.append(bytes)
            case .text(let make):
                w.byte(1)
                w.string(make())
            }
        case .rejected(let rejection, let key):
            w.byte(2)
            encode(key, into: &w)
            encode(rejection.finding, into: &w)
            w.string(rejection.raw)
            w.optionalString(rejection.subject)
        case .finding(let finding):
            w.byte(3)
            encode(finding, into: &w)
        case .failed, .produced:
            // Never spooled: a failure ends the job (and is kept beside its spools), and the
            // counts are the orderly side's own.
            w.byte(0)
        }
    }

    /// One event of the spool of `compiled`'s entity.
    static func decode(_ bytes: [UInt8], of compiled: CompiledEntity) throws -> ReadEvent {
        var r = ByteReader(bytes)
        switch try r.byte() {
        case 1:
            let key = RunState.Key(bron: compiled.bron, entity: compiled.entity)
            let values = try Value.decodeAll(from: &r)
            let locatie = try Location.decode(from: &r)
            let provenance = Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: locatie, bronSleutel: try r.optionalString())
            var warnings: [Finding] = []
            for _ in 0..<(try r.count()) { warnings.append(try decodeFinding(&r)) }
            let raw: RawText
            switch try r.byte() {
            case 1:
                let utf8 = try r.bytes(try r.count())
                raw = RawText(utf8: { utf8 })
            case 2:
                guard let encoding = TextEncoding(rawValue: try r.string()) else { throw ByteCodingError() }
                let source = try r.bytes(try r.count())
                raw = RawText(bytes: source, encoding: encoding.rawValue) { encoding.decodeLossy(source) }
            default: throw ByteCodingError()
            }
            return .mapped(MappedRecord(entity: key.entity, values: values, provenance: provenance, warnings: warnings, raw: raw), key)
        case 2:
            let key = try decodeKey(&r)
            let finding = try decodeFinding(&r)
            return .rejected(Rejection(finding: finding, raw: try r.string(), subject: try r.optionalString()), key)
        case 3:
            return .finding(try decodeFinding(&r))
        default:
            throw ByteCodingError()
        }
    }

    private static func encode(_ key: RunState.Key, into w: inout ByteWriter) {
        w.string(key.bron)
        w.string(key.entity.rawValue)
    }

    private static func decodeKey(_ r: inout ByteReader) throws -> RunState.Key {
        let bron = try r.string()
        guard let entity = Entity(rawValue: try r.string()) else { throw ByteCodingError() }
        return RunState.Key(bron: bron, entity: entity)
    }

    private static func encode(_ f: Finding, into w: inout ByteWriter) {
        w.byte(f.severity == .error ? 0 : 1)
        w.string(f.rule.rawValue)
        w.string(f.entiteit.rawValue)
        f.provenance.encode(into: &w)
        w.optionalString(f.veld)
        w.string(f.melding)
        w.optionalString(f.waarde)
        w.byte(f.waardeIsPersoonlijk ? 1 : 0)
    }

    private static func decodeFinding(_ r: inout ByteReader) throws -> Finding {
        let severity: Severity = try r.byte() == 0 ? .error : .warning
        guard let rule = RuleID(rawValue: try r.string()), let entity = Entity(rawValue: try r.string()) else { throw ByteCodingError() }
        let provenance = try Provenance.decode(from: &r)
        let veld = try r.optionalString()
        let melding = try r.string()
        let waarde = try r.optionalString()
        let personal = try r.byte() == 1
        return Finding(severity: severity, rule: rule, entiteit: entity, provenance: provenance, veld: veld, melding: melding,
                       waarde: waarde, waardeIsPersoonlijk: personal)
    }
}
