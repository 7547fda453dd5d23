import ArgumentParser
import WijkRules

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the validation rule catalogue: one rule a line, its id, severity and name.")

    @Flag(name: .long, help: "Print the catalogue as the Markdown table of the README.")
    var markdown = false

    func run() {
        print(markdown ? RuleTable.markdown() : RuleTable.lines())
    }
}
