import AWS
import AppCore
import AppUI
import BenchmarkFixtures
import Foundation
import Sandbox
import Terminal
#if canImport(Glibc)
import Glibc
#endif

// qseek-bench-probe: the qseek side of compare/run.sh. Each command measures in this process
// and prints one JSON object, so the script can put botocore's figures beside ours.
//   aws INPUT.json   CPU per SigV4 signature and per SearchRelevantContent round
//   tui N            frame time, scroll-step diff and max RSS with N passages loaded
//   search N         sandbox search time over N generated documents
//   profile-sign INPUT.json [N]    N signatures (default 2,000), for callgrind or perf
//   profile-parse INPUT.json [N]   N parses of the 100-passage response (default 200)
//   profile-round INPUT.json [N]   N whole SearchRelevantContent rounds (default 200)

func cpuNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func wallNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func maxRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Median CPU microseconds per call of `body`, over `batches` batches sized to ~20 ms each.
func cpuMicrosecondsPerOp(batches: Int = 25, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<3 { try body() }
    var perBatch = 1
    while true {
        let start = cpuNanoseconds()
        for _ in 0..<perBatch { try body() }
        if cpuNanoseconds() - start > 20_000_000 || perBatch > 1 << 20 { break }
        perBatch *= 2
    }
    var results: [Double] = []
    for _ in 0..<batches {
        let start = cpuNanoseconds()
        for _ in 0..<perBatch { try body() }
        results.append(Double(cpuNanoseconds() - start) / 1000 / Double(perBatch))
    }
    return median(results)
}

/// Median wall microseconds of single calls of `body`.
func wallMicroseconds(samples: Int, _ body: (Int) throws -> Void) rethrows -> Double {
    var results: [Double] = []
    for sample in 0..<samples {
        let start = wallNanoseconds()
        try body(sample)
        results.append(Double(wallNanoseconds() - start) / 1000)
    }
    return median(results)
}

struct ProbeFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func emit(_ object: [String: Any]) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "aws":
    let inputs = try AWSInputs.load(arguments.dropFirst().first ?? "")
    let round = SearchRound(inputs: inputs)
    let request = try round.signableRequest()
    let credentials = inputs.credentials
    let date = inputs.date
    let signed = round.signer.sign(request, credentials: credentials, at: date)
    var sink = 0
    let sign = cpuMicrosecondsPerOp { sink &+= round.signer.sign(request, credentials: credentials, at: date).signature.utf8.count }
    let full = try cpuMicrosecondsPerOp { sink &+= try round.run() }
    let parse = try cpuMicrosecondsPerOp { sink &+= try round.parse().relevantContent.count }
    let parseWithJSONDecoder = try cpuMicrosecondsPerOp { sink &+= try round.parseWithJSONDecoder().relevantContent.count }
    guard try round.parse() == round.parseWithJSONDecoder() else { throw ProbeFailure("the two parses of the response differ") }
    let serialiseSign = try cpuMicrosecondsPerOp { sink &+= try round.buildAndSign().headers.count }
    try emit([
        "sign_cpu_us": sign, "round_cpu_us": full, "parse_cpu_us": parse, "parse_jsondecoder_cpu_us": parseWithJSONDecoder, "serialise_sign_cpu_us": serialiseSign,
        "signature": signed.signature, "body": String(decoding: try QBusiness.operation(inputs.searchRequest).body, as: UTF8.self),
        "method": request.method, "path": request.path, "headers": request.headers.map { [$0.name, $0.value] },
        "passages": try round.parse().relevantContent.count, "sink": sink,
    ])

case "profile-sign":
    // A fixed amount of signing and nothing else, for `valgrind --tool=callgrind` or `perf record`.
    let inputs = try AWSInputs.load(arguments.dropFirst().first ?? "")
    let round = SearchRound(inputs: inputs)
    let request = try round.signableRequest()
    var sink = 0
    for _ in 0..<(Int(arguments.dropFirst(2).first ?? "") ?? 2_000) { sink &+= round.signer.sign(request, credentials: inputs.credentials, at: inputs.date).signature.utf8.count }
    try emit(["sink": sink])

case "profile-parse", "profile-round":
    // A fixed amount of parsing (or of whole rounds) and nothing else, for a profiler.
    let inputs = try AWSInputs.load(arguments.dropFirst().first ?? "")
    let round = SearchRound(inputs: inputs)
    var sink = 0
    for _ in 0..<(Int(arguments.dropFirst(2).first ?? "") ?? 200) {
        sink &+= arguments.first == "profile-parse" ? try round.parse().relevantContent.count : try round.run()
    }
    try emit(["sink": sink])

case "tui":
    let count = Int(arguments.dropFirst().first ?? "") ?? 10_000
    let baseline = maxRSSKilobytes()
    var state = ScreenFixtures.main(passages: count)
    let theme = ScreenFixtures.theme
    let backend = MemoryBackend(size: ScreenFixtures.size, colorCapability: .trueColor)
    backend.present(ScreenFixtures.render(state, theme: theme))
    let frame = wallMicroseconds(samples: 200) { _ in backend.present(ScreenFixtures.render(state, theme: theme)) }
    let frameCPU = cpuMicrosecondsPerOp(batches: 15) { backend.present(ScreenFixtures.render(state, theme: theme)) }
    var changed: [Double] = []
    let step = wallMicroseconds(samples: 200) { sample in
        _ = update(&state, sample % 2 == 0 ? .selectNext : .selectPrevious)
        backend.present(ScreenFixtures.render(state, theme: theme))
        changed.append(Double(backend.cellsChangedByLastFrame))
    }
    try emit([
        "passages": state.passages.items.count, "frame_wall_us": frame, "frame_cpu_us": frameCPU, "scroll_step_wall_us": step,
        "cells_changed_per_step": median(changed), "max_rss_kb": maxRSSKilobytes(), "baseline_rss_kb": baseline,
    ])

case "search":
    let count = Int(arguments.dropFirst().first ?? "") ?? 10_000
    let documents = CorpusFixtures.documents(count: count)
    let buildStart = wallNanoseconds()
    let index = SearchIndex(documents: documents)
    let build = Double(wallNanoseconds() - buildStart) / 1_000_000
    let queries = CorpusFixtures.queries
    for query in queries { _ = index.top(100, for: query, isVisible: { _ in true }) }
    var hits = 0
    let search = wallMicroseconds(samples: 500) { sample in
        hits &+= index.top(100, for: queries[sample % queries.count], isVisible: { _ in true }).total
    }
    try emit(["documents": count, "passages": index.passages.count, "index_build_ms": build, "search_median_us": search, "hits": hits])

default:
    FileHandle.standardError.write(Data("usage: qseek-bench-probe aws INPUT.json | tui N | search N\n".utf8))
    exit(64)
}
