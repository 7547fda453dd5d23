import Foundation
import Testing
import TestSupport

/// report.html opened in headless Chromium (Debian's package; scripts/setup installs it): what it
/// renders, its offline filter, and that it carries no BSN and loads nothing from the network.
@Suite(.serialized)
struct HTMLReportTests {
    func render(_ file: String, fragment: String = "") throws -> String {
        let result = try runProgram("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                                 "--dump-dom", "file://\(file)\(fragment)"])
        #expect(result.status == 0, "chromium failed")
        return result.stdout
    }

    func shown(_ dom: String) -> String? {
        guard let r = dom.range(of: #"<span id="shown">(\d+)</span>"#, options: .regularExpression) else { return nil }
        return String(dom[r]).filter(\.isNumber)
    }

    @Test func theReportRendersOfflineAndItsFilterWorks() throws {
        let dir = TempDir("html")
        let demo = try copyFixture("midden-groningen", to: dir)
        let result = try runCLI(["check", "migratie.yml", "--report", dir.path + "/r"], in: demo)
        #expect(result.status == 1)
        let file = dir.path + "/r/report.html"
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must not reach the network")
        #expect(html.range(of: #"(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])"#, options: .regularExpression) == nil, "an unmasked BSN")

        let all = try render(file)
        #expect(all.components(separatedBy: "<section class=\"conflict\"").count - 1 == 15)
        #expect(shown(all) == "15")
        #expect(all.contains("Records per source"))
        #expect(all.contains("<td>reference_rejected</td>") || all.contains("<code>reference_rejected</code>"))
        #expect(all.contains("Kc009a07e3880"))
        #expect(all.contains("Decided: kies hoogezand-sappemeer — wie: A. Wierenga"))
        #expect(all.contains("Paste one line into <code>besluiten.yml</code>"))

        let adres = try render(file, fragment: "#soort=client.adres")
        #expect(shown(adres) == "5")
        #expect(adres.contains("data-filtered=\"client.adres||\""))
        let open = try render(file, fragment: "#status=open&bron=slochteren")
        #expect(shown(open) == "1")   // the two regisseurs of Sappemeer and Slochteren
    }
}

/// An XML source whose bytes are not in its declared encoding: one message on stderr, exit 2 —
/// none of libxml2's own lines beside it.
struct XMLEncodingMessageTests {
    @Test func aWronglyEncodedXMLSourceIsOneMessage() throws {
        let dir = TempDir("xml-encoding")
        let demo = try copyFixture("midden-groningen", to: dir)
        // Bytes that are no EUC-JP: libxml2 used to print its own lines about them on stderr.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><a>".utf8)
        bytes += [0x8F, 0xFF] + Array("</a>".utf8)
        try Data(bytes).write(to: demo.appendingPathComponent("slochteren/export.xml"))
        let result = try runCLI(["check", "migratie.yml"], in: demo)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("error: slochteren/export.xml:") == true, "\(result.stderr)")
    }
}
