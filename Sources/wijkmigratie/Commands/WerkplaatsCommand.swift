import ArgumentParser
import Foundation
import WijkPipeline
import WijkWerkplaats

struct WerkplaatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "werkplaats",
        abstract: "The steward's workspace: decide conflicts in the browser, and see each check after a decision.",
        discussion: """
            A small web application on 127.0.0.1 (loopback only). It prints a link with a random
            token; no page or action works without it. Conflicts side by side with their source
            lines; a decision is written into the migration's besluiten.yml (atomically, keeping
            every other decision and comment, refused when that decision changed meanwhile), and
            check runs again in the background. Pages are in Dutch. BSNs and names are masked
            unless --reveal-bsn. Stop it with Ctrl-C.
            """)

    @Argument(help: "The migration file (its besluiten: file is where decisions go).")
    var migrationFile: String

    @Option(name: .long, help: "The port (0: any free one).")
    var port = 8080

    @Option(name: .long, help: "The address to listen on: 127.0.0.1, ::1 or localhost only.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Who decides: written as 'wie' with every decision (else each form asks).")
    var steward: String?

    @Flag(name: .long, help: "Show BSNs and names unmasked.")
    var revealBSN = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port is 0 to 65535") }
    }

    func run() async throws {
        let server: WerkplaatsServer
        do {
            let pipeline = try Pipeline.prepare(migrationFile: migrationFile, options: Pipeline.Options(load: false))
            guard let besluiten = pipeline.plan.referenceFiles.first(where: { $0.name == "besluiten" })?.path else {
                throw WerkplaatsError("\(migrationFile) names no besluiten file: add 'besluiten: besluiten.yml' and create that file (empty is fine), so that decisions have a place")
            }
            let display = besluiten.hasPrefix(FileManager.default.currentDirectoryPath + "/")
                ? String(besluiten.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : besluiten
            let writer = BesluitenWriter(path: besluiten, display: display, sources: pipeline.plan.sources.map(\.name))
            let model = WerkplaatsModel(migrationFile: migrationFile, reveal: revealBSN, steward: steward, writer: writer)
            server = WerkplaatsServer(model: model)
        } catch let error as WerkplaatsError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        } catch {
            throw Failure.report(error)
        }
        let token = server.token
        let shownHost = host.contains(":") ? "[\(host)]" : host
        do {
            try await server.run(host: host, port: port) { port in
                FileHandle.standardOutput.write(Data("werkplaats: open http://\(shownHost):\(port)/\(token)/   (stop met Ctrl-C)\n".utf8))
            }
        } catch let error as WerkplaatsError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("error: the workspace stopped: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
