import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WijkCSV
import WijkModel
import WijkRules
import WijkXML

/// Reads a migration file (`migratie.yml`), its mapping files, value maps and reference data, and
/// binds every mapping to its source's files. Every mistake in any of them is reported with
/// `file:line:column` and the run stops before any record is read.
package enum MigrationFile {
    /// - Parameter path: the migration file; messages name files relative to the current folder.
    package static func load(path: String) throws -> MigrationPlan {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent()
        let display = path
        let displayFolder = (path as NSString).deletingLastPathComponent
        func show(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : (displayFolder.isEmpty ? relative : "\(displayFolder)/\(relative)").normalizedPath
        }

        let root = try YAMLFile.load(path: url.path, display: display)
        let d = Diagnostics()
        guard let top = KeyedNode(root, d, what: "a migration file", allowed: ConfigKeys.migratie) else {
            try d.throwIfAny()
            throw ConfigErrors([])
        }
        let name = top.required("migratie", d, what: "a migration file")?.text(d, what: "'migratie'") ?? ""
        let gemeente = top.required("gemeente", d, what: "a migration file").flatMap { gemeenteSpec($0, d) }
        var peildatum = gemeente?.datum
        if let node = top["peildatum"], let text = node.text(d, what: "'peildatum'") {
            peildatum = CivilDate(iso: text)
            if peildatum == nil { d.add(node.spot, "'\(text)' is not a date that exists in the form yyyy-MM-dd", hint: "e.g. peildatum: 2018-01-01") }
        }
        var maxFTE = 1.0
        if let node = top["max_fte"], let text = node.text(d, what: "'max_fte'") {
            if let value = Double(text), value > 0, value <= 10 { maxFTE = value }
            else { d.add(node.spot, "max_fte '\(text)' is not a number of FTE above 0 (e.g. 1.0 or 1.2)") }
        }

        var wijken: [WijkSpec] = []
        if let node = top.required("wijken", d, what: "a migration file"), let items = node.items(d, what: "'wijken'") {
            for item in items {
                guard let keyed = KeyedNode(item, d, what: "a wijk", allowed: ConfigKeys.wijk),
                      let codeNode = keyed.required("code", d, what: "a wijk"),
                      let code = codeNode.text(d, what: "'code'") else { continue }
                if !isWijkCode(code, of: gemeente) {
                    d.add(codeNode.spot, "wijk code '\(code)' is not WK + the gemeente's four digits + two digits or capital letters",
                          hint: gemeente.map { "e.g. WK\($0.code.dropFirst(2))01" })
                }
                if wijken.contains(where: { $0.code == code }) { d.add(codeNode.spot, "wijk '\(code)' is listed twice") }
                wijken.append(WijkSpec(code: code, naam: keyed["naam"]?.string ?? code))
            }
        }
        let wijkCodes = wijken.map(\.code)
        if let node = top["wijken"], wijken.isEmpty, d.errors.isEmpty {
            d.add(node.spot, "'wijken' lists no wijk: every household would be in no wijk and no wijkteam",
                  hint: "list the new gemeente's wijken, e.g. - { code: WK195201, naam: Hoogezand }")
        }

        var wijkteams: [WijkteamSpec] = []
        if let node = top.required("wijkteams", d, what: "a migration file"), let items = node.items(d, what: "'wijkteams'") {
            for item in items {
                guard let keyed = KeyedNode(item, d, what: "a wijkteam", allowed: ConfigKeys.wijkteam),
                      let idNode = keyed.required("id", d, what: "a wijkteam"), let id = idNode.text(d, what: "'id'") else { continue }
                if wijkteams.contains(where: { $0.id == id }) { d.add(idNode.spot, "wijkteam '\(id)' is listed twice") }
                var served: [String] = []
                let servedNodes = keyed["wijken"].map { $0.isNull ? [] : $0.listOrOne(d) } ?? []
                if servedNodes.isEmpty {
                    d.add(keyed["wijken"]?.spot ?? idNode.spot, "wijkteam '\(id)' serves no wijk",
                          hint: "give it its wijken, e.g. wijken: [WK195201]; a household is placed in a wijkteam through its wijk")
                }
                for w in servedNodes {
                    guard let code = w.text(d, what: "a wijk code") else { continue }
                    if served.contains(code) {
                        d.add(w.spot, "wijk '\(code)' is listed twice for wijkteam '\(id)'")
                        continue
                    }
                    if !wijkCodes.contains(code) {
                        d.add(w.spot, "wijk '\(code)' is not in 'wijken'", hint: Suggestion.didYouMean(code, in: wijkCodes))
                    } else if let other = wijkteams.first(where: { $0.wijken.contains(code) }) {
                        d.add(w.spot, "wijk '\(code)' is already served by wijkteam '\(other.id)'",
                              hint: "a wijk belongs to one wijkteam, so that every household has one")
                    }
                    served.append(code)
                }
                wijkteams.append(WijkteamSpec(id: id, naam: keyed["naam"]?.string ?? id, locatie: keyed["locatie"]?.string,
                                              email: keyed["email"]?.string, telefoon: keyed["telefoon"]?.string, wijken: served))
            }
        }
        let teamIds = wijkteams.map(\.id)
        let unserved = wijkCodes.filter { code in !wijkteams.contains { $0.wijken.contains(code) } }
        if !unserved.isEmpty, !wijkteams.isEmpty, let node = top["wijkteams"] {
            d.add(node.spot, "no wijkteam serves \(unserved.joined(separator: ", ")): its households would have no wijkteam",
                  hint: "add the wijk to a wijkteam's 'wijken'")
        }

        var postcodes = PostcodeIndex()
        if let node = top["postcodes"], let table = PostcodeTable.declared(node, d) {
            postcodes = table.load(folder.resolving(table.file).path, display: show(table.file), spot: node.spot, gemeente: gemeente,
                                   wijken: wijkCodes, d)
        }

        var sources: [SourcePlan] = []
        // Every source the file names, also one whose mapping has a mistake: the decisions that
        // name it are not echoes of that mistake.
        var declaredSources: [String] = []
        if let node = top.required("bronnen", d, what: "a migration file"), let items = node.items(d, what: "'bronnen'") {
            declaredSources = items.compactMap { KeyedNode($0, Diagnostics(), what: "a source", allowed: ConfigKeys.bron)?["bron"]?.string }
            for item in items {
                if let source = sourcePlan(item, folder: folder, show: show, gemeente: gemeente, teamIds: teamIds, d) {
                    if sources.contains(where: { $0.name == source.name }) {
                        d.add(item.spot, "source '\(source.name)' is listed twice", hint: "every source needs its own name")
                    }
                    sources.append(source)
                }
            }
        }
        var besluiten: [Besluit] = []
        if let node = top["besluiten"], let file = node.text(d, what: "'besluiten'") {
            let path = folder.resolving(file).path
            if !FileManager.default.fileExists(atPath: path) {
                d.add(node.spot, "the besluiten file \(show(file)) is not there", hint: "the path is relative to the migration file")
            } else {
                do {
                    besluiten = try BesluitenFile.load(path: path, display: show(file), sources: declaredSources)
                } catch let errors as ConfigErrors {
                    errors.errors.forEach(d.add)
                }
            }
        }
        try d.throwIfAny()
        guard let gemeente else { throw ConfigErrors(d.errors) }
        let referenceFiles = ["postcodes", "besluiten"].compactMap { key in
            (key == "postcodes" ? top[key].flatMap { PostcodeTable.declared($0, Diagnostics())?.file } : top[key]?.string)
                .map { (name: key, path: folder.resolving($0).path) }
        }
        return MigrationPlan(file: display, folder: folder, name: name, gemeente: gemeente, peildatum: peildatum, maxFTE: maxFTE,
                             wijken: wijken, wijkteams: wijkteams,
                             postcodes: postcodes, sources: sources, besluiten: besluiten, referenceFiles: referenceFiles,
                             store: top["store"]?.string, report: top["report"]?.string)
    }

    /// A CBS wijk code: `WK`, the gemeente's four digits, two digits or capital letters (`WK0363AF`).
    static func isWijkCode(_ code: String, of gemeente: GemeenteSpec?) -> Bool {
        let chars = Array(code)
        guard chars.count == 8, code.hasPrefix("WK"), chars[2..<6].allSatisfy({ $0.isASCII && $0.isNumber }),
              chars[6...].allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        guard let gemeente else { return true }
        return code.dropFirst(2).hasPrefix(gemeente.code.dropFirst(2))
    }

    /// `GM1952` or `1952` → `GM1952`.
    static func gemeenteCode(_ text: String) -> String? {
        let digits = text.hasPrefix("GM") ? String(text.dropFirst(2)) : text
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "GM" + digits
    }

    static func gemeenteSpec(_ node: YNode, _ d: Diagnostics) -> GemeenteSpec? {
        guard let keyed = KeyedNode(node, d, what: "'gemeente'", allowed: ConfigKeys.gemeente),
              let codeNode = keyed.required("code", d, what: "'gemeente'"),
              let raw = codeNode.text(d, what: "'code'") else { return nil }
        guard let code = gemeenteCode(raw) else {
            d.add(codeNode.spot, "gemeente code '\(raw)' is not GM + four digits (CBS)", hint: "e.g. GM1952")
            return nil
        }
        var datum: CivilDate?
        if let n = keyed["datum"], let s = n.text(d, what: "'datum'") {
            datum = CivilDate(iso: s)
            if datum == nil { d.add(n.spot, "'\(s)' is not a date that exists in the form yyyy-MM-dd") }
        }
        return GemeenteSpec(code: code, naam: keyed["naam"]?.string ?? code, datum: datum)
    }


    static func sourcePlan(_ node: YNode, folder: URL, show: (String) -> String, gemeente: GemeenteSpec?,
                           teamIds: [String], _ d: Diagnostics) -> SourcePlan? {
        let what = "a source"
        guard let keyed = KeyedNode(node, d, what: what, allowed: ConfigKeys.bron),
              let nameNode = keyed.required("bron", d, what: what), let name = nameNode.text(d, what: "'bron'"),
              let mappingNode = keyed.required("mapping", d, what: what), let mappingFile = mappingNode.text(d, what: "'mapping'"),
              let folderNode = keyed.required("folder", d, what: what), let sourceFolder = folderNode.text(d, what: "'folder'")
        else { return nil }
        if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            d.add(nameNode.spot, "source name '\(name)' must be letters, digits, '-' or '_'", hint: "it becomes part of keys: e.g. hoogezand-sappemeer")
        }
        let former = keyed["gemeente"].flatMap { gemeenteSpec($0, d) } ?? gemeente
        var teams: [String: String] = [:]
        if let teamsNode = keyed["teams"], let pairs = teamsNode.pairs(d, what: "'teams'") {
            for (old, _, value) in pairs {
                guard let id = value.text(d, what: "a wijkteam id") else { continue }
                if !teamIds.contains(id) {
                    d.add(value.spot, "wijkteam '\(id)' is not in 'wijkteams'",
                          hint: Suggestion.didYouMean(id, in: teamIds) ?? "wijkteams are: \(teamIds.joined(separator: ", "))")
                }
                teams[old] = id
            }
        }
        var defaults: [Entity: [String: String]] = [:]
        if let defaultsNode = keyed["defaults"], let pairs = defaultsNode.pairs(d, what: "'defaults'") {
            for (entityName, keySpot, value) in pairs {
                guard let entity = Entity(rawValue: entityName) else {
                    d.add(keySpot, "unknown entity '\(entityName)'", hint: Suggestion.didYouMean(entityName, in: Entity.allCases.map(\.rawValue)))
                    continue
                }
                for (field, fieldSpot, v) in value.pairs(d, what: "defaults of \(entityName)") ?? [] {
                    guard entity.field(named: field) != nil else {
                        d.add(fieldSpot, "unknown field '\(field)' for \(entityName)",
                              hint: Suggestion.didYouMean(field, in: entity.fields.map(\.name)))
                        continue
                    }
                    defaults[entity, default: [:]][field] = v.string ?? ""
                }
            }
        }

        var ruleSettings: [RuleID: RuleSetting] = [:]
        if let rulesNode = keyed["rules"], let pairs = rulesNode.pairs(d, what: "'rules'") {
            for (id, keySpot, value) in pairs {
                guard let rule = RuleCatalogue.rule(named: id) else {
                    d.add(keySpot, "unknown rule '\(id)'",
                          hint: Suggestion.didYouMean(id, in: RuleCatalogue.ids.map(\.rawValue)) ?? "'wijkmigratie rules' lists them")
                    continue
                }
                let setting: RuleSetting
                switch value.string {
                case "off": setting = .off
                case "error": setting = .severity(.error)
                case "warning": setting = .severity(.warning)
                default:
                    d.add(value.spot, "a rule is set to error, warning or off")
                    continue
                }
                switch (rule.configurable, setting) {
                case (.fixed, _) where setting != .severity(rule.severity):
                    d.add(value.spot, "rule '\(id)' cannot be changed", hint: "it guards the store's keys and references")
                    continue
                case (.severityOnly, .off):
                    d.add(value.spot, "rule '\(id)' cannot be switched off: a value that cannot be read is never loaded silently",
                          hint: "set it to warning to load the value empty with a warning")
                    continue
                default: break
                }
                ruleSettings[rule.id] = setting
            }
        }
        var maxRejects: RejectThreshold?
        if let node = keyed["max_rejects"], let text = node.text(d, what: "'max_rejects'") {
            let trimmed = text.trimmingASCIISpaces()
            if trimmed.hasSuffix("%"), let p = Double(String(trimmed.dropLast()).trimmingASCIISpaces()), (0...100).contains(p) {
                maxRejects = .percent(p)
            } else if let n = Int(trimmed), n >= 0 {
                maxRejects = .count(n)
            } else {
                d.add(node.spot, "max_rejects is a number of records (25) or a percentage of the records read (2%)")
            }
        }

        let mappingPath = folder.resolving(mappingFile).standardizedFileURL.path
        let mapping: MappingSpec
        do {
            mapping = try MappingFile.load(path: mappingPath, display: show(mappingFile))
        } catch let errors as ConfigErrors {
            if errors.errors.first?.message == "cannot read the file" {
                d.add(mappingNode.spot, "cannot read the mapping file \(show(mappingFile))", hint: "the path is relative to the migration file")
            } else {
                errors.errors.forEach(d.add)
            }
            return nil
        } catch {
            d.add(mappingNode.spot, "cannot read the mapping file: \(error)")
            return nil
        }
        let sourceURL = folder.resolving(sourceFolder, isDirectory: true).standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isDir), isDir.boolValue else {
            d.add(folderNode.spot, "folder '\(sourceFolder)' is not there", hint: "the path is relative to the migration file")
            return nil
        }
        var entities: [CompiledEntity] = []
        var headers: [String: Result<IStandaard.Header, IStandaard.Refusal>] = [:]
        var schemas: [String: XMLSchema?] = [:]
        for spec in mapping.entities {
            let files = expand(spec.file, in: sourceURL)
            if files.isEmpty {
                d.add(spec.fileSpot, "no file in \(show(sourceFolder)) matches '\(spec.file)'",
                      hint: "'*' and '?' match within a file name; the folder is the source's folder in the migration file")
            }
            var compiledFiles: [CompiledEntity] = []
            for file in files {
                guard var compiled = CompiledEntity.compile(spec, mapping: mapping, bron: name, path: sourceURL.appendingPathComponent(file).path,
                                                            display: show("\(sourceFolder)/\(file)"),
                                                            bestand: "\(sourceFolder)/\(file)".normalizedPath, defaults: defaults[spec.entity] ?? [:],
                                                            ruleSettings: ruleSettings, schemas: &schemas, d) else { continue }
                if let istandaard = mapping.istandaard {
                    let header = headers[file] ?? istandaard.header(of: compiled.path, display: compiled.display)
                    headers[file] = header
                    switch header {
                    case .success(let h): compiled.header = h
                    case .failure(let refusal):
                        compiled.refusal = "not a \(istandaard.bericht) message of version \(istandaard.versie).\(istandaard.subversie): \(refusal.found)"
                    }
                }
                compiledFiles.append(compiled)
            }
            if mapping.istandaard != nil {
                // A history, not a pile: messages in the order they were sent, whatever their names.
                compiledFiles.sort { a, b in
                    let ka = [a.header?.dagtekening ?? "", a.header?.identificatie ?? "", a.bestand]
                    let kb = [b.header?.dagtekening ?? "", b.header?.identificatie ?? "", b.bestand]
                    return ka.lexicographicallyPrecedes(kb)
                }
            }
            entities.append(contentsOf: compiledFiles)
        }
        guard let former else { return nil }
        return SourcePlan(name: name, gemeente: former, mapping: mapping, folder: sourceURL, teams: teams, entities: entities,
                          ruleSettings: ruleSettings, maxRejects: maxRejects)
    }
}

/// The files a mapping's `file:` names: itself, or, when its last part has `*` or `?`, every
/// matching file in that folder, sorted by name (a folder of iWmo messages, say).
func expand(_ pattern: String, in folder: URL) -> [String] {
    guard pattern.contains("*") || pattern.contains("?") else { return [pattern] }
    let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
    let directory = parts.dropLast().joined(separator: "/")
    let namePattern = String(parts.last ?? "")
    let url = directory.isEmpty ? folder : folder.appendingPathComponent(directory, isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { fnmatch(namePattern, $0, 0) == 0 }.sorted().map { directory.isEmpty ? $0 : "\(directory)/\($0)" }
}

extension String {
    /// `a/b/../c` → `a/c`, `./x` → `x`: display paths without detours.
    var normalizedPath: String {
        var parts: [Substring] = []
        for part in split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

extension URL {
    /// A path from a configuration file: an absolute one as it is, a relative one from this folder.
    func resolving(_ path: String, isDirectory: Bool = false) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path, isDirectory: isDirectory) : appendingPathComponent(path, isDirectory: isDirectory)
    }
}
