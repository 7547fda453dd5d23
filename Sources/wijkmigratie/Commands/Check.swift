import ArgumentParser

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import, map, validate and merge every source and write the report; writes nothing to the store.")

    @OptionGroup var options: RunOptions

    func run() async throws {
        try await Runner.run(options, load: false, store: nil)
    }
}
