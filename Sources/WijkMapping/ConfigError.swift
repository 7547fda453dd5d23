/// A mistake in a migration, mapping or value-map file: where it is and what to do about it.
/// Printed as `file:line:column: message` followed by a hint, like a compiler.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public let hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(file):\(line):\(column): error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Every mistake found in the configuration; the run stops before any data is read.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [ConfigError]
    public init(_ errors: [ConfigError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects errors while a file is read, so that one run shows all of them at once.
final class Diagnostics {
    private(set) var errors: [ConfigError] = []

    func add(_ error: ConfigError) { errors.append(error) }

    func add(_ spot: Spot, _ message: String, hint: String? = nil) {
        errors.append(ConfigError(file: spot.file, line: spot.line, column: spot.column, message: message, hint: hint))
    }

    func throwIfAny() throws {
        if !errors.isEmpty { throw ConfigErrors(errors) }
    }
}
