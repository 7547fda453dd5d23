import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import, map, validate and merge every source and write the report; writes nothing to the store.")

    @OptionGroup var options: RunOptions

    func run() throws {
        try Runner.run(options, load: false, store: nil)
    }
}
