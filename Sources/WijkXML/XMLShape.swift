#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// Walks an XML file with libxml2's streaming reader (xmlTextReader) and tells, element by
/// element, the path from the root, the attributes and the text — for profiling a file of unknown
/// shape. Never builds a tree; no network, no DTD, no entity expansion (a DTD is refused).
package enum XMLShape {
    package struct Step: Hashable, Sendable {
        package let name: XMLName
        /// The prefix the document used (nil: none), for showing the path as it reads.
        package let prefix: String?
    }

    package enum Event {
        case start(path: [Step], attributes: [(Step, String)], namespaces: [(prefix: String?, uri: String)])
        case text(path: [Step], text: String)
    }

    /// Calls `body` for every element start (with its attributes) and every element's text, in
    /// document order. The walk stops when `body` returns false.
    package static func walk(path: String, display: String, _ body: (Event) -> Bool) throws {
        _ = libxmlReady
        wijk_xml_silence_generic_errors()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw XMLReadError(file: display, line: 1, column: 1, message: "cannot open the file as XML")
        }
        defer { xmlFreeTextReader(reader) }
        var stack: [Step] = []
        var texts: [[UInt8]] = []
        func string(_ p: UnsafePointer<xmlChar>?) -> String? { p.map { String(cString: $0) } }
        func stop(_ message: String) -> XMLReadError {
            XMLReadError(file: display, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1, message: message)
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 { throw stop("the XML is not well-formed") }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw stop("a document type declaration (DTD) is refused in a source file")
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let local = string(xmlTextReaderConstLocalName(reader)) ?? ""
                let step = Step(name: XMLName(uri: string(xmlTextReaderConstNamespaceUri(reader)), local: local),
                                prefix: string(xmlTextReaderConstPrefix(reader)))
                stack.append(step)
                texts.append([])
                var attributes: [(Step, String)] = []
                var namespaces: [(prefix: String?, uri: String)] = []
                if xmlTextReaderHasAttributes(reader) == 1 {
                    var more = xmlTextReaderMoveToFirstAttribute(reader)
                    while more == 1 {
                        let value = string(xmlTextReaderConstValue(reader)) ?? ""
                        if xmlTextReaderIsNamespaceDecl(reader) == 1 {
                            let local = string(xmlTextReaderConstLocalName(reader))
                            namespaces.append((prefix: local == "xmlns" ? nil : local, uri: value))
                        } else {
                            let name = XMLName(uri: string(xmlTextReaderConstNamespaceUri(reader)), local: string(xmlTextReaderConstLocalName(reader)) ?? "")
                            attributes.append((Step(name: name, prefix: string(xmlTextReaderConstPrefix(reader))), value))
                        }
                        more = xmlTextReaderMoveToNextAttribute(reader)
                    }
                    xmlTextReaderMoveToElement(reader)
                }
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                if !body(.start(path: stack, attributes: attributes, namespaces: namespaces)) { return }
                if empty {
                    stack.removeLast()
                    texts.removeLast()
                }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if let value = xmlTextReaderConstValue(reader), !texts.isEmpty {
                    var p = value
                    while p.pointee != 0 { texts[texts.count - 1].append(p.pointee); p += 1 }
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                let text = String(decoding: texts.removeLast(), as: UTF8.self)
                if !text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
                    if !body(.text(path: stack, text: text)) { return }
                }
                stack.removeLast()
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw stop("an entity reference that is not one of XML's own is refused")
            default:
                break
            }
        }
    }
}

extension XMLShape {
    /// A step as the document wrote it: `prefix:local` or `local`.
    package static func display(_ step: Step) -> String {
        step.prefix.map { "\($0):\(step.name.local)" } ?? step.name.local
    }
}
