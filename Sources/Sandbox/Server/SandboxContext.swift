import HTTPTypes
import Hummingbird
import NIOCore

/// Per-request context; keeps the channel so a fault can drop the connection without answering.
public struct SandboxContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: (any Channel)?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Bodies are read by the handlers themselves with the sandbox's own limit.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
