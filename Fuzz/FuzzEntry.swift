// libFuzzer entry point of the decoders' harnesses. One binary holds every target (one
// build for all); `FUZZ_TARGET` picks the one to run. Built by `Scripts/fuzz.sh` from the
// product's own sources with `swiftc -sanitize=fuzzer,address`.
#if canImport(Glibc)
import Glibc
#endif

/// The harnesses, by name. Each must never trap, whatever the bytes, and checks a
/// property of its decoder on the way (round trips, one-line output).
let fuzzTargets: [String: (UnsafeRawBufferPointer) -> Void] = [
    "json": FuzzJSON.run,
    "csv": FuzzCSV.run,
    "envelope": FuzzEnvelope.run,
    "text": FuzzText.run,
]

nonisolated(unsafe) let selectedTarget: ((UnsafeRawBufferPointer) -> Void)? = {
    guard let name = getenv("FUZZ_TARGET").map({ String(cString: $0) }) else { return nil }
    return fuzzTargets[name]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selectedTarget else {
        fputs("set FUZZ_TARGET to one of: \(fuzzTargets.keys.sorted().joined(separator: ", "))\n", stderr)
        exit(2)
    }
    target(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

/// Stops the run with a message libFuzzer reports as a crash, keeping the input.
func fuzzFailure(_ message: String) -> Never {
    fputs("property failed: \(message)\n", stderr)
    abort()
}
