import Foundation
import HTTP
import Sandbox
#if canImport(Glibc)
import Glibc
#endif

// Median server time of SearchRelevantContent's search over 10,000 documents: ranking, ACL and
// filters, page assembly and JSON serialisation (what the handler does after SigV4).
// Build with `-c release`; prints numbers, asserts nothing (QUALITY.md, Performance).
// Reports wall time and this thread's CPU time: on a shared machine the CPU time is the
// number that says what a search costs, the wall time what a client waited.
//
// Usage: sandbox-search-bench [DOCUMENTS] [SEARCHES]

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let documentCount = arguments.first ?? 10_000
let searchCount = arguments.dropFirst().first ?? 400

let corpus = try CorpusLoader.bundled()
var tenant = corpus.tenants[0]
let seeds = tenant.documents
let fillers = ["quarterly", "warehouse", "latency", "onboarding", "supplier", "audit", "kubernetes", "invoice",
               "safety", "budget", "rollout", "escalation", "retention", "forecast", "calibration", "vendor"]
/// A fixed linear congruential sequence, so every run indexes the same documents.
struct Sequence64 {
    var state: UInt64 = 7
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
var sequence = Sequence64()
var synthetic: [Document] = []
for index in 0..<documentCount {
    var document = seeds[index % seeds.count]
    document.id += "-\(index)"
    document.body += "\n\nNote \(index): " + (0..<16).map { _ in fillers[sequence.next(fillers.count)] }.joined(separator: " ")
    synthetic.append(document)
}
tenant.documents = synthetic

let clock = ContinuousClock()
let buildStart = clock.now
let search = TenantSearch(tenant: tenant)
let buildTime = buildStart.duration(to: clock.now)

let users: [(String, Set<String>)] = [("alice@acme.example", ["all-staff", "engineering"]),
                                      ("carol@acme.example", ["all-staff", "hr"]),
                                      ("dmitri@acme.example", ["all-staff", "engineering", "security"])]
let queries = ["database failover", "parental leave policy", "incident root cause latency", "supplier audit budget",
               "kubernetes certificate rotation", "expense reimbursement receipts", "quarterly invoice forecast",
               "safety onboarding", "how do I roll back a deploy", "vacation and paid time off"]
let category = AttributeFilter.compare(.equalsTo, name: "_category", value: .string("runbook"))
/// CPU time consumed by this thread, in nanoseconds.
func threadCPUNanoseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

var samples: [Duration] = []
var cpuSamples: [Int64] = []
var passages = 0
var bytes = 0
for round in 0..<searchCount {
    let (email, groups) = users[round % users.count]
    let query = queries[round % queries.count]
    let filter = round % 5 == 0 ? category : nil
    let start = clock.now
    let cpuStart = threadCPUNanoseconds()
    let page = search.page(email: email, groups: groups, query: query, filter: filter, offset: round % 3 * 25, limit: 25)
    let body = JSONValue.object(["relevantContent": .array(page.items)]).serialized()
    cpuSamples.append(threadCPUNanoseconds() - cpuStart)
    samples.append(start.duration(to: clock.now))
    passages += page.items.count
    bytes += body.count
}
samples.sort()
cpuSamples.sort()
func ms(_ duration: Duration) -> String {
    String(format: "%.3f ms", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
}
print("sandbox search: \(documentCount) documents (\(search.index.passages.count) passages), \(searchCount) searches of 25 passages")
print("  wall: median \(ms(samples[samples.count / 2]))  p90 \(ms(samples[samples.count * 9 / 10]))  max \(ms(samples[samples.count - 1]))")
print("  cpu:  median \(ms(.nanoseconds(cpuSamples[cpuSamples.count / 2])))  p90 \(ms(.nanoseconds(cpuSamples[cpuSamples.count * 9 / 10])))")
print("  index built in \(ms(buildTime)); \(passages) passages, \(bytes / max(1, searchCount)) bytes of JSON per page on average")
