import Foundation

// qseek-fuzz TARGET [FILE|DIR ...]        replays inputs (corpus, crashes) through a target
// qseek-fuzz TARGET [libFuzzer options]   with a -DFUZZING build (see Fuzz/run.sh): fuzzes it
//
// Targets: input-decoder, sanitizer, filter, config, theme, sandbox-tenants, event-stream, sts-xml,
// search-page, aws-error, jwt, sse.

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) var selected: FuzzTarget?
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget.all.first(where: { $0.name == arguments[1] }) else {
    FileHandle.standardError.write(Data("usage: qseek-fuzz TARGET [inputs or libFuzzer options]; targets: \(FuzzTarget.all.map(\.name).joined(separator: ", "))\n".utf8))
    exit(64)
}

#if FUZZING
selected = target
var argc = CommandLine.argc - 1
var argv = CommandLine.unsafeArgv + 1  // libFuzzer sees the options after TARGET
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    selected?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})
#else
var count = 0
for path in arguments.dropFirst(2) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
    let files = isDirectory.boolValue
        ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
        : [path]
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        target.run(Array(data))
        count += 1
    }
}
print("\(target.name): \(count) inputs replayed, no crash")
#endif
