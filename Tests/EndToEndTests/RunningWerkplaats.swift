import Foundation
import TestSupport

/// `wijkmigratie werkplaats` running on a copy of a fixture, on a free port, spoken to over
/// HTTP with curl as a browser would (or would not).
final class RunningWerkplaats: @unchecked Sendable {   // fields set once in init; stop() is idempotent
    let process = Process()
    let folder: URL
    /// `http://127.0.0.1:PORT/TOKEN/`
    let base: String
    var besluiten: URL { folder.appendingPathComponent("besluiten.yml") }

    init(folder: URL, arguments: [String] = ["--steward", "T. Tester"]) throws {
        self.folder = folder
        process.executableURL = productsDirectory().appendingPathComponent("wijkmigratie")
        process.arguments = ["werkplaats", "migratie.yml", "--port", "0"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains("\n") && Date() < deadline && process.isRunning {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
            seen += String(decoding: data, as: UTF8.self)
        }
        guard let range = seen.range(of: #"http://[^ \n]+/"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the workspace printed no link: \(seen)"])
        }
        base = String(seen[range])
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    var origin: String { String(base.prefix { $0 != "/" } + "//") + base.dropFirst("http://".count).prefix { $0 != "/" } }

    struct Reply { let status: Int; let body: String }

    /// A request to a path (relative to the token, or absolute from the host with a leading "/").
    func request(_ path: String, form: [String: String]? = nil, headers: [String: String] = [:]) throws -> Reply {
        let url = path.hasPrefix("/") ? origin + path : base + path
        var arguments = ["-s", "-w", "\n%{http_code}", "--max-time", "120"]
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        if let form {
            let body = form.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
            arguments += ["-X", "POST", "-H", "Content-Type: application/x-www-form-urlencoded", "--data-raw", body]
        }
        let result = try runProgram("curl", arguments + [url])
        let text = result.stdout
        let cut = text.lastIndex(of: "\n") ?? text.startIndex
        return Reply(status: Int(text[text.index(after: cut)...]) ?? 0, body: String(text[..<cut]))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }

    /// The hidden fields of a conflict page's decision form.
    func formFields(_ page: String) -> (csrf: String, stand: String)? {
        func value(_ name: String) -> String? {
            guard let r = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(page[r.upperBound...].prefix { $0 != "\"" })
        }
        guard let csrf = value("csrf"), let stand = value("stand") else { return nil }
        return (csrf, stand.replacingOccurrences(of: "&amp;", with: "&"))
    }

    /// The status endpoint: whether a check runs, its number, the open conflicts.
    func status() throws -> (running: Bool, check: Int, open: Int) {
        let body = try request("status").body
        func number(_ key: String) -> Int { Int(body.components(separatedBy: "\"\(key)\": ").dropFirst().first?.prefix { $0.isNumber } ?? "") ?? -1 }
        return (body.contains("\"running\": true"), number("check"), number("open"))
    }

    /// Waits until a check later than `after` has finished.
    func waitForCheck(after: Int) throws -> (check: Int, open: Int) {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let s = try status()
            if !s.running && s.check > after { return (s.check, s.open) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no check finished after \(after)"])
    }

    /// The open conflicts' ids, from the conflicts page.
    func openConflicts() throws -> [String] {
        let page = try request("conflicten?status=open").body
        return page.components(separatedBy: "class=\"conflict\" href=\"").dropFirst().compactMap { part in
            part.range(of: "conflict/").map { String(part[$0.upperBound...].prefix { $0 != "\"" }) }
        }
    }
}
