import Foundation
import Testing
import TestSupport
import WijkMapping
@testable import WijkWerkplaats

/// Editing besluiten.yml keeps every other decision, every comment and the layout; a new
/// decision lands in a stable place; undo gives the file back byte for byte.
@Suite struct BesluitenTextTests {
    static let file = """
        # Decisions of the demo.

        # Moved: the new address counts.
        Kc009a07e3880:
          kies: hoogezand-sappemeer
          wie: A. Wierenga
          waarom: Verhuisd.   # BRP checked
        K8231080e9675: { kies: menterwolde, wie: B, waarom: "Zo." }

        # Kept apart on purpose.
        Kf00000000001:
          beide: ja
          wie: C
          waarom: Twee mensen.

        """

    @Test func aNewDecisionGoesInIdOrderAboveTheNextBlocksComment() {
        var text = BesluitenText(Self.file)
        text.set("Kd00000000000", block: BesluitenText.block(id: "Kd00000000000", action: "wijs_af: [\"a/1\"]", wie: "T. Tester", waarom: "Dubbel: \"zie BRP\""))
        #expect(text.text == """
            # Decisions of the demo.

            # Moved: the new address counts.
            Kc009a07e3880:
              kies: hoogezand-sappemeer
              wie: A. Wierenga
              waarom: Verhuisd.   # BRP checked
            K8231080e9675: { kies: menterwolde, wie: B, waarom: "Zo." }

            Kd00000000000:
              wijs_af: ["a/1"]
              wie: "T. Tester"
              waarom: "Dubbel: \\"zie BRP\\""

            # Kept apart on purpose.
            Kf00000000001:
              beide: ja
              wie: C
              waarom: Twee mensen.

            """)
    }

    @Test(arguments: [BesluitenTextTests.file, String(BesluitenTextTests.file.dropLast())])
    func undoGivesTheFileBackByteForByte(file: String) {
        for id in ["K000000000000", "Kd00000000000", "Kffffffffffff"] {
            var text = BesluitenText(file)
            text.set(id, block: BesluitenText.block(id: id, action: "beide: ja", wie: "T", waarom: "W"))
            #expect(text.text != file)
            text.remove(id)
            #expect(text.text == file, "\(id)")
        }
    }

    /// A file a Windows editor saved (CRLF): new lines follow its line ends, and undo still gives
    /// it back byte for byte.
    @Test func aCRLFFileStaysCRLF() {
        let windows = Self.file.replacingOccurrences(of: "\n", with: "\r\n")
        var text = BesluitenText(windows)
        text.set("Kd00000000000", block: BesluitenText.block(id: "Kd00000000000", action: "beide: ja", wie: "T", waarom: "W"))
        #expect(text.text.contains("Kd00000000000:\r\n  beide: ja\r\n  wie: \"T\"\r\n  waarom: \"W\"\r\n\r\n# Kept apart"), "\(text.text.debugDescription)")
        #expect(text.block("Kf00000000001").hasPrefix("Kf00000000001:"))
        text.remove("Kd00000000000")
        #expect(text.text == windows)
    }

    @Test func replacingAndRemovingAnExistingDecisionLeavesTheOthers() {
        var text = BesluitenText(Self.file)
        let before = text.fingerprint("K8231080e9675")
        text.set("K8231080e9675", block: BesluitenText.block(id: "K8231080e9675", action: "kies: \"hoogezand-sappemeer\"", wie: "T", waarom: "W"))
        #expect(text.fingerprint("K8231080e9675") != before)
        #expect(text.block("Kc009a07e3880") == BesluitenText(Self.file).block("Kc009a07e3880"))
        #expect(text.block("Kf00000000001") == BesluitenText(Self.file).block("Kf00000000001"))
        text.remove("Kc009a07e3880")
        #expect(text.block("Kc009a07e3880") == "")
        #expect(text.text.contains("# Moved: the new address counts."), "comments stay")
        #expect(text.fingerprint("Kc009a07e3880") == BesluitenText("").fingerprint("Kc009a07e3880"))
    }

    /// What the workspace writes is read back by the loader as the decision it meant.
    @Test func theWrittenFileLoads() throws {
        let dir = TempDir("besluiten")
        let path = dir.write("besluiten.yml", Self.file)
        let writer = BesluitenWriter(path: path, display: "besluiten.yml", sources: ["hoogezand-sappemeer", "menterwolde"])
        let expected = try writer.read().fingerprint("K111111111111")
        let outcome = try writer.change("K111111111111", expected: expected) {
            $0.set("K111111111111", block: BesluitenText.block(id: "K111111111111", action: "kies: \"menterwolde\"",
                                                                  wie: "T. Tester", waarom: "Regel 1\nRegel 2: ja # geen commentaar"))
        }
        #expect(outcome == .written)
        let decisions = try BesluitenFile.load(path: path, display: "besluiten.yml", sources: ["hoogezand-sappemeer", "menterwolde"])
        let written = try #require(decisions.first { $0.conflict == "K111111111111" })
        #expect(written.waarom == "Regel 1\nRegel 2: ja # geen commentaar")
        #expect(written.wie == "T. Tester")
        #expect(decisions.count == 4)
    }

    @Test func aStaleOrInvalidWriteChangesNothing() throws {
        let dir = TempDir("besluiten")
        let path = dir.write("besluiten.yml", Self.file)
        let writer = BesluitenWriter(path: path, display: "besluiten.yml", sources: ["hoogezand-sappemeer", "menterwolde"])
        let stale = try writer.change("Kc009a07e3880", expected: "not-what-is-there") { $0.remove("Kc009a07e3880") }
        #expect(stale == .stale)
        let current = try writer.read().fingerprint("K222222222222")
        let invalid = try writer.change("K222222222222", expected: current) {
            $0.set("K222222222222", block: BesluitenText.block(id: "K222222222222", action: "kies: \"geen-bron\"", wie: "T", waarom: "W"))
        }
        guard case .invalid(let why) = invalid else { Issue.record("\(invalid)"); return }
        #expect(why.contains("'geen-bron' is not a source of the migration"), "\(why)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.file)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "besluiten.yml" }
        #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
    }
}
