/// Why a toewijzing was changed (iWmo WMO002 / iJw JZ002, `RedenWijziging` in a 301 message),
/// and what the migration does with it: a withdrawn toewijzing is not loaded; any other reason
/// is loaded with the toewijzing as the latest message has it, the reason kept beside it.
package enum RedenWijziging: String, CaseIterable, Sendable {
    case administratieveCorrectieVervallen = "01"
    case clientOverleden = "02"
    case contractwijziging = "03"
    case verlenging = "04"
    case verkorting = "05"
    case uitstroomAnderDomein = "06"
    case verhuizingAndereGemeente = "07"
    case wijzigingLeveringsvorm = "08"
    case overstapAndereAanbieder = "09"
    case nieuweBekostiging = "10"
    case herindeling = "11"
    case geinitieerdDoorAanbieder = "12"
    case verwijderd = "13"
    case administratieveCorrectie = "14"

    package static var codes: [String] { allCases.map(\.rawValue) }

    /// The toewijzing no longer exists: corrected away (01) or removed (13).
    package var withdraws: Bool { self == .administratieveCorrectieVervallen || self == .verwijderd }

    /// The standard's words.
    package var meaning: String {
        switch self {
        case .administratieveCorrectieVervallen: return "Administratieve correctie (vervallen)"
        case .clientOverleden: return "Client overleden"
        case .contractwijziging: return "Contractwijziging"
        case .verlenging: return "Herbeoordeling: verlenging toewijzing"
        case .verkorting: return "Herbeoordeling: verkorting toewijzing"
        case .uitstroomAnderDomein: return "Uitstroom naar ander domein"
        case .verhuizingAndereGemeente: return "Verhuizing naar een andere gemeente"
        case .wijzigingLeveringsvorm: return "Wijziging leveringsvorm"
        case .overstapAndereAanbieder: return "Overstap naar andere aanbieder"
        case .nieuweBekostiging: return "Overgang naar nieuwe bekostigingssystematiek"
        case .herindeling: return "Gemeentelijke herindeling"
        case .geinitieerdDoorAanbieder: return "Geinitieerd door de aanbieder"
        case .verwijderd: return "Verwijderd"
        case .administratieveCorrectie: return "Administratieve correctie"
        }
    }
}
