import WijkMapping
import WijkModel
import WijkRules

/// JSON Schemas (draft 2020-12) for the files a user writes: the migration file, a mapping file
/// and besluiten.yml. An editor with a YAML language server completes and checks them:
///
///     # yaml-language-server: $schema=schema/mapping.schema.json
///
/// (the first line of a mapping file in `mappings/`).
///
/// The keys at each place are the loaders' own (`ConfigKeys`); a test holds the two together.
/// The schema is a help for editors, not the loader: the loader checks more (files exist,
/// references resolve, patterns compile) and says where.
package enum ConfigSchema {
    package static func document(_ kind: ConfigFileKind) -> JSONValue {
        switch kind {
        case .migratie: return migratie
        case .mapping: return mapping
        case .besluiten: return besluiten
        }
    }

    package static func fileName(_ kind: ConfigFileKind) -> String { "\(kind.rawValue).schema.json" }

    // MARK: - Building blocks

    private static let text: JSONValue = ["type": "string"]
    private static func text(_ description: String) -> JSONValue { ["type": "string", "description": .string(description)] }
    /// A yes/no word as the loaders read them (true/false, ja/nee, yes/no).
    private static func yesNo(_ description: String) -> JSONValue {
        ["description": .string(description), "anyOf": [["type": "boolean"], ["enum": ["ja", "nee", "j", "n", "yes", "no", "true", "false", "waar", "onwaar"]]]]
    }
    /// A scalar the loader reads as text: YAML may see a number or a date in it.
    private static func scalar(_ description: String) -> JSONValue {
        ["description": .string(description), "type": ["string", "number", "integer"]]
    }
    /// An object schema at a loader's key set; `properties` should list exactly its keys (a test
    /// compares them).
    private static func object(_ keys: KeySet, description: String, required: [String] = [],
                               _ properties: [(String, JSONValue)]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"), ("description", .string(description)),
                                            ("additionalProperties", false), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
        return .object(pairs)
    }
    private static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/$defs/\(name)")] }
    private static func header(_ kind: ConfigFileKind, title: String) -> [(String, JSONValue)] {
        [("$schema", "https://json-schema.org/draft/2020-12/schema"),
         ("$id", .string("https://wijkmigratie.example/schema/\(fileName(kind))")),
         ("title", .string(title))]
    }
    private static let encoding: JSONValue = [
        "description": "the bytes' encoding (declared, never guessed)",
        "enum": ["utf-8", "utf8", "utf-8-bom", "utf-8-sig", "utf8-bom", "windows-1252", "cp1252", "win1252", "windows1252",
                 "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-latin-1"],
    ]
    private static let delimiter: JSONValue = ["type": "string", "description": "one character, or 'tab'", "minLength": 1]

    // MARK: - The migration file

    private static var migratie: JSONValue {
        let ruleIDs = RuleCatalogue.ids.map { JSONValue.string($0.rawValue) }
        let entityNames = Entity.allCases.map { JSONValue.string($0.rawValue) }
        let top = object(ConfigKeys.migratie, description: "A migration: the new gemeente, its wijken and wijkteams, and the former sources.",
                         required: ["migratie", "gemeente", "bronnen", "store"], [
            ("migratie", text("the migration's name (letters, digits, '-')")),
            ("gemeente", ref("gemeente")),
            ("peildatum", scalar("the day 'active', 'open' and 'in the future' are judged at, yyyy-MM-dd (default: gemeente.datum)")),
            ("max_fte", scalar("a person's total FTE above which medewerker.dubbel is raised (default 1.2)")),
            ("wijken", ["type": "array", "items": ref("wijk")]),
            ("postcodes", ["description": "postcode → wijk: a CSV file, or the table's layout",
                           "anyOf": [["type": "string"], ref("postcodes")]]),
            ("wijkteams", ["type": "array", "items": ref("wijkteam")]),
            ("bronnen", ["type": "array", "minItems": 1, "items": ref("bron")]),
            ("besluiten", text("the stewards' decisions file (besluiten.yml), relative to this file")),
            ("store", text("sqlite:PATH or postgres://user@host:port/db")),
            ("report", text("the report folder")),
        ])
        let defs: [(String, JSONValue)] = [
            ("gemeente", object(ConfigKeys.gemeente, description: "a gemeente: its CBS code (GM + 4 digits), name and the day it was formed",
                                required: ["code", "naam"], [
                ("code", ["type": "string", "pattern": "^GM[0-9]{4}$"]),
                ("naam", text),
                ("datum", scalar("yyyy-MM-dd")),
            ])),
            ("wijk", object(ConfigKeys.wijk, description: "a CBS wijk", required: ["code", "naam"], [
                ("code", ["type": "string", "pattern": "^WK[0-9A-Z]{6}$"]),
                ("naam", text),
            ])),
            ("wijkteam", object(ConfigKeys.wijkteam, description: "a wijkteam of the new organisation", required: ["id", "naam"], [
                ("id", text),
                ("naam", text),
                ("locatie", text),
                ("email", text),
                ("telefoon", scalar("a phone number")),
                ("wijken", ["type": "array", "items": ["type": "string"]]),
            ])),
            ("bron", object(ConfigKeys.bron, description: "one former source: its files, its mapping file and its teams",
                            required: ["bron", "mapping", "folder"], [
                ("bron", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$", "description": "the source's name; becomes part of keys"]),
                ("gemeente", ref("gemeente")),
                ("mapping", text("the mapping file, relative to this file")),
                ("folder", text("the folder with the source's files, relative to this file")),
                ("teams", ["type": "object", "description": "old team key → wijkteam id",
                           "additionalProperties": ["type": "string"]]),
                ("defaults", ["type": "object", "description": "per entity, field → value when the source leaves it empty",
                              "propertyNames": ["enum": .array(entityNames)],
                              "additionalProperties": ["type": "object", "additionalProperties": ["type": ["string", "number", "integer"]]]]),
                ("rules", ["type": "object", "description": "rule id → error, warning or off ('wijkmigratie rules' lists them)",
                           "propertyNames": ["enum": .array(ruleIDs)],
                           "additionalProperties": ["enum": ["error", "warning", "off"]]]),
                ("max_rejects", scalar("a number of records (25) or a share of those read (2%) above which nothing is loaded")),
            ])),
            ("postcodes", object(ConfigKeys.postcodes, description: "a postcode → wijk table in another layout (CBS's own, for one)",
                                 required: ["file"], [
                ("file", text),
                ("delimiter", delimiter),
                ("encoding", encoding),
                ("columns", ref("postcodeColumns")),
            ])),
            ("postcodeColumns", object(ConfigKeys.postcodeColumns, description: "the table's column names", [
                ("postcode", text), ("wijk", text), ("huisnummer", text), ("buurt", text), ("gemeente", text),
            ])),
        ]
        return .object(header(.migratie, title: "Wijkmigratie migration file (migratie.yml)") + objectBody(top) + [("$defs", .object(defs))])
    }

    // MARK: - A mapping file

    private static var mapping: JSONValue {
        let entityNames = Entity.allCases.map(\.rawValue)
        let top = object(ConfigKeys.mapping, description: "How one source's files map onto the canonical model.",
                         required: ["entities"], [
            ("bronsysteem", text("the system the export came from, for the report")),
            ("csv", ref("csv")),
            ("xml", ref("xml")),
            ("value_maps", ["type": "object", "description": "name → label: code pairs, or a CSV file of them",
                            "additionalProperties": ["anyOf": [ref("valueMapFile"),
                                                               ["type": "object", "additionalProperties": ["type": ["string", "number", "integer", "boolean"]]]]]]),
            ("date_pivot", ["type": "integer", "minimum": 1800, "maximum": 2100,
                            "description": "two-digit years: the first year of the hundred they fall in (e.g. 1930 reads 29 as 2029)"]),
            ("istandaard", ref("istandaard")),
            ("entities", ["type": "object", "additionalProperties": false, "minProperties": 1,
                          "properties": .object(entityNames.map { ($0, ref("entity_\($0)")) })]),
        ])
        var defs: [(String, JSONValue)] = [
            ("csv", object(ConfigKeys.csv, description: "the CSV dialect (declared, never guessed)", [
                ("delimiter", delimiter),
                ("quote", ["type": "string", "maxLength": 1, "description": "one character, or '' for none"]),
                ("header", yesNo("whether the first record names the columns")),
                ("encoding", encoding),
                ("skip_rows", ["type": "integer", "minimum": 0, "maximum": 1000, "description": "lines before the header to skip"]),
                ("max_record_bytes", ["type": "integer", "minimum": 1024, "description": "a longer record is rejected (default 1 MiB)"]),
            ])),
            ("xml", object(ConfigKeys.xml, description: "XML sources", [
                ("namespaces", ["type": "object", "description": "prefix → namespace URI, as the XPaths use them",
                                "additionalProperties": ["type": "string"]]),
            ])),
            ("istandaard", object(ConfigKeys.istandaard, description: "the files are iStandaarden messages of this kind", required: ["bericht"], [
                ("bericht", ["type": "string", "enum": .array(IStandaard.known.keys.sorted().map { .string($0) })]),
            ])),
            ("valueMapFile", object(ConfigKeys.valueMapFile, description: "a value map kept in a CSV file (a steward's spreadsheet)",
                                    required: ["file", "from", "to"], [
                ("file", text), ("from", text("the column with the source's labels")), ("to", text("the column with the codes")),
                ("delimiter", delimiter), ("encoding", encoding),
            ])),
            ("entity", object(ConfigKeys.entity, description: "where an entity's records are and how their fields are read",
                              required: ["file", "fields"], [
                ("file", text("the file in the source's folder (a glob such as *.xml reads each)")),
                ("csv", ref("csv")),
                ("records", text("XML: the absolute XPath of the record elements")),
                ("xsd", text("XML: validate each file against this schema first")),
                ("filter", ref("filter")),
                ("split", ref("split")),
                ("fields", ["type": "object"]),
            ])),
            ("filter", object(ConfigKeys.filter, description: "read only the records whose column or XPath matches", [
                ("column", text), ("xpath", text),
                ("in", ["type": "array", "items": ["type": ["string", "number", "integer"]]]),
                ("not_in", ["type": "array", "items": ["type": ["string", "number", "integer"]]]),
                ("equals", scalar("the value")), ("not_equals", scalar("the value")), ("empty", yesNo("empty or not")),
            ])),
            ("split", object(ConfigKeys.split, description: "split one column into named parts the fields then read as columns",
                             required: ["into"], [
                ("column", text), ("xpath", text),
                ("pattern", text("a regular expression; each group is one part (runs on empty values too: make the parts optional)")),
                ("separator", text("split on this text instead of a pattern")),
                ("into", ["type": "array", "items": ["type": "string"]]),
            ])),
            ("field", object(ConfigKeys.field, description: "one canonical field: exactly one of column/xpath, const or template", [
                ("column", scalar("a CSV column's name (trimmed), or its 1-based number without a header")),
                ("xpath", text("relative to the record; '..' climbs to its ancestors")),
                ("const", scalar("the same value for every record")),
                ("template", text("text with {column} or {xpath} parts, e.g. '{Postcode}|{Huisnr}'")),
                ("transforms", ["type": "array", "items": ref("transform")]),
                ("date", ["description": "date pattern(s) tried in order, e.g. dd-MM-yyyy",
                          "anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]]),
                ("pivot", ["type": "integer", "minimum": 1800, "maximum": 2100]),
                ("decimal", ["enum": ["comma", "point"]]),
                ("on_error", ["enum": ["reject", "empty"], "description": "a value that cannot be read rejects the record, or is loaded empty with a warning"]),
                ("default", scalar("the value when the source's is empty")),
            ])),
            ("fieldValue", ["anyOf": [["type": ["string", "integer"], "description": "a column name or an XPath"], ref("field")]]),
            ("transform", ["anyOf": [
                ["enum": ["trim", "upper", "lower", "digits"]],
                ["type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1, "properties": [
                    "pad_left": ["anyOf": [["type": "integer", "minimum": 1], ref("padLeft")]],
                    "map": text("a value map's name"),
                    "boolean": ref("boolean"),
                    "replace": ref("replace"),
                ]],
            ]]),
            ("padLeft", object(ConfigKeys.padLeft, description: "pad to a width", required: ["width"], [
                ("width", ["type": "integer", "minimum": 1, "maximum": 200]), ("with", ["type": "string", "minLength": 1, "maxLength": 1]),
            ])),
            ("boolean", object(ConfigKeys.boolean, description: "a yes/no column → one of two values", required: ["true", "false"], [
                ("true", scalar("the value for yes")), ("false", scalar("the value for no")),
            ])),
            ("replace", object(ConfigKeys.replace, description: "replace text", required: ["from"], [
                ("from", scalar("the text")), ("to", scalar("its replacement (default: nothing)")),
            ])),
        ]
        for entity in Entity.allCases {
            let fields = entity.fields.map { ($0.name, ref("fieldValue")) }
            defs.append(("entity_\(entity.rawValue)", ["allOf": [ref("entity"), ["properties": ["fields": [
                "type": "object", "additionalProperties": false, "properties": .object(fields),
            ]]]]]))
        }
        return .object(header(.mapping, title: "Wijkmigratie mapping file") + objectBody(top) + [("$defs", .object(defs))])
    }

    // MARK: - besluiten.yml

    private static var besluiten: JSONValue {
        let actions = ConfigKeys.besluitActions
        let decision = object(ConfigKeys.besluit, description: "a steward's decision on one conflict: one action, who and why",
                              required: ["wie", "waarom"], [
            ("kies", text("the source (or bron/sleutel, bron@locatie) whose record wins")),
            ("zet", ["type": "object", "description": "field → the value to load", "minProperties": 1,
                     "additionalProperties": ["type": ["string", "number", "integer"]]]),
            ("beide", yesNo("keep both records")),
            ("wijs_af", ["description": "reject these records (their keys)",
                         "anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"], "minItems": 1]]]),
            ("zonder_wijk", yesNo("load the household without wijk and wijkteam")),
            ("wie", ["type": "string", "minLength": 1]),
            ("waarom", ["type": "string", "minLength": 1]),
        ])
        var withOneAction = decision
        if case .object(var pairs) = decision {
            pairs.append(("oneOf", .array(actions.map { ["required": [.string($0)]] })))
            withOneAction = .object(pairs)
        }
        return .object(header(.besluiten, title: "Wijkmigratie steward decisions (besluiten.yml)") + [
            ("description", "conflict id (from conflicts.csv or report.html) → the decision"),
            ("type", .array(["object", "null"])),
            ("patternProperties", ["^K[0-9a-f]{12}$": ref("besluit")]),
            ("additionalProperties", false),
            ("$defs", ["besluit": withOneAction]),
        ])
    }

    private static func objectBody(_ value: JSONValue) -> [(String, JSONValue)] {
        if case .object(let pairs) = value { return pairs }
        return []
    }
}
