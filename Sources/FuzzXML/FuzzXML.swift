// libFuzzer target for the XML record reader and the XPaths: any bytes give records, or one
// XMLReadError — never a crash. Built and run by scripts/fuzz; a plain build makes a stub.
import Foundation
import FuzzSupport
import WijkXML

#if FUZZING
private enum Fixture {
    static let path = NSTemporaryDirectory() + "wm-fuzz-xml-\(getpid()).xml"
    static let xpaths = ["@id", "h:Naam", "../@nr", "../../h:Adres/h:Postcode", "h:Lid[@rol='ouder']/@nr", "x"].compactMap {
        try? XPath.parse($0, namespaces: ["h": "urn:example:h"]).get()
    }
    static let paths: [[XMLName]] = [
        [XMLName(uri: "urn:example:h", local: "Export"), XMLName(uri: "urn:example:h", local: "Huishouden"), XMLName(uri: "urn:example:h", local: "Lid")],
        [XMLName(uri: nil, local: "a"), XMLName(uri: nil, local: "r")],
    ]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    guard size > 0 else { return 0 }
    let control = Int(data[0])
    FileManager.default.createFile(atPath: Fixture.path, contents: Data(bytes: data + 1, count: size - 1))
    let reader = XMLRecordReader(path: Fixture.path, display: "fuzz.xml", recordPath: Fixture.paths[control % Fixture.paths.count],
                                 keptAncestors: (control >> 1) % 3, ancestorChildren: control & 8 != 0)
    do {
        try reader.read { record in
            for x in Fixture.xpaths { _ = x.evaluate(from: record.element) }
            _ = record.element.serialized
            _ = record.element.stringValue
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
// SwiftPM links an executable with main = FuzzXML_main: that is the driver here.
@_cdecl("FuzzXML_main")
func fuzzXMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzDriver.run { fuzzXML($0, $1) }
}
#else
@main
enum FuzzXMLStub {
    static func main() { print("a libFuzzer target: run scripts/fuzz xml") }
}
#endif
