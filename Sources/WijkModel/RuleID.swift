/// The id of a rule or finding: the same in findings.csv, rejects.csv, the store's `afwijzing`,
/// the migration file's `rules:` and `wijkmigratie rules`. Made only here, from this list, so that
/// a typo is a compile error and every id the code can emit is one `wijkmigratie rules` lists
/// (a test checks that).
public struct RuleID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    private init(_ rawValue: String) { self.rawValue = rawValue }

    /// An id as a migration file writes it, if it is one.
    public init?(rawValue: String) {
        guard let known = RuleID.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    public var description: String { rawValue }
    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }

    // The catalogue's rules (WijkRules), each with its examples.
    public static let agbFormat = RuleID("agb_format")
    public static let birthDatePlaceholder = RuleID("birth_date_placeholder")
    public static let birthDateRange = RuleID("birth_date_range")
    public static let bsnElfproef = RuleID("bsn_elfproef")
    public static let bsnFormat = RuleID("bsn_format")
    public static let bsnTestRange = RuleID("bsn_test_range")
    public static let dateExists = RuleID("date_exists")
    public static let dienstverbandCode = RuleID("dienstverband_code")
    public static let eenheidCode = RuleID("eenheid_code")
    public static let emailFormat = RuleID("email_format")
    public static let endBeforeStart = RuleID("end_before_start")
    public static let frequentieCode = RuleID("frequentie_code")
    public static let fteRange = RuleID("fte_range")
    public static let geslachtCode = RuleID("geslacht_code")
    public static let huisletterSingleLetter = RuleID("huisletter_single_letter")
    public static let huisnummerPositive = RuleID("huisnummer_positive")
    public static let postcodeFormat = RuleID("postcode_format")
    public static let productcategorieCode = RuleID("productcategorie_code")
    public static let productcategorieWet = RuleID("productcategorie_wet")
    public static let referenceClient = RuleID("reference_client")
    public static let referenceHuishouden = RuleID("reference_huishouden")
    public static let referenceMedewerker = RuleID("reference_medewerker")
    public static let referenceRejected = RuleID("reference_rejected")
    public static let referenceTeam = RuleID("reference_team")
    public static let requiredField = RuleID("required_field")
    public static let wetCode = RuleID("wet_code")

    // Findings of reading, mapping, merging and deciding (WijkRules' FindingCatalogue says what
    // each means).
    public static let csvRagged = RuleID("csv_ragged")
    public static let csvUnterminatedQuote = RuleID("csv_unterminated_quote")
    public static let csvRecordTooLong = RuleID("csv_record_too_long")
    public static let encodingInvalid = RuleID("encoding_invalid")
    public static let rowFilter = RuleID("row_filter")
    public static let valueUnparseable = RuleID("value_unparseable")
    public static let valueTooLong = RuleID("value_too_long")
    public static let valueUnmapped = RuleID("value_unmapped")
    public static let valueNotInCodeList = RuleID("value_not_in_code_list")
    public static let splitNoMatch = RuleID("split_no_match")
    public static let keyDuplicate = RuleID("key_duplicate")
    public static let wijkUnknown = RuleID("wijk_unknown")
    public static let xmlNoRecords = RuleID("xml_no_records")
    public static let xmlUnmatchedElements = RuleID("xml_unmatched_elements")
    public static let xsdInvalid = RuleID("xsd_invalid")
    public static let berichtSoort = RuleID("bericht_soort")
    public static let toewijzingVervallen = RuleID("toewijzing_vervallen")
    public static let bronGemeenteCode = RuleID("bron_gemeente_code")
    public static let conflictOpen = RuleID("conflict_open")
    public static let besluit = RuleID("besluit")

    public static let catalogue: [RuleID] = [.agbFormat, .birthDatePlaceholder, .birthDateRange, .bsnElfproef, .bsnFormat, .bsnTestRange, .dateExists, .dienstverbandCode, .eenheidCode, .emailFormat, .endBeforeStart, .frequentieCode, .fteRange, .geslachtCode, .huisletterSingleLetter, .huisnummerPositive, .postcodeFormat, .productcategorieCode, .productcategorieWet, .referenceClient, .referenceHuishouden, .referenceMedewerker, .referenceRejected, .referenceTeam, .requiredField, .wetCode]
    public static let findings: [RuleID] = [.csvRagged, .csvUnterminatedQuote, .csvRecordTooLong, .encodingInvalid, .rowFilter, .valueUnparseable, .valueTooLong, .valueUnmapped, .valueNotInCodeList, .splitNoMatch, .keyDuplicate, .wijkUnknown, .xmlNoRecords, .xmlUnmatchedElements, .xsdInvalid, .berichtSoort, .toewijzingVervallen, .bronGemeenteCode, .conflictOpen, .besluit]
    public static var all: [RuleID] { catalogue + findings }
}
