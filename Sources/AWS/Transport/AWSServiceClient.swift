import Foundation
import Logging

/// Sends signed calls to one service in one region, with the standard retry mode.
///
/// Each attempt fetches credentials (so a refresh between attempts is picked up), signs with
/// the skew-corrected clock, sends, and turns a non-2xx answer into an `AWSError`. Only what
/// the retry rules allow is retried; everything else surfaces at once. Logs carry the
/// operation, status and request id, never headers or bodies.
public struct AWSServiceClient: Sendable {
    public let service: AWSService
    public let region: String
    public let endpoint: Endpoint
    public let credentials: any CredentialsProvider
    public let transport: any HTTPTransport
    public var retry: RetryStrategy
    public var clock: ClockSkew
    public var timeout: Duration
    public var logger: Logger
    private let signer: SigV4Signer

    public init(service: AWSService, region: String, endpoint: Endpoint, credentials: any CredentialsProvider,
                transport: any HTTPTransport, retry: RetryStrategy = RetryStrategy(), clock: ClockSkew = ClockSkew(),
                timeout: Duration = .seconds(30), keyCache: SigningKeyCache = SigningKeyCache(),
                logger: Logger = Logger(label: "qseek.aws")) {
        self.service = service
        self.region = region
        self.endpoint = endpoint
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.timeout = timeout
        self.logger = logger
        self.signer = SigV4Signer(region: region, service: service.signingName, keyCache: keyCache)
    }

    /// Sends `operation` and returns the successful (2xx) response; throws `AWSError`,
    /// `TransportError`, `CredentialsError` or `CancellationError`.
    public func send(_ operation: OperationRequest) async throws -> HTTPResponse {
        try await withRetries(operation) { request, attempt in
            let started = ContinuousClock.now
            let response = try await transport.send(request, timeout: timeout)
            logExchange(request, status: response.statusCode, headers: response.headers, attempt: attempt, since: started)
            if response.isSuccess { return .success(response) }
            return .failure(AWSErrorParser.parse(service: service.signingName, statusCode: response.statusCode,
                                                 headers: response.headers, body: response.body), response.header("Date"))
        }
    }

    /// Sends `operation` and hands back the streaming body once a 2xx head arrived. Failures
    /// before the stream starts are retried like any call; a stream is never replayed.
    public func stream(_ operation: OperationRequest) async throws -> HTTPStreamingResponse {
        try await withRetries(operation) { request, attempt in
            let started = ContinuousClock.now
            let response = try await transport.stream(request, timeout: timeout)
            logExchange(request, status: response.statusCode, headers: response.headers, attempt: attempt, since: started)
            if (200..<300).contains(response.statusCode) { return .success(response) }
            var body: [UInt8] = []
            for try await chunk in response.body {
                body += chunk
                if body.count > 1024 * 1024 { break }
            }
            let date = response.headers.first { $0.name.lowercased() == "date" }?.value
            return .failure(AWSErrorParser.parse(service: service.signingName, statusCode: response.statusCode,
                                                 headers: response.headers, body: body), date)
        }
    }

    enum AttemptOutcome<Response> {
        case success(Response)
        case failure(AWSError, String?)
    }

    private func withRetries<Response>(_ operation: OperationRequest,
                                       attempt send: (HTTPRequest, Int) async throws -> AttemptOutcome<Response>) async throws -> Response {
        var attempt = 1
        var lastRetryCost: Int?
        var skewCorrected = false
        var credentialsRenewed = false
        while true {
            try Task.checkCancellation()
            let request = try await signedRequest(operation)
            let attemptStarted = ContinuousClock.now
            let failure: any Error
            var isTimeout = false
            do {
                switch try await send(request, attempt) {
                case .success(let response):
                    retry.quota.release(retryCost: lastRetryCost)
                    return response
                case .failure(let error, let date):
                    logger.debug("AWS call failed", metadata: [
                        "service": "\(service.signingName)", "code": "\(error.code)",
                        "status": "\(error.statusCode ?? 0)", "requestId": "\(error.requestID ?? "-")", "attempt": "\(attempt)",
                    ])
                    if AWSError.clockSkewCodes.contains(error.code), !skewCorrected, let date, clock.update(serverDate: date) {
                        skewCorrected = true
                        continue
                    }
                    // Cached credentials the service calls expired (the clock said otherwise):
                    // drop them and try once more with fresh ones.
                    if AWSError.expiredCredentialCodes.contains(error.code), !credentialsRenewed,
                       let cache = credentials as? CachedCredentialsProvider {
                        credentialsRenewed = true
                        await cache.invalidate()
                        continue
                    }
                    guard error.isRetryable else { throw error }
                    failure = error
                }
            } catch let error as TransportError {
                logger.debug("AWS request got no response", metadata: RequestLog.metadata(
                    method: request.method, url: request.url, status: nil, attempt: attempt, since: attemptStarted,
                    extra: ["service": "\(service.signingName)", "host": "\(endpoint.hostHeader)", "error": "\(error)"]))
                guard error.isRetryable else { throw error }
                isTimeout = error.isTimeout
                failure = error
            }
            guard attempt < retry.maxAttempts, let cost = retry.quota.acquire(forTimeout: isTimeout) else { throw failure }
            lastRetryCost = cost
            try await retry.sleep(retry.delay(afterAttempt: attempt))
            attempt += 1
        }
    }

    /// One line per HTTP exchange for `--debug` (see `RequestLog`), with the service and the
    /// request id: never another header value, a query string or a body (those carry
    /// signatures, tokens and credentials).
    private func logExchange(_ request: HTTPRequest, status: Int, headers: [(name: String, value: String)], attempt: Int,
                             since started: ContinuousClock.Instant) {
        let requestID = headers.first { ["x-amzn-requestid", "x-amz-request-id"].contains($0.name.lowercased()) }?.value ?? "-"
        logger.debug("AWS request", metadata: RequestLog.metadata(
            method: request.method, url: request.url, status: status, attempt: attempt, since: started,
            extra: ["service": "\(service.signingName)", "host": "\(endpoint.hostHeader)", "requestId": "\(requestID)"]))
    }

    /// Adds `Host` and the SigV4 headers to `operation` for the current credentials and time.
    func signedRequest(_ operation: OperationRequest) async throws -> HTTPRequest {
        let current = try await credentials.credentials()
        var headers = operation.headers
        headers.append(("Host", endpoint.hostHeader))
        let signable = SignableRequest(method: operation.method, path: endpoint.basePath + operation.path, query: operation.query,
                                       headers: headers, body: operation.body)
        let signed = signer.sign(signable, credentials: current, at: clock.correctedNow)
        // The HTTP client writes Host itself from the URL (same value); sending two would be wrong.
        let outgoing = signed.request.headers.filter { $0.name.lowercased() != "host" }
        return HTTPRequest(method: operation.method, url: endpoint.url(path: operation.path, query: operation.query),
                           headers: outgoing, body: operation.body)
    }
}
