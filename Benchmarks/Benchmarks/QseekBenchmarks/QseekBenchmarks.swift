import AWS
import AppCore
import AppUI
import Benchmark
import BenchmarkFixtures
import Foundation
import Sandbox
import Terminal

// Run with `swift package benchmark` in Benchmarks/ (see README.md). Targets: QUALITY.md,
// "Performance"; the ratios against botocore and boto3 come from compare/run.sh.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        scalingFactor: .one,
        maxDuration: .seconds(2),
        maxIterations: 10_000
    )

    let round = SearchRound(inputs: .standard)

    Benchmark("SigV4 sign (SearchRelevantContent request)") { benchmark in
        let request = try round.signableRequest()
        let credentials = round.inputs.credentials
        let date = round.inputs.date
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(round.signer.sign(request, credentials: credentials, at: date))
        }
    }

    Benchmark("SearchRelevantContent round (serialise + sign + parse 100 passages)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try round.run())
        }
    }

    Benchmark("SearchRelevantContent response parse, 100 passages (QBusiness.decodePage)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try round.parse())
        }
    }

    Benchmark("SearchRelevantContent response parse, 100 passages (JSONDecoder, reference)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try round.parseWithJSONDecoder())
        }
    }

    Benchmark("Event stream decode (ConverseStream, 500 deltas)") { benchmark in
        let bytes = EventStreamFixtures.converseStream(deltas: 500)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try EventStreamFixtures.decodeAll(bytes))
        }
    }

    Benchmark("ID token verify (RS256, jwt-kit)") { benchmark in
        let setup = try await TokenFixtures.make()
        _ = try await setup.verifier.verify(setup.token, expectedNonce: TokenFixtures.nonce, now: setup.now)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await setup.verifier.verify(setup.token, expectedNonce: TokenFixtures.nonce, now: setup.now))
        }
    }

    Benchmark("AppUI frame render (10,000 passages, 200x60)") { benchmark in
        let state = ScreenFixtures.main(passages: 10_000)
        let theme = ScreenFixtures.theme
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(ScreenFixtures.render(state, theme: theme))
        }
    }

    Benchmark("AppUI scroll step: update + render + MemoryBackend diff (10,000 passages, 200x60)") { benchmark in
        var state = ScreenFixtures.main(passages: 10_000)
        let theme = ScreenFixtures.theme
        let backend = MemoryBackend(size: ScreenFixtures.size, colorCapability: .trueColor)
        backend.present(ScreenFixtures.render(state, theme: theme))
        var down = true
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            _ = update(&state, down ? .selectNext : .selectPrevious)
            down.toggle()
            backend.present(ScreenFixtures.render(state, theme: theme))
            blackHole(backend.cellsChangedByLastFrame)
        }
    }

    Benchmark("MemoryBackend.present diff only (200x60)") { benchmark in
        var state = ScreenFixtures.main(passages: 10_000)
        let theme = ScreenFixtures.theme
        let first = ScreenFixtures.render(state, theme: theme)
        _ = update(&state, .selectNext)
        let second = ScreenFixtures.render(state, theme: theme)
        let backend = MemoryBackend(size: ScreenFixtures.size, colorCapability: .trueColor)
        backend.present(first)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            backend.present(index % 2 == 0 ? second : first)
            blackHole(backend.cellsChangedByLastFrame)
        }
    }

    Benchmark("Sandbox search (10,000 documents, top 100)") { benchmark in
        let index = SearchIndex(documents: CorpusFixtures.documents(count: 10_000))
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let query = CorpusFixtures.queries[iteration % CorpusFixtures.queries.count]
            blackHole(index.top(100, for: query, isVisible: { _ in true }))
        }
    }
}
