import Foundation
import HTTP
import HTTPTypes
import Hummingbird
import Logging
import MCP
import NIOCore

/// The handlers behind `/mcp` and the protected-resource metadata.
final class MCPEndpoint: Sendable {
    let tools: SearchToolsServer
    let verifier: BearerVerifier
    let directory: UserDirectory
    let maxBodyBytes: Int
    let logger: Logger
    private let names = ResourceName()
    private let inFlight = InFlightRequests()

    init(tools: SearchToolsServer, verifier: BearerVerifier, directory: UserDirectory, maxBodyBytes: Int, logger: Logger) {
        self.tools = tools
        self.verifier = verifier
        self.directory = directory
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
    }

    func bind(resource: String) async { await names.set(resource) }

    // MARK: POST /mcp

    func post(_ request: Request) async -> Response {
        let resource = await names.resource
        if let origin = request.headers[.origin], !Self.allowed(origin: origin, resource: resource) {
            return Self.plain(.forbidden, "Origin \(origin) may not call this server.")
        }
        // The bearer token first: an unauthenticated caller learns nothing else.
        let bearer: VerifiedBearer
        do throws(BearerRefusal) {
            guard let token = Self.bearerToken(request.headers[.authorization]) else { throw .missing }
            bearer = try await verifier.verify(token)
        } catch {
            return unauthorized(error, resource: resource)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return Self.rpcError(.contentTooLarge, code: -32600, "The request body is over \(maxBodyBytes) bytes or unreadable.")
        }
        let data = Data(body.readableBytesView)
        guard let message = try? JSONDecoder().decode([String: Value].self, from: data) else {
            return Self.rpcError(.badRequest, code: -32700, "The body is not one JSON-RPC message (batches are not part of MCP 2025-11-25).")
        }
        let subjectKey = bearer.claims.issuer + "\u{0}" + bearer.claims.subject
        guard let method = message["method"]?.stringValue else {
            return Response(status: .accepted)  // a response to a server request: none are sent, nothing to do
        }
        guard let id = message["id"], id != .null else {
            if method == CancelledNotification.name, let key = Self.idKey(message["params"]?.objectValue?["requestId"]) {
                await inFlight.cancel(subject: subjectKey, id: key)
            }
            return Response(status: .accepted)
        }
        guard let idKey = Self.idKey(id) else {
            return Self.rpcError(.badRequest, code: -32600, "The request id must be a string or an integer.")
        }
        let user = await directory.user(for: bearer)
        let transport = RequestTransport(logger: logger)
        let scope = CallScope()
        let server = await tools.makeServer(user: { user }, scope: scope, whenCancelled: { transport.endWithoutResponse() })
        do {
            try await server.start(transport: transport)
        } catch {
            await server.stop()
            return Self.rpcError(.internalServerError, code: -32603, "The server could not start the request.")
        }
        await inFlight.add(subject: subjectKey, id: idKey, scope: scope)
        transport.deliver(data)
        // Also when the client went away: its call stops, and the server with it.
        let finish: @Sendable () async -> Void = { [inFlight] in
            await inFlight.remove(subject: subjectKey, id: idKey)
            await scope.cancelAll()
            await server.stop()
        }
        let accept = request.headers[.accept] ?? ""
        if accept.contains("text/event-stream") {
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                do {
                                    for await message in transport.outgoing {
                                        try await writer.write(ByteBuffer(bytes: Self.event(message)))
                                    }
                                    try await writer.finish(nil)
                                } catch {
                                    await finish()
                                    throw error
                                }
                                await finish()
                            })
        }
        var answer: Data?
        for await message in transport.outgoing where RequestTransport.isResponse(message) { answer = message }
        await finish()
        guard let answer else { return Response(status: .accepted) }  // cancelled: MCP sends no response
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }

    static func methodNotAllowed() -> Response {
        var response = rpcError(.methodNotAllowed, code: -32600, "Only POST is served: this server opens no stream of its own.")
        response.headers[.allow] = "POST"
        return response
    }

    // MARK: RFC 9728 metadata

    func metadataDocument() async -> Response {
        let document: JSONValue = [
            "resource": .string(await names.resource),
            "authorization_servers": [.string(verifier.issuer)],
            "bearer_methods_supported": ["header"],
            "scopes_supported": ["openid", "email", "profile"],
            "resource_name": "qseek enterprise search",
        ]
        let data = document.serialized()
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func metadataURL(for resource: String) -> String {
        guard let url = URL(string: resource), let scheme = url.scheme, let host = url.host else {
            return resource + StreamableHTTPOptions.metadataPath
        }
        let authority = (host.contains(":") ? "[\(host)]" : host) + (url.port.map { ":\($0)" } ?? "")
        let path = url.path == "/" ? "" : url.path
        return "\(scheme)://\(authority)\(StreamableHTTPOptions.metadataPath)\(path)"
    }

    // MARK: Pieces

    private func unauthorized(_ refusal: BearerRefusal, resource: String) -> Response {
        let metadata = Self.metadataURL(for: resource)
        switch refusal {
        case .missing:
            logger.debug("request without a bearer token refused")
            var response = Self.plain(.unauthorized, "Send the user's ID token as `Authorization: Bearer …`.")
            response.headers[.wwwAuthenticate] = "Bearer resource_metadata=\"\(metadata)\""
            return response
        case .invalidToken(let reason):
            logger.debug("bearer token refused", metadata: ["reason": "\(reason)"])
            var response = Self.plain(.unauthorized, "The bearer token was refused: \(reason).")
            response.headers[.wwwAuthenticate] =
                "Bearer error=\"invalid_token\", error_description=\"\(reason)\", resource_metadata=\"\(metadata)\""
            return response
        case .issuerUnavailable(let reason):
            logger.warning("the issuer could not be asked for its keys", metadata: ["reason": "\(reason)"])
            return Self.plain(.serviceUnavailable, "The token issuer could not be reached to verify the token: \(reason)")
        }
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// DNS-rebinding defence (MCP transports, "Security Warning"): a browser origin must be the
    /// resource's own or loopback.
    static func allowed(origin: String, resource: String) -> Bool {
        guard let host = URL(string: origin)?.host?.lowercased() else { return false }
        if ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) { return true }
        return host == URL(string: resource)?.host?.lowercased()
    }

    /// A JSON-RPC id as a key: numbers and strings never collide.
    static func idKey(_ id: Value?) -> String? {
        switch id {
        case .string(let string)?: return "s:" + string
        case .int(let number)?: return "n:\(number)"
        default: return nil
        }
    }

    static func event(_ message: Data) -> [UInt8] {
        Array("event: message\ndata: ".utf8) + Array(message) + Array("\n\n".utf8)
    }

    static func plain(_ status: HTTPTypes.HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func rpcError(_ status: HTTPTypes.HTTPResponse.Status, code: Int, _ message: String) -> Response {
        let body: JSONValue = ["jsonrpc": "2.0", "id": .null, "error": ["code": JSONValue(code), "message": .string(message)]]
        let data = body.serialized()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The resource URL, known once the port is bound.
actor ResourceName {
    private(set) var resource = ""
    func set(_ value: String) { resource = value }
}

/// Requests being answered, by (user, JSON-RPC id): a user's cancellation reaches only that
/// user's own request.
actor InFlightRequests {
    private var scopes: [String: CallScope] = [:]

    func add(subject: String, id: String, scope: CallScope) {
        scopes[subject + "\u{0}" + id] = scope
    }

    func remove(subject: String, id: String) {
        scopes.removeValue(forKey: subject + "\u{0}" + id)
    }

    func cancel(subject: String, id: String) async {
        await scopes[subject + "\u{0}" + id]?.cancelAll()
    }
}
