// libFuzzer target for the CSV reader: any bytes, in a dialect chosen by the first byte, must give
// records or malformed records — never a crash, a hang or memory that grows with the input.
// Built and run by scripts/fuzz (-sanitize=fuzzer,address -DFUZZING); a plain build makes a stub.
import Foundation
import FuzzSupport
import WijkCSV

#if FUZZING
private enum Fixture {
    static let path = NSTemporaryDirectory() + "wm-fuzz-csv-\(getpid()).csv"
    static let delimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    guard size > 0 else { return 0 }
    let control = data[0]
    FileManager.default.createFile(atPath: Fixture.path, contents: Data(bytes: data + 1, count: size - 1))
    let dialect = CSVDialect(delimiter: Fixture.delimiters[Int(control & 3)], quote: control & 4 == 0 ? UInt8(ascii: "\"") : nil,
                             header: control & 8 != 0, skipRows: Int((control >> 4) & 1),
                             encoding: TextEncoding.allCases[Int(control >> 5) % TextEncoding.allCases.count], maxRecordBytes: 4096)
    guard let reader = try? CSVReader(path: Fixture.path, dialect: dialect) else { return 0 }
    var lastLine = 0
    while let result = try? reader.next() {
        let line: Int
        switch result {
        case .record(let r): line = r.line; _ = r.raw
        case .malformed(let m): line = m.line; _ = m.message; _ = m.raw
        }
        precondition(line > lastLine, "record lines must increase")
        lastLine = line
    }
    return 0
}
// SwiftPM links an executable with main = FuzzCSV_main: that is the driver here.
@_cdecl("FuzzCSV_main")
func fuzzCSVMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzDriver.run { fuzzCSV($0, $1) }
}
#else
@main
enum FuzzCSVStub {
    static func main() { print("a libFuzzer target: run scripts/fuzz csv") }
}
#endif
