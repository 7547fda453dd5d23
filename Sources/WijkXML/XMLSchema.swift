import CLibXML2

/// An XSD, compiled once, that validates whole files with libxml2's schema validator (which reads
/// the file as a stream, never as a DOM). Imports are read from files beside the schema; the
/// network is never used.
package final class XMLSchema: @unchecked Sendable {   // the compiled schema is read-only once made; validation contexts are per call
    /// One reason a file does not validate: where and what.
    package struct Issue: Sendable, Equatable {
        package let line: Int
        package let message: String
    }

    package let path: String
    private let schema: xmlSchemaPtr

    /// Compiles the schema; throws `XMLReadError` (with the schema's own file and line) when it cannot.
    package init(path: String, display: String) throws {
        self.path = path
        _ = libxmlReady
        wijk_xml_silence_generic_errors()
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw XMLReadError(file: display, line: 1, column: 1, message: "cannot read the schema")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = IssueCollector()
        xmlSchemaSetParserStructuredErrors(parser, { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<IssueCollector>.fromOpaque(ctx).takeUnretainedValue().add(error.pointee)
        }, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            let first = collector.issues.first
            throw XMLReadError(file: display, line: first?.line ?? 1, column: 1,
                               message: "the schema cannot be used: \(first?.message ?? "libxml2 could not compile it")")
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The reasons a file does not validate (the first `limit`); empty when it does.
    package func validate(file: String, limit: Int = 10) -> [Issue] {
        wijk_xml_silence_generic_errors()
        guard let context = xmlSchemaNewValidCtxt(schema) else { return [Issue(line: 1, message: "libxml2 could not start a validation")] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = IssueCollector(limit: limit)
        xmlSchemaSetValidStructuredErrors(context, { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<IssueCollector>.fromOpaque(ctx).takeUnretainedValue().add(error.pointee)
        }, Unmanaged.passUnretained(collector).toOpaque())
        let status = xmlSchemaValidateFile(context, file, Int32(XML_PARSE_NONET.rawValue))
        if status != 0 && collector.issues.isEmpty {
            return [Issue(line: 1, message: status < 0 ? "the file could not be validated" : "the file does not validate")]
        }
        return collector.issues
    }

    private final class IssueCollector {
        var issues: [Issue] = []
        let limit: Int
        init(limit: Int = 10) { self.limit = limit }

        func add(_ e: xmlError) {
            guard e.level.rawValue >= XML_ERR_ERROR.rawValue, issues.count < limit else { return }
            var message = e.message.map { String(cString: $0) } ?? "error \(e.code)"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            // Messages quote element names and, for a bad value, the value: keep them short.
            if message.count > 240 { message = String(message.prefix(240)) + "…" }
            issues.append(Issue(line: Int(e.line), message: message))
        }
    }
}
