import Foundation
import Hummingbird
import Logging
import WijkMapping
import WijkModel
import WijkPipeline
import WijkExplain

/// The workspace's web application: every page and action under `/TOKEN/`, a random token shown
/// at start; forms carry a second token and must come from the workspace itself; it listens on
/// loopback only and logs nothing about people.
package struct WerkplaatsServer: Sendable {
    package let model: WerkplaatsModel
    package let token: String
    package let csrf: String
    package let words: Woorden

    package init(model: WerkplaatsModel, token: String = WerkplaatsServer.randomToken(), csrf: String = WerkplaatsServer.randomToken(),
                 words: Woorden = .nl) {
        self.model = model
        self.token = token
        self.csrf = csrf
        self.words = words
    }

    package static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(16) }.joined()
    }

    /// The only hosts it listens on.
    package static let loopback = ["127.0.0.1", "::1", "localhost"]

    package func router() -> Router<BasicRequestContext> {
        let router = Router()
        let server = self
        router.get("{token}") { request, context in try await server.guarded(request, context) { try await server.overview() } }
        router.get("{token}/conflicten") { request, context in
            try await server.guarded(request, context) { try await server.conflicts(Self.query(request)) }
        }
        router.get("{token}/conflict/{id}") { request, context in
            try await server.guarded(request, context) { try await server.conflict(context.parameters.get("id") ?? "", notice: nil) }
        }
        router.post("{token}/conflict/{id}/besluit") { request, context in
            var request = request
            return try await server.guardedPost(&request, context) { form in try await server.decide(context.parameters.get("id") ?? "", form) }
        }
        router.post("{token}/conflict/{id}/intrekken") { request, context in
            var request = request
            return try await server.guardedPost(&request, context) { form in try await server.withdraw(context.parameters.get("id") ?? "", form) }
        }
        router.get("{token}/afwijzingen") { request, context in
            try await server.guarded(request, context) { try await server.rejects(Self.query(request)) }
        }
        router.get("{token}/status") { request, context in
            try await server.guarded(request, context) { try await server.statusJSON() }
        }
        // Without a token there is nothing: the root says so, any other path is not found.
        router.get("/") { _, _ in server.refused(.forbidden, server.words.geenToegang) }
        return router
    }

    // MARK: - Guards

    func tokenMatches(_ context: BasicRequestContext) -> Bool {
        guard let given = context.parameters.get("token") else { return false }
        // Compared in constant time: the token is the only key to the workspace.
        return given.utf8.count == token.utf8.count && zip(given.utf8, token.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func guarded(_ request: Request, _ context: BasicRequestContext, _ page: () async throws -> Response) async throws -> Response {
        guard tokenMatches(context) else { return refused(.forbidden, words.geenToegang) }
        return try await page()
    }

    /// A form post: the token in the path, the form's own token, and a browser that says the
    /// request came from this origin (Origin, Sec-Fetch-Site) when it says anything.
    func guardedPost(_ request: inout Request, _ context: BasicRequestContext, _ action: ([String: String]) async throws -> Response) async throws -> Response {
        guard tokenMatches(context) else { return refused(.forbidden, words.geenToegang) }
        if let site = request.headers[.init("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            return refused(.forbidden, words.verbodenHerkomst)
        }
        // A browser names the origin of a form it posts ("null" when a referrer policy hides it,
        // then Sec-Fetch-Site says same-origin).
        if let origin = request.headers[.origin], let host = request.head.authority {
            let site = request.headers[.init("Sec-Fetch-Site")!]
            guard origin == "http://\(host)" || (origin == "null" && site == "same-origin") else { return refused(.forbidden, words.verbodenHerkomst) }
        }
        let body = try await request.collectBody(upTo: 64 * 1024)
        let form = Self.form(String(buffer: body))
        guard let given = form["csrf"], given == csrf else { return refused(.forbidden, words.verbodenHerkomst) }
        return try await action(form)
    }

    static func query(_ request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { result[String(key)] = String(value) }
        return result
    }

    /// application/x-www-form-urlencoded.
    static func form(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            result[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    func refused(_ status: HTTPResponse.Status, _ text: String) -> Response {
        html("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(HTML.esc(words.titel))</title></head><body><p>\(HTML.esc(text))</p></body></html>", status: status)
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "same-origin"   // the token in the URL never leaves the workspace
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func redirect(_ path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = "/\(token)/\(path)"
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }

    // MARK: - Pages

    var pages: Pages { Pages(w: words, base: "/\(token)/", csrf: csrf, reveal: model.reveal) }

    func page(_ title: String, here: String, _ body: (Snapshot) async throws -> String) async throws -> Response {
        await model.settledIfFirst()
        let snapshot = await model.snapshot
        let running = await model.running
        let status = pages.status(snapshot: snapshot, running: running, failure: await model.failure, change: await model.lastChange)
        var content = ""
        if let snapshot { content = try await body(snapshot) }
        return html(HTML.page(title, words, base: "/\(token)/", here: here, status: status, body: content, refresh: running))
    }

    func overview() async throws -> Response {
        try await page(words.overzicht, here: "") { pages.overview($0) }
    }

    func conflicts(_ query: [String: String]) async throws -> Response {
        var filter = Pages.ConflictFilter()
        filter.soort = query["soort"] ?? ""
        filter.bron = query["bron"] ?? ""
        filter.status = query["status"] ?? ""
        filter.wijkteam = query["wijkteam"] ?? ""
        return try await page(words.conflicten, here: "conflicten") { pages.conflicts($0, filter: filter) }
    }

    func conflict(_ id: String, notice: (text: String, error: Bool)?, status: HTTPResponse.Status = .ok) async throws -> Response {
        await model.settledIfFirst()
        guard let snapshot = await model.snapshot, let outcome = snapshot.conflicts.first(where: { $0.conflict.id == id }) else {
            return refused(.notFound, words.nietGevonden)
        }
        let raw = await model.raw(outcome, masking: words.verborgen)
        let text = (try? model.writer.read()) ?? BesluitenText("")
        let wijken = snapshot.plan.wijken.map { ($0.code, $0.naam) }
        let steward = model.steward
        var response = try await page(id, here: "conflicten") { _ in
            pages.conflict(outcome, raw: raw, inFile: text.block(id), fingerprint: text.fingerprint(id), wijken: wijken,
                           steward: steward, notice: notice)
        }
        response.status = status
        return response
    }

    func rejects(_ query: [String: String]) async throws -> Response {
        var filter = Pages.RejectFilter()
        filter.bron = query["bron"] ?? ""
        filter.regel = query["regel"] ?? ""
        filter.bestand = query["bestand"] ?? ""
        await model.settledIfFirst()
        guard let snapshot = await model.snapshot else { return try await page(words.afwijzingen, here: "afwijzingen") { _ in "" } }
        let matching = snapshot.rejections.filter { r in
            let p = r.finding.provenance
            return (filter.bron.isEmpty || p.bron == filter.bron) && (filter.regel.isEmpty || r.finding.rule.rawValue == filter.regel)
                && (filter.bestand.isEmpty || p.bestand == filter.bestand)
        }
        let shown = Array(matching.prefix(200))
        let raw = await model.raw(rejections: shown, masking: words.verborgen)
        return try await page(words.afwijzingen, here: "afwijzingen") { pages.rejects($0, filter: filter, shown: shown, total: matching.count, raw: raw) }
    }

    func statusJSON() async throws -> Response {
        let snapshot = await model.snapshot
        let running = await model.running
        let json = "{\"running\": \(running), \"check\": \(snapshot?.number ?? 0), \"open\": \(snapshot?.openIDs.count ?? 0), \"failed\": \(await model.failure != nil)}"
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    // MARK: - Actions

    /// A conflict id as the run makes them: K and twelve hex digits.
    static func isConflictID(_ id: String) -> Bool { BesluitenText.id(of: id + ":") == id }

    func decide(_ id: String, _ form: [String: String]) async throws -> Response {
        guard let snapshot = await model.snapshot, let outcome = snapshot.conflicts.first(where: { $0.conflict.id == id }),
              outcome.conflict.soort.needsDecision else { return refused(.notFound, words.nietGevonden) }
        let options = outcome.conflict.options
        guard let choice = form["keuze"].flatMap(Int.init), options.indices.contains(choice) else {
            return try await conflict(id, notice: (words.geenKeuze, true), status: .badRequest)
        }
        let waarom = (form["waarom"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let wie = (model.steward ?? form["wie"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !waarom.isEmpty, !wie.isEmpty else { return try await conflict(id, notice: (words.waaromVerplicht, true), status: .badRequest) }
        var action = options[choice].action
        if !options[choice].complete {
            guard let wijk = form["wijk"], snapshot.plan.wijken.contains(where: { $0.code == wijk }) else {
                return try await conflict(id, notice: (words.kiesWijk, true), status: .badRequest)
            }
            action = "zet: { wijk: \(BesluitenText.quoted(wijk)) }"
        }
        let block = BesluitenText.block(id: id, action: action, wie: wie, waarom: waarom)
        let outcomeOfWrite = try await model.write(id, expected: form["stand"] ?? "") { $0.set(id, block: block) }
        return try await after(outcomeOfWrite, id: id, what: action, done: words.opgeslagen)
    }

    func withdraw(_ id: String, _ form: [String: String]) async throws -> Response {
        guard Self.isConflictID(id) else { return refused(.notFound, words.nietGevonden) }
        let outcomeOfWrite = try await model.write(id, expected: form["stand"] ?? "") { $0.remove(id) }
        return try await after(outcomeOfWrite, id: id, what: "ingetrokken", done: words.ingetrokken)
    }

    func after(_ outcome: BesluitenWriter.Outcome, id: String, what: String, done: String) async throws -> Response {
        switch outcome {
        case .written:
            await model.decided(id, what: what)
            await model.rerun()
            return redirect("conflict/\(id)?opgeslagen=1")
        case .stale:
            return try await conflict(id, notice: (words.verouderd, true), status: .conflict)
        case .changedWhileWriting:
            return try await conflict(id, notice: (words.tussentijdsGewijzigd, true), status: .conflict)
        case .invalid(let why):
            return try await conflict(id, notice: ("\(words.ongeldig): \(Masking.keys(why, reveal: false))", true), status: .unprocessableContent)
        }
    }
}

extension WerkplaatsModel {
    /// Writes one change to besluiten.yml, one writer at a time (this actor).
    package func write(_ id: String, expected: String, _ edit: (inout BesluitenText) -> Void) throws -> BesluitenWriter.Outcome {
        try writer.change(id, expected: expected, edit)
    }

    /// The first page waits for the first check; later ones show the last finished one.
    package func settledIfFirst() async {
        if snapshot == nil && failure == nil {
            if !running { rerun() }
            await settled()
        }
    }

    /// The raw records of rejected records, personal values masked unless revealed.
    package func raw(rejections: [Rejection], masking word: String) -> [String: String] {
        guard let plan = snapshot?.plan else { return [:] }
        let places = rejections.map { r in
            (entity: r.finding.entiteit, record: WijkExplain.SourceRecord(bron: r.finding.provenance.bron, bestand: r.finding.provenance.bestand,
                                                                         locatie: r.finding.provenance.locatie.stored, bronSleutel: nil))
        }
        return WijkExplain.RawRecords.read(places, plan: plan).mapValues { reveal ? $0.text : WijkExplain.StoryText.masked($0.text, values: $0.personal, as: word) }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

extension WerkplaatsServer {
    /// Serves until SIGINT or SIGTERM. Refuses any host but loopback. `onRunning` gets the port
    /// it listens on (the one asked for, or a free one for port 0).
    package func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) -> Void) async throws {
        guard Self.loopback.contains(host) else {
            throw WerkplaatsError("the workspace listens on loopback only (127.0.0.1, ::1 or localhost), not on '\(host)': it shows personal data and writes decisions")
        }
        var logger = Logger(label: "werkplaats")
        logger.logLevel = .warning   // no request lines: paths carry the token, queries a filter
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                              onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        await model.rerun()
        try await app.runService()
    }
}

package struct WerkplaatsError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package init(_ description: String) { self.description = description }
}
