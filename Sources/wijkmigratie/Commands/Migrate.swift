import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Everything check does, then load the store in one transaction (replacing what the previous run loaded).")

    @OptionGroup var options: RunOptions

    @Option(name: .long, help: "The store: sqlite:PATH (default: the migration file's 'store', else sqlite:out/wijkteam.sqlite beside it).")
    var store: String?

    @Flag(name: .long, help: "Load even while conflicts are open: the records in open conflicts are kept out (and reported as rejected).")
    var allowOpen = false

    func run() async throws {
        try await Runner.run(options, load: true, store: store, allowOpen: allowOpen)
    }
}
