import WijkModel

/// The findings that reading, mapping, merging and deciding report besides the catalogue's rules
/// (not configurable): what each id means. With `RuleCatalogue`, every `RuleID` the code can emit;
/// `wijkmigratie rules` lists both, and the README's table of findings is `markdown()`.
package enum FindingCatalogue {
    package struct Entry: Sendable {
        package let id: RuleID
        package let severity: String
        package let what: String
    }

    package static let all: [Entry] = [
        Entry(id: .csvRagged, severity: "error", what: "a row with more or fewer fields than the header"),
        Entry(id: .csvUnterminatedQuote, severity: "error",
              what: "a quoted field that never closes: the line it opens on is the rejected record, and reading goes on at the next line"),
        Entry(id: .csvRecordTooLong, severity: "error",
              what: "a record longer than `max_record_bytes` (a quote that closes only far away, a file without line breaks): rejected with a 64 KiB prefix as its raw text, read through in bounded memory and time, and reading goes on at the next line"),
        Entry(id: .encodingInvalid, severity: "error",
              what: "bytes that are not valid in the declared encoding, or a NUL byte (no text holds one; PostgreSQL refuses it, so both stores see the same records)"),
        Entry(id: .berichtSoort, severity: "error",
              what: "the record's file in a message folder is not a message of the mapping's kind and version: every record of the file"),
        Entry(id: .xsdInvalid, severity: "error",
              what: "the record's file does not validate against the entity's `xsd:`: every record of the file, with the first reasons and lines"),
        Entry(id: .xmlNoRecords, severity: "warning", what: "no element of an XML file matched the records path (wrong names or namespaces?)"),
        Entry(id: .xmlUnmatchedElements, severity: "warning",
              what: "elements beside an XML file's records that no records path and no field reads, counted per name"),
        Entry(id: .rowFilter, severity: "error", what: "the record did not pass the mapping's row filter (not counted against `max_rejects`)"),
        Entry(id: .valueUnparseable, severity: "error or warning", what: "a number or yes/no word that cannot be read (fields without a format rule)"),
        Entry(id: .valueTooLong, severity: "error or warning", what: "longer than the field allows"),
        Entry(id: .valueUnmapped, severity: "error or warning", what: "not in the value map"),
        Entry(id: .valueNotInCodeList, severity: "error or warning", what: "not one of the field's canonical codes (map the source's labels with a value map)"),
        Entry(id: .splitNoMatch, severity: "error or warning", what: "does not match the split pattern"),
        Entry(id: .keyDuplicate, severity: "error", what: "a source key used twice in one source"),
        Entry(id: .bronGemeenteCode, severity: "error", what: "a voorziening's bron_gemeente that is no gemeentecode"),
        Entry(id: .wijkUnknown, severity: "warning", what: "a postcode in no wijk of the new gemeente (also the conflict `wijk.onbekend`)"),
        Entry(id: .toewijzingVervallen, severity: "error",
              what: "a toewijzing the latest message withdraws (RedenWijziging 01 or 13): each of its messages (not counted against `max_rejects`)"),
        Entry(id: .conflictOpen, severity: "error", what: "kept out by `--allow-open`: the record is in an open conflict"),
        Entry(id: .besluit, severity: "error", what: "rejected by a steward's decision"),
    ]

    /// The README's table of findings.
    package static func markdown() -> String {
        (["| finding | severity | when |", "| --- | --- | --- |"]
            + all.map { "| `\($0.id.rawValue)` | \($0.severity) | \($0.what) |" }).joined(separator: "\n")
    }
}
