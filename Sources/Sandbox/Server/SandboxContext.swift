import HTTPTypes
import Hummingbird
import NIOCore

/// Per-request context; keeps the channel so a fault can drop the connection without answering.
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: (any Channel)?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
