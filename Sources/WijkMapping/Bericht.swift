import Foundation
import WijkXML

/// A folder of iStandaarden messages (`istandaard: { bericht: WMO301 }` in a mapping file): each
/// file is one message whose header says its kind, version, sender and date. The folder is read as
/// a history: messages in the order they were sent (dagtekening, then identificatie) — never by
/// file name — so that per gemeente and toewijzingnummer the latest message decides.
package struct IStandaard: Sendable, Equatable {
    package let bericht: String
    /// Vektis BerichtCode (COD002): 414 for WMO301, 436 for JW301.
    package let code: String
    /// The message's and the base schema's namespaces.
    package let namespace: String
    package let versie = "3"
    package let subversie = "2"

    package static let known: [String: IStandaard] = [
        "WMO301": IStandaard(bericht: "WMO301", code: "414", namespace: "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"),
        "JW301": IStandaard(bericht: "JW301", code: "436", namespace: "http://www.istandaarden.nl/ijw/3_2/jw301/schema"),
    ]

    init(bericht: String, code: String, namespace: String) {
        self.bericht = bericht
        self.code = code
        self.namespace = namespace
    }

    /// What a message file's header says.
    package struct Header: Sendable, Equatable {
        package let code: String
        package let versie: String
        package let subversie: String
        /// The sender's gemeentecode, four digits.
        package let afzender: String
        package let identificatie: String
        package let dagtekening: String
    }

    /// The header of a message file, or why the file is not a message of this kind and version.
    package func header(of path: String, display: String) -> Result<Header, Refusal> {
        let name = { XMLName(uri: self.namespace, local: $0) }
        let base = namespace.replacingOccurrences(of: "/\(bericht.lowercased())/schema", with: "/basisschema/schema")
        let reader = XMLRecordReader(path: path, display: display, recordPath: [name("Bericht"), name("Header")], keptAncestors: 0)
        var found: [String: String] = [:]
        do {
            try reader.read { record in
                for child in record.element.children {
                    found[child.name.local] = child.stringValue.trimmingCharacters(in: .whitespacesAndNewlines)
                    if child.name.local == "BerichtIdentificatie" {
                        for part in child.children where part.name.uri == base {
                            found[part.name.local] = part.stringValue.trimmingCharacters(in: .whitespacesAndNewlines)
                        }
                    }
                }
            }
        } catch {
            let root = reader.rootName.map { "a message in namespace \($0.uri ?? "(none)")" } ?? "not a message"
            return .failure(Refusal(found: root, reason: "\(error)"))
        }
        guard let code = found["BerichtCode"], let versie = found["BerichtVersie"], let subversie = found["BerichtSubversie"] else {
            return .failure(Refusal(found: "a message without BerichtCode, BerichtVersie or BerichtSubversie", reason: "no header"))
        }
        guard code == self.code, versie == self.versie, subversie == self.subversie else {
            return .failure(Refusal(found: "BerichtCode \(code), version \(versie).\(subversie)", reason: "another kind or version"))
        }
        return .success(Header(code: code, versie: versie, subversie: subversie, afzender: found["Afzender"] ?? "",
                               identificatie: found["Identificatie"] ?? "", dagtekening: found["Dagtekening"] ?? ""))
    }

    /// Why a file in a message folder is not read as a message of the mapping's kind and version.
    package struct Refusal: Error, Sendable, Equatable {
        package let found: String
        package let reason: String
    }
}
