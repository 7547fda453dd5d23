// The entry point of a libFuzzer target built by SwiftPM: SwiftPM gives every executable a main of
// its own, so the target's main hands libFuzzer its callback through LLVMFuzzerRunDriver instead of
// using libFuzzer's main. Only meaningful in a build with -sanitize=fuzzer (scripts/fuzz).

#if FUZZING
/// libFuzzer's driver (compiler-rt, LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

public enum FuzzDriver {
    /// Runs libFuzzer with the command line's arguments on `callback`; returns its exit status.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return withUnsafeMutablePointer(to: &argv) { LLVMFuzzerRunDriver(&argc, $0, callback) }
    }
}
#endif
