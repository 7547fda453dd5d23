import Foundation
import Testing
import TestSupport

/// The steward's workspace over HTTP: the token, the form checks, a write refused when the
/// decision changed underneath, two clients deciding at once, undo.
@Suite struct WerkplaatsTests {
    func demo(_ dir: TempDir) throws -> RunningWerkplaats {
        try RunningWerkplaats(folder: try copyFixture("midden-groningen", to: dir))
    }

    @Test func withoutTheTokenNothingIsShownOrDone() throws {
        let dir = TempDir("werkplaats")
        let w = try demo(dir)
        #expect(try w.request("").status == 200)
        let before = try Data(contentsOf: w.besluiten)
        for path in ["/", "/abc", "/abc/conflicten", "/abc/afwijzingen", "/abc/status"] {
            let reply = try w.request(path)
            #expect(reply.status == 403, "\(path): \(reply.status)")
            #expect(!reply.body.contains("midden-groningen"), "\(path) shows nothing of the migration")
        }
        let open = try #require(try w.openConflicts().first)
        let post = try w.request("/abc/conflict/\(open)/besluit", form: ["keuze": "0", "waarom": "x", "csrf": "x", "stand": ""])
        #expect(post.status == 403)
        #expect(try Data(contentsOf: w.besluiten) == before)
    }

    @Test func aFormFromElsewhereIsRefused() throws {
        let dir = TempDir("werkplaats")
        let w = try demo(dir)
        let open = try #require(try w.openConflicts().first)
        let page = try w.request("conflict/\(open)").body
        let fields = try #require(w.formFields(page))
        let before = try Data(contentsOf: w.besluiten)
        let form = ["keuze": "0", "waarom": "Vanaf een andere site", "csrf": fields.csrf, "stand": fields.stand]
        var wrongToken = form
        wrongToken["csrf"] = "0000"
        #expect(try w.request("conflict/\(open)/besluit", form: wrongToken).status == 403)
        #expect(try w.request("conflict/\(open)/besluit", form: form, headers: ["Sec-Fetch-Site": "cross-site"]).status == 403)
        #expect(try w.request("conflict/\(open)/besluit", form: form, headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(try Data(contentsOf: w.besluiten) == before, "nothing was written")
        // The same form from the workspace itself lands.
        let reply = try w.request("conflict/\(open)/besluit", form: form, headers: ["Origin": w.origin, "Sec-Fetch-Site": "same-origin"])
        #expect(reply.status == 303, "\(reply.body)")
        #expect(try String(contentsOf: w.besluiten, encoding: .utf8).contains("\(open):\n"))
    }

    /// An editor changed this conflict's decision after the page was shown: the workspace's
    /// write is refused with a clear message and the editor's text stays.
    @Test func aWriteToADecisionChangedMeanwhileIsRefused() throws {
        let dir = TempDir("werkplaats")
        let w = try demo(dir)
        let open = try #require(try w.openConflicts().first)
        let fields = try #require(w.formFields(try w.request("conflict/\(open)").body))
        let edited = try String(contentsOf: w.besluiten, encoding: .utf8)
            + "\n\(open):\n  kies: menterwolde\n  wie: Editor\n  waarom: In de editor besloten.\n"
        try Data(edited.utf8).write(to: w.besluiten)
        let reply = try w.request("conflict/\(open)/besluit", form: ["keuze": "0", "waarom": "Uit de werkplaats", "csrf": fields.csrf, "stand": fields.stand])
        #expect(reply.status == 409)
        #expect(reply.body.contains("Niet opgeslagen: het besluit op dit conflict is intussen veranderd"), "\(reply.body.prefix(3000))")
        #expect(reply.body.contains("In de editor besloten."), "the page shows what is there now")
        #expect(try String(contentsOf: w.besluiten, encoding: .utf8) == edited, "nothing lost")
    }

    /// Two stewards decide two conflicts at the same moment: both decisions land, the check
    /// after them sees two open conflicts fewer.
    @Test func twoClientsDecidingAtOnceBothLand() async throws {
        let dir = TempDir("werkplaats")
        let w = try demo(dir)
        let open = try w.openConflicts()
        #expect(open.count == 5)
        let before = try w.status()
        let a = open[0], b = open[1]
        let fa = try #require(w.formFields(try w.request("conflict/\(a)").body))
        let fb = try #require(w.formFields(try w.request("conflict/\(b)").body))
        async let ra = Task.detached { try w.request("conflict/\(a)/besluit", form: ["keuze": "0", "waarom": "Steward A", "csrf": fa.csrf, "stand": fa.stand]) }.value
        async let rb = Task.detached { try w.request("conflict/\(b)/besluit", form: ["keuze": "0", "waarom": "Steward B", "csrf": fb.csrf, "stand": fb.stand]) }.value
        let (first, second) = try await (ra, rb)
        #expect(first.status == 303 && second.status == 303, "\(first.status) \(second.status)")
        let text = try String(contentsOf: w.besluiten, encoding: .utf8)
        #expect(text.contains("\(a):\n") && text.contains("\(b):\n"))
        #expect(text.contains("waarom: \"Steward A\"") && text.contains("waarom: \"Steward B\""))
        var after = try w.waitForCheck(after: before.check)
        if after.open != before.open - 2 { after = try w.waitForCheck(after: after.check) }   // the second decision's check
        #expect(after.open == before.open - 2)
    }

    @Test func withdrawingADecisionGivesTheFileBack() throws {
        let dir = TempDir("werkplaats")
        let w = try demo(dir)
        let original = try Data(contentsOf: w.besluiten)
        let open = try #require(try w.openConflicts().first)
        let start = try w.status()
        let fields = try #require(w.formFields(try w.request("conflict/\(open)").body))
        #expect(try w.request("conflict/\(open)/besluit", form: ["keuze": "1", "waarom": "Even", "csrf": fields.csrf, "stand": fields.stand]).status == 303)
        let decided = try w.waitForCheck(after: start.check)
        #expect(decided.open == start.open - 1)
        let page = try w.request("conflict/\(open)").body
        #expect(page.contains("id=\"intrekken\""))
        let again = try #require(w.formFields(page))
        #expect(try w.request("conflict/\(open)/intrekken", form: ["csrf": again.csrf, "stand": again.stand]).status == 303)
        #expect(try Data(contentsOf: w.besluiten) == original)
        let back = try w.waitForCheck(after: decided.check)
        #expect(back.open == start.open)
        let overview = try w.request("").body
        #expect(overview.contains("\(open)"), "the last decision and what it did are on the page")
    }

    @Test func onlyLoopback() throws {
        let dir = TempDir("werkplaats")
        let folder = try copyFixture("midden-groningen", to: dir)
        let run = try runCLI(["werkplaats", "migratie.yml", "--host", "0.0.0.0", "--port", "0"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("the workspace listens on loopback only"), "\(run.stderr)")
    }
}

/// A decision that needs a value — a household in no wijk placed in one (`zet: { wijk: … }`) — on a
/// migration shaped unlike the demo.
@Suite struct WerkplaatsZetTests {
    @Test func aHouseholdInNoWijkIsPlacedInOneChosenOnThePage() throws {
        let dir = TempDir("werkplaats-zet")
        let w = try RunningWerkplaats(folder: try copyFixture("noordkwartier", to: dir))
        let ids = try w.openConflicts()
        let page = try #require(try ids.lazy.map { try w.request("conflict/\($0)").body }.first { $0.contains("<select name=\"wijk\">") })
        let conflict = try #require(ids.first { page.contains("Conflicten: \($0)") })
        let fields = try #require(w.formFields(page))
        let wijk = try #require(page.components(separatedBy: "<option value=\"WK").dropFirst().first.map { "WK" + $0.prefix { $0 != "\"" } })
        let index = try #require(page.components(separatedBy: "<input type=\"radio\" name=\"keuze\" value=\"").dropFirst()
            .first { $0.contains("<select name=\"wijk\">") }.map { String($0.prefix { $0 != "\"" }) })
        let start = try w.status()

        let noWijk = try w.request("conflict/\(conflict)/besluit", form: ["keuze": index, "waarom": "Adres in de BRP", "csrf": fields.csrf, "stand": fields.stand])
        #expect(noWijk.status == 400)
        #expect(noWijk.body.contains("kies een wijk"), "\(noWijk.body.prefix(2000))")
        let placed = try w.request("conflict/\(conflict)/besluit",
                                   form: ["keuze": index, "wijk": wijk, "waarom": "Adres in de BRP", "csrf": fields.csrf, "stand": fields.stand])
        #expect(placed.status == 303, "\(placed.body.prefix(2000))")
        let text = try String(contentsOf: w.besluiten, encoding: .utf8)
        #expect(text.contains("\(conflict):\n  zet: { wijk: \"\(wijk)\" }\n  wie: \"T. Tester\"\n  waarom: \"Adres in de BRP\"\n"), "\(text)")
        let after = try w.waitForCheck(after: start.check)
        #expect(after.open == start.open - 1)
        #expect(try w.request("conflict/\(conflict)").body.contains("<span class=\"besloten\">"))
    }
}
