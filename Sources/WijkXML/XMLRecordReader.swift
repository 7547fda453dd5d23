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
    let recordPath: [XMLName]
    let keptAncestors: Int
    /// Whether the kept ancestors need their other children (an XPath like `../../h:Adres/h:Postcode`),
    /// or only their own attributes (`../../@nr`): then the rest of their subtrees is never built.
    let ancestorChildren: Bool

    // Parse state, reached from the C callbacks through the user-data pointer.
    fileprivate var ctxt: xmlParserCtxtPtr?
    fileprivate var depth = 0
    fileprivate var matched = 0
    fileprivate var stack: [XMLNode] = []          // captured open elements
    fileprivate var pathSteps: [(qname: String, index: Int)] = []
    fileprivate var siblingCounts: [[XMLName: Int]] = []
    fileprivate var error: XMLReadError?
    fileprivate var onRecord: ((XMLRecord) -> Void)?
    fileprivate var recordLine = 0
    /// Every open element, for the message when the file ends inside one: its name as libxml2's
    /// dictionary pointers (valid while the parser lives) and its line; made into text only then.
    fileprivate var openElements: [(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>, line: Int)] = []
    fileprivate var terminating = false
    /// The depth of an element whose subtree is skipped (outside the record, not needed as context).
    fileprivate var skipFrom: Int?
    package private(set) var recordsSeen = 0
    /// Bytes read from the file so far (for progress).
    package private(set) var bytesRead = 0
    /// Names come from libxml2's dictionary, one pointer per distinct name: make each String once.
    fileprivate var interned: [UnsafeRawPointer: String] = [:]
    fileprivate var qualified: [QKey: String] = [:]
    fileprivate struct QKey: Hashable {
        let prefix: UnsafeRawPointer?
        let local: UnsafeRawPointer
    }
    package private(set) var rootName: XMLName?

    /// - Parameters:
    ///   - recordPath: the element names from the root down to the record element.
    ///   - keptAncestors: how many ancestors of each record to keep (and their other children), for
    ///     fields like `../../h:Adres/h:Postcode`.
    ///   - ancestorChildren: false when the XPaths read nothing of the kept ancestors but their attributes.
    /// The records paths of the other entities read from this file, and the element names the
    /// fields' XPaths read: an element at the records' level that none of them takes (not on or
    /// inside another records path, and not read by name) is counted in `unmatched`.
    package var otherRecordPaths: [[XMLName]] = []
    package var namesRead: Set<XMLName> = []
    /// Elements at the records' level (children of the record's parent) that no records path
    /// takes, by their name as written: what a misspelt or unexpected element would silently lose.
    package private(set) var unmatched: [String: Int] = [:]
    /// Match the records path by local names only, whatever the namespaces: to count the records
    /// of a message of another version (another namespace) that is rejected whole.
    package var matchLocalNames = false

    private func same(_ a: XMLName, _ b: XMLName) -> Bool { matchLocalNames ? a.local == b.local : a == b }

    package init(path: String, display: String, recordPath: [XMLName], keptAncestors: Int, ancestorChildren: Bool = true) {
        self.path = path
        self.display = display
        self.recordPath = recordPath
        self.keptAncestors = min(keptAncestors, max(recordPath.count - 1, 0))
        self.ancestorChildren = ancestorChildren
    }

    /// Reads the whole file, calling `body` for each record in document order.
    package func read(_ body: @escaping (XMLRecord) -> Void) throws {
        reset()
        xmlInitParser()
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

        while error == nil {
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
        matched = 0
        stack = []
        pathSteps = []
        siblingCounts = []
        error = nil
        recordLine = 0
        openElements = []
        terminating = false
        skipFrom = nil
        recordsSeen = 0
        bytesRead = 0
        declarations = []
        unmatched = [:]
        interned = [:]
        qualified = [:]
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
        guard error == nil else { return }
        let p = position
        error = XMLReadError(file: display, line: line ?? p.line, column: column ?? p.column, message: message)
        if let ctxt { xmlStopParser(ctxt) }
    }

    fileprivate func refuse(_ message: String) { stop(message) }

    fileprivate func libxmlError(_ e: xmlError) {
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
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

    private func intern(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        let key = UnsafeRawPointer(p)
        if let s = interned[key] { return s }
        let s = String(cString: p)
        interned[key] = s
        return s
    }

    private func qualifiedName(_ prefix: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>, _ localName: String) -> String {
        let key = QKey(prefix: prefix.map(UnsafeRawPointer.init), local: UnsafeRawPointer(local))
        if let q = qualified[key] { return q }
        let q = prefix.map { "\(String(cString: $0)):\(localName)" } ?? localName
        qualified[key] = q
        return q
    }

    private static func string(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
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
        guard error == nil else { return }
        depth += 1
        guard let localname else { return }
        if depth > Self.maxDepth {
            stop("elements are nested more than \(Self.maxDepth) deep: no source record is; the file is refused")
            return
        }
        let line = ctxt.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0
        openElements.append((prefix, localname, line))
        if skipFrom != nil { return }
        // Most elements lie outside the records path and outside any record: nothing more to do.
        guard depth == 1 || matched == depth - 1 || !stack.isEmpty else { return }
        let local = intern(localname) ?? ""
        let name = XMLName(uri: intern(uri), local: local)
        let qname = qualifiedName(prefix, localname, local)
        if depth == 1 {
            rootName = name
            if let first = recordPath.first, !same(first, name) {
                stop("the root element is '\(qname)'\(name.uri.map { " in namespace \($0)" } ?? ""); the mapping's records path starts at \(first)")
                return
            }
        }
        // Is this element on the records path?
        let parentOnPath = matched == depth - 1
        if parentOnPath {
            if siblingCounts.count < depth { siblingCounts.append([:]) }
            siblingCounts[depth - 1][name, default: 0] += 1
            if depth < siblingCounts.count { siblingCounts.removeSubrange(depth...) }
            if depth <= recordPath.count && same(recordPath[depth - 1], name) {
                matched = depth
                pathSteps.append((qname, siblingCounts[depth - 1][name]!))
            } else if depth == recordPath.count {
                let here = Array(recordPath.prefix(depth - 1)) + [name]
                let taken = namesRead.contains(name) || otherRecordPaths.contains { $0.starts(with: here) || here.starts(with: $0) }
                if !taken { unmatched[qname, default: 0] += 1 }
            }
        }
        let captureFrom = recordPath.count - keptAncestors
        // A child of a kept ancestor that is not on the records path: context the XPaths never
        // read when they only take the ancestors' attributes. Skip its whole subtree.
        if !ancestorChildren && !stack.isEmpty && matched < depth && matched < recordPath.count {
            skipFrom = depth
            return
        }
        if !stack.isEmpty || (matched == depth && depth == captureFrom) {
            var attrs: [(name: XMLName, qualifiedName: String, value: String)] = []
            if let attributes, nbAttributes > 0 {
                attrs.reserveCapacity(nbAttributes)
                for i in 0..<nbAttributes {
                    let base = attributes + 5 * i
                    guard let aLocalPointer = base[0] else { continue }
                    let aLocal = intern(aLocalPointer) ?? ""
                    attrs.append((XMLName(uri: intern(base[2]), local: aLocal), qualifiedName(base[1], aLocalPointer, aLocal),
                                  Self.string(base[3], base[4])))
                }
            }
            let node = XMLNode(name: name, qualifiedName: qname, attributes: attrs, line: line, parent: stack.last)
            stack.last?.children.append(node)
            stack.append(node)
        }
        if matched == depth && depth == recordPath.count {
            recordLine = line
            stack.last?.namespaces = inScope
        }
    }

    fileprivate func end() {
        guard error == nil else { return }
        openElements.removeLast()
        if let skip = skipFrom {
            if skip == depth { skipFrom = nil }
            depth -= 1
            return
        }
        let isRecord = matched == depth && depth == recordPath.count
        let onPath = matched == depth
        if !stack.isEmpty {
            let node = stack.removeLast()
            if isRecord {
                recordsSeen += 1
                let xpath = "/" + pathSteps.map { "\($0.qname)[\($0.index)]" }.joined(separator: "/")
                onRecord?(XMLRecord(element: node, line: recordLine, xpath: xpath))
                // The record has been handed out: drop it, keep only its ancestors' other children.
                if let parent = node.parent, parent.children.last === node { parent.children.removeLast() }
            } else if onPath, let parent = node.parent, parent.children.last === node {
                // An ancestor of records that closes can be context for no later record: drop it,
                // so that memory holds one record's ancestors, never the records already read.
                parent.children.removeLast()
            }
        }
        if onPath {
            matched -= 1
            pathSteps.removeLast()
        }
        depth -= 1
    }

    fileprivate func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int) {
        guard error == nil, skipFrom == nil, let node = stack.last, let ch, len > 0 else { return }
        let bytes = UnsafeBufferPointer(start: ch, count: len)
        // Indentation between elements: not part of any value (values are trimmed anyway).
        if node.text.isEmpty && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return }
        node.text += String(decoding: bytes, as: UTF8.self)
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
