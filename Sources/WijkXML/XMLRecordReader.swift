import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A record found in an XML source: its element (with `keptAncestors` ancestors reachable through
/// `parent`), the line it starts on, and its XPath (`/h:Export/h:Huishouden[3]/h:Leden/h:Lid[2]`).
package struct XMLRecord {
    package let element: XMLNode
    package let line: Int
    package let xpath: String
}

/// Why an XML source could not be read: where, and what.
package struct XMLReadError: Error, Sendable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let column: Int
    package let message: String

    package var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Streams an XML file through libxml2's SAX2 push parser and hands out one record element at a
/// time; never a DOM of the document. Safe by construction: no network, no DTD (a document type
/// declaration is refused, which also refuses external entities and entity-expansion bombs), no
/// entity substitution, no recover mode. The first error stops the parse and is thrown with its
/// line and column.
package final class XMLRecordReader {
    package let path: String
    package let display: String
    /// The records paths followed through the parse, in the order they were added: one for a
    /// reader made with a records path, one per entity when a file feeds several.
    package private(set) var matchers: [XMLRecordMatcher] = []

    // Parse state, reached from the C callbacks through the user-data pointer.
    fileprivate var ctxt: xmlParserCtxtPtr?
    fileprivate var depth = 0
    fileprivate var error: XMLReadError?
    fileprivate var onRecord: ((Int, XMLRecord) -> Void)?
    /// Every open element, for the message when the file ends inside one: its name as libxml2's
    /// dictionary pointers (valid while the parser lives) and its line; made into text only then.
    fileprivate var openElements: [(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>, line: Int)] = []
    fileprivate var terminating = false
    /// Set by `cancel`: the parse ends early, without an error.
    fileprivate var cancelled = false
    /// Bytes read from the file so far (for progress).
    package private(set) var bytesRead = 0
    /// Names come from libxml2's dictionary, one pointer per distinct name: make each String once.
    fileprivate var interned: [UnsafeRawPointer: String] = [:]
    fileprivate var named: [NameKey: (name: XMLName, qualifiedName: String)] = [:]
    fileprivate struct NameKey: Hashable {
        let prefix: UnsafeRawPointer?
        let local: UnsafeRawPointer
        let uri: UnsafeRawPointer?
    }
    package private(set) var rootName: XMLName?

    /// A reader for several records paths: `add` each, then `readAll`.
    package init(path: String, display: String) {
        self.path = path
        self.display = display
    }

    /// A reader for one records path (see `XMLRecordMatcher.init`); `read` hands out its records.
    package convenience init(path: String, display: String, recordPath: [XMLName], keptAncestors: Int, ancestorChildren: Bool = true) {
        self.init(path: path, display: display)
        add(XMLRecordMatcher(recordPath: recordPath, keptAncestors: keptAncestors, ancestorChildren: ancestorChildren))
    }

    /// Follows one more records path in the same parse; its records come with this index.
    @discardableResult
    package func add(_ matcher: XMLRecordMatcher) -> Int {
        matchers.append(matcher)
        return matchers.count - 1
    }

    // The single path's view (a reader made with a records path).
    package var otherRecordPaths: [[XMLName]] {
        get { matchers[0].otherRecordPaths }
        set { matchers[0].otherRecordPaths = newValue }
    }
    package var namesRead: Set<XMLName> {
        get { matchers[0].namesRead }
        set { matchers[0].namesRead = newValue }
    }
    package var matchLocalNames: Bool {
        get { matchers[0].matchLocalNames }
        set { matchers[0].matchLocalNames = newValue }
    }
    package var unmatched: [String: Int] { matchers[0].unmatched }
    package var recordsSeen: Int { matchers[0].recordsSeen }

    /// Reads the whole file, calling `body` for each record of the first records path in document order.
    package func read(_ body: @escaping (XMLRecord) -> Void) throws {
        try readAll { index, record in if index == 0 { body(record) } }
    }

    /// Reads the whole file once, calling `body` with each record of every records path and the
    /// index of its path, in document order (a record closes after the records inside it).
    package func readAll(_ body: @escaping (Int, XMLRecord) -> Void) throws {
        reset()
        _ = libxmlReady
        wijk_xml_silence_generic_errors()
        onRecord = body
        defer { onRecord = nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw XMLReadError(file: display, line: 1, column: 1, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }

        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            let reader = XMLRecordReader.from(ctx)
            reader.declare(Int(nbNamespaces), namespaces)
            reader.start(localname, prefix, uri, Int(nbAttributes), attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in
            let reader = XMLRecordReader.from(ctx)
            reader.end()
            reader.undeclare()
        }
        handler.characters = { ctx, ch, len in XMLRecordReader.from(ctx).characters(ch, Int(len)) }
        handler.cdataBlock = { ctx, ch, len in XMLRecordReader.from(ctx).characters(ch, Int(len)) }
        handler.internalSubset = { ctx, _, _, _ in
            XMLRecordReader.from(ctx).refuse("a document type declaration (DTD) is refused in a source file: it could load files, reach the network or expand entities without bound")
        }
        handler.externalSubset = { ctx, _, _, _ in XMLRecordReader.from(ctx).refuse("an external DTD is refused") }
        handler.entityDecl = { ctx, _, _, _, _, _ in XMLRecordReader.from(ctx).refuse("entity declarations are refused") }
        handler.getEntity = { _, _ in nil }
        handler.serror = { ctx, err in
            guard let ctx, let err else { return }
            XMLRecordReader.from(ctx).libxmlError(err.pointee)
        }

        let me = Unmanaged.passUnretained(self).toOpaque()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let first = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, 4) }
        if first < 0 {
            throw XMLReadError(file: display, line: 1, column: 1, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        if first == 0 { throw XMLReadError(file: display, line: 1, column: 1, message: "the file is empty: no XML at all") }
        ctxt = buffer.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: 4) {
                xmlCreatePushParserCtxt(&handler, me, $0, Int32(max(first, 0)), display)
            }
        }
        guard let ctxt else { throw XMLReadError(file: display, line: 1, column: 1, message: "libxml2 could not start a parser") }
        // Again after the parser exists (libxml2 may set its defaults up when the first one is made).
        wijk_xml_silence_generic_errors()
        // What the first bytes already told the parser (a refused encoding, say) is not lost.
        if let error {
            xmlFreeParserCtxt(ctxt)
            self.ctxt = nil
            throw error
        }
        defer {
            xmlFreeParserCtxt(ctxt)
            self.ctxt = nil
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        xmlCtxtUseOptions(ctxt, options)
        // Predefined and character references in attributes become their characters (without it,
        // libxml2 2.9 passes `&amp;` in an attribute on as the text `&#38;`). No DTD is ever read and
        // entity declarations are refused, so no other entity can be substituted.
        ctxt.pointee.replaceEntities = 1
        ctxt.pointee.loadsubset = 0

        while error == nil && !cancelled {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                throw XMLReadError(file: display, line: Int(xmlSAX2GetLineNumber(ctxt)), column: 1,
                                   message: "reading stopped: \(String(cString: strerror(errno)))")
            }
            terminating = n == 0
            bytesRead += max(n, 0)
            let status = buffer.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(n, 1)) {
                    xmlParseChunk(ctxt, n > 0 ? $0 : nil, Int32(n), n == 0 ? 1 : 0)
                }
            }
            if cancelled { return }
            if status != 0 && error == nil {
                error = XMLReadError(file: display, line: Int(xmlSAX2GetLineNumber(ctxt)), column: Int(xmlSAX2GetColumnNumber(ctxt)),
                                     message: "the XML is not well-formed (libxml2 error \(status))")
            }
            if n == 0 { break }
        }
        if let error { throw error }
        if ctxt.pointee.wellFormed == 0 {
            throw XMLReadError(file: display, line: Int(xmlSAX2GetLineNumber(ctxt)), column: Int(xmlSAX2GetColumnNumber(ctxt)),
                               message: "the XML is not well-formed")
        }
    }

    /// Everything one read learns, forgotten before the next: names interned by the pointers of a
    /// parser's dictionary (freed with the parser) above all.
    private func reset() {
        depth = 0
        for matcher in matchers { matcher.reset() }
        error = nil
        cancelled = false
        openElements = []
        terminating = false
        bytesRead = 0
        declarations = []
        interned = [:]
        named = [:]
        rootName = nil
    }

    /// Elements nested deeper than this are refused (libxml2's own limit without XML_PARSE_HUGE,
    /// which is not set): no source nests so deep, and nothing here recurses down a tree anyway.
    package static let maxDepth = 256

    fileprivate static func from(_ ctx: UnsafeMutableRawPointer?) -> XMLRecordReader {
        Unmanaged<XMLRecordReader>.fromOpaque(ctx!).takeUnretainedValue()
    }

    private var position: (line: Int, column: Int) {
        guard let ctxt else { return (0, 0) }
        return (Int(xmlSAX2GetLineNumber(ctxt)), Int(xmlSAX2GetColumnNumber(ctxt)))
    }

    fileprivate func stop(_ message: String, line: Int? = nil, column: Int? = nil) {
        guard error == nil, !cancelled else { return }
        let p = position
        error = XMLReadError(file: display, line: line ?? p.line, column: column ?? p.column, message: message)
        if let ctxt { xmlStopParser(ctxt) }
    }

    fileprivate func refuse(_ message: String) { stop(message) }

    /// Ends the parse from inside a record's callback (nobody wants the rest): `readAll` returns
    /// after the callback, without an error and without reading on.
    package func cancel() {
        guard error == nil, !cancelled else { return }
        cancelled = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    fileprivate func libxmlError(_ e: xmlError) {
        guard !cancelled, e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        if terminating, let innermost = openElements.last {
            let qname = (innermost.prefix.map { String(cString: $0) + ":" } ?? "") + String(cString: innermost.local)
            message = "the file ends inside element '\(qname)' opened on line \(innermost.line): is it truncated?"
        }
        // A message can quote the offending input; it is not personal data in itself but keep it short.
        if message.count > 200 { message = String(message.prefix(200)) + "…" }
        stop(message, line: Int(e.line), column: Int(e.int2))
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    /// An element's or attribute's name and its name as written, by libxml2's dictionary pointers
    /// (one per distinct prefix, local name and URI): made once per distinct name in a parse.
    fileprivate func names(_ prefix: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?)
        -> (name: XMLName, qualifiedName: String) {
        let key = NameKey(prefix: prefix.map(UnsafeRawPointer.init), local: UnsafeRawPointer(local), uri: uri.map(UnsafeRawPointer.init))
        if let known = named[key] { return known }
        let localName = intern(local)
        let made = (XMLName(uri: uri.map(intern), local: localName), prefix.map { "\(intern($0)):\(localName)" } ?? localName)
        named[key] = made
        return made
    }

    private func intern(_ p: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(p)
        if let s = interned[key] { return s }
        let s = String(cString: p)
        interned[key] = s
        return s
    }

    /// Namespace declarations of the open elements (the depth they were made at, prefix, URI), so
    /// that a record written back declares what it uses and stands on its own.
    fileprivate var declarations: [(depth: Int, prefix: String?, uri: String)] = []

    fileprivate func declare(_ count: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard count > 0, let namespaces, error == nil else { return }
        for i in 0..<count {
            declarations.append((depth + 1, Self.string(namespaces[2 * i]), Self.string(namespaces[2 * i + 1]) ?? ""))
        }
    }

    fileprivate func undeclare() {
        while let last = declarations.last, last.depth > depth { declarations.removeLast() }
    }

    /// The declarations in scope, the nearest per prefix, in the order they were made.
    private var inScope: [(prefix: String?, uri: String)] {
        var seen: Set<String> = []
        var result: [(prefix: String?, uri: String)] = []
        for d in declarations.reversed() where seen.insert(d.prefix ?? "").inserted { result.append((d.prefix, d.uri)) }
        return result.reversed()
    }

    fileprivate func start(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                           _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard error == nil, !cancelled else { return }
        depth += 1
        guard let localname else { return }
        if depth > Self.maxDepth {
            stop("elements are nested more than \(Self.maxDepth) deep: no source record is; the file is refused")
            return
        }
        let line = ctxt.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0
        openElements.append((prefix, localname, line))
        // Most elements lie outside every records path and outside any record: nothing more to do.
        guard matchers.contains(where: { $0.wants(depth: depth) }) else { return }
        let (name, qname) = names(prefix, localname, uri)
        if depth == 1 {
            rootName = name
            for matcher in matchers {
                if let mismatch = matcher.rootMismatch(name, qname: qname) { return stop(mismatch) }
            }
        }
        // The names made once, for every matcher that captures this element; the values are
        // copied as bytes into the store of the matcher's subtree.
        var attributeNames: [(name: XMLName, qualifiedName: String)]?
        let makeAttributes = { (store: XMLBytes) -> [XMLNode.Attribute] in
            guard let attributes, nbAttributes > 0 else { return [] }
            if attributeNames == nil {
                var made: [(name: XMLName, qualifiedName: String)] = []
                made.reserveCapacity(nbAttributes)
                for i in 0..<nbAttributes {
                    let base = attributes + 5 * i
                    guard let aLocal = base[0] else { continue }
                    made.append(self.names(base[1], aLocal, base[2]))
                }
                attributeNames = made
            }
            var slots: [XMLNode.Attribute] = []
            slots.reserveCapacity(nbAttributes)
            var named = 0
            for i in 0..<nbAttributes {
                let base = attributes + 5 * i
                guard base[0] != nil else { continue }
                let start = store.bytes.count
                if let from = base[3], let to = base[4], to > from {
                    store.bytes.append(contentsOf: UnsafeBufferPointer(start: from, count: to - from))
                }
                let n = attributeNames![named]
                named += 1
                slots.append(XMLNode.Attribute(name: n.name, qualifiedName: n.qualifiedName, value: start..<store.bytes.count))
            }
            return slots
        }
        for matcher in matchers where matcher.wants(depth: depth) {
            matcher.start(depth: depth, name: name, qname: qname, line: line, attributes: makeAttributes, namespaces: { self.inScope })
        }
    }

    fileprivate func end() {
        guard error == nil, !cancelled else { return }
        openElements.removeLast()
        for (index, matcher) in matchers.enumerated() {
            matcher.end(depth: depth) { record in onRecord?(index, record) }
        }
        depth -= 1
    }

    fileprivate func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int) {
        guard error == nil, !cancelled, let ch, len > 0 else { return }
        let bytes = UnsafeBufferPointer(start: ch, count: len)
        var blank: Bool?
        for matcher in matchers {
            guard let node = matcher.textTarget else { continue }
            // Indentation between elements: not part of any value (values are trimmed anyway).
            if !node.hasText {
                if blank == nil { blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }
                if blank! { continue }
            }
            node.appendText(bytes)
        }
    }
}

/// The C library's read(2) (the name `read` is taken by the reader's own method).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
