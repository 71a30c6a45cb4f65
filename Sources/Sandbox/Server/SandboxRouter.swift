import HTTPTypes
import Hummingbird
import NIOCore

/// The one router: `/idp/…` for the ISV's IdP; `/sts`, `/sso-oidc`, `/qbusiness` and
/// `/bedrock-runtime` prefixes for the AWS services, so each can be an endpoint override (and
/// the same operations without prefix, for a single `AWS_ENDPOINT_URL`).
struct SandboxRouter {
    let environment: SandboxEnvironment
    let idp: IdentityProvider
    let identityCenter: IdentityCenter

    /// The wire protocol of an AWS endpoint, which decides the shape of its errors.
    enum WireProtocol {
        case query, json
        /// restJson1 with SSO-OIDC's OAuth members (`error`, `error_description`); its model
        /// throttles with `SlowDownException`, not `ThrottlingException`.
        case identityCenter
    }

    func build() -> Router<SandboxContext> {
        let router = Router(context: SandboxContext.self)
        let limit = environment.options.maxBodyBytes
        func idpRoute(_ handler: @escaping @Sendable (ReceivedRequest) async -> Response)
            -> @Sendable (Request, SandboxContext) async throws -> Response {
            { request, _ in
                let received: ReceivedRequest
                do {
                    received = try await ReceivedRequest.read(request, limit: limit)
                } catch {
                    if let failure = error as? BodyReadError, case .tooLarge = failure {
                        return Responses.oauthError(OAuthError(code: "invalid_request", description: "the request body is too large",
                                                               status: .contentTooLarge))
                    }
                    return Responses.oauthError(.invalidRequest("the request body could not be read"))
                }
                return await handler(received)
            }
        }
        router.get("/idp/.well-known/openid-configuration") { _, _ in idp.discovery() }
        router.get("/idp/jwks") { _, _ in await idp.jwks() }
        router.get("/idp/authorize", use: idpRoute(idp.authorize))
        router.post("/idp/authorize", use: idpRoute(idp.approve))
        router.post("/idp/token", use: idpRoute(idp.token))
        router.post("/idp/device_authorization", use: idpRoute(idp.deviceAuthorization))
        router.get("/idp/device", use: idpRoute(idp.devicePage))
        router.post("/idp/device", use: idpRoute(idp.approveDevice))
        router.get("/idp/userinfo", use: idpRoute(idp.userinfo))
        router.post("/idp/revoke", use: idpRoute(idp.revoke))

        let sts = SecurityTokenService(environment: environment)
        for path in ["/", "/sts"] {
            router.post(RouterPath(path)) { request, context in
                try await aws(request, context, .query) { await sts.handle($0) }
            }
        }
        // Identity Center's sign-in for auth-code data accessors (a browser page, not SigV4).
        for prefix in ["/sso-oidc", ""] {
            router.get(RouterPath(prefix + "/authorize"), use: idpRoute(identityCenter.authorize))
            router.post(RouterPath(prefix + "/authorize"), use: idpRoute(identityCenter.approveAuthorization))
        }
        // Each service also answers without its prefix, so one `AWS_ENDPOINT_URL` for all works.
        for prefix in ["/sso-oidc", ""] {
            router.post(RouterPath(prefix + "/token")) { request, context in
                try await aws(request, context, .identityCenter) { await identityCenter.createTokenWithIAM($0) }
            }
        }
        let qbusiness = RelevantContentService(environment: environment)
        for prefix in ["/qbusiness", ""] {
            router.post(RouterPath(prefix + "/applications/:applicationId/relevant-content")) { request, context in
                let applicationID = context.parameters.get("applicationId") ?? ""
                return try await aws(request, context, .json) { await qbusiness.search($0, applicationID: applicationID) }
            }
        }
        let bedrock = ConverseStreamService(environment: environment)
        for prefix in ["/bedrock-runtime", ""] {
            router.post(RouterPath(prefix + "/model/:modelId/converse-stream")) { request, context in
                let modelID = context.parameters.get("modelId") ?? ""
                return try await aws(request, context, .json) { await bedrock.converse($0, modelID: modelID) }
            }
        }
        router.get("/health") { _, _ in Responses.json(.ok, ["status": "ok"]) }
        return router
    }

    /// Reads the body under the limit, applies the fault plan, then lets `handler` answer.
    private func aws(_ request: Request, _ context: SandboxContext, _ wire: WireProtocol,
                     handler: (ReceivedRequest) async -> Response) async throws -> Response {
        let requestID = Responses.requestID()
        let received: ReceivedRequest
        do {
            received = try await ReceivedRequest.read(request, limit: environment.options.maxBodyBytes)
        } catch {
            if case .tooLarge(let limit) = error {
                return self.error(wire, status: .contentTooLarge, queryCode: "RequestEntityTooLarge",
                                  jsonType: "RequestEntityTooLargeException",
                                  message: "The request body exceeds \(limit) bytes.", requestID: requestID)
            }
            return self.error(wire, status: .badRequest, queryCode: "MalformedInput", jsonType: "SerializationException",
                              message: "The request body could not be read.", requestID: requestID)
        }
        let (delay, outcome) = await environment.faults.next()
        if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
        switch outcome {
        case .serve:
            return await handler(received)
        case .drop:
            try? await context.channel?.close()
            return Response(status: .serviceUnavailable)
        case .throttle where wire == .identityCenter:
            return Responses.awsJSONError(.ssoOIDC(.badRequest, type: "SlowDownException", code: "slow_down", "Rate exceeded"),
                                          requestID: requestID)
        case .internalError where wire == .identityCenter:
            return Responses.awsJSONError(.ssoOIDC(.internalServerError, type: "InternalServerException", code: "server_error",
                                                   "The sandbox injected an internal error."), requestID: requestID)
        case .throttle:
            return error(wire, status: wire == .query ? .badRequest : .tooManyRequests, queryCode: "Throttling",
                         jsonType: "ThrottlingException", message: "Rate exceeded", requestID: requestID)
        case .internalError:
            return error(wire, status: .internalServerError, queryCode: "InternalFailure", jsonType: "InternalServerException",
                         message: "The sandbox injected an internal error.", requestID: requestID)
        }
    }

    private func error(_ wire: WireProtocol, status: HTTPResponse.Status, queryCode: String, jsonType: String,
                       message: String, requestID: String) -> Response {
        switch wire {
        case .query: STSError(code: queryCode, status: status, message: message).response(requestID: requestID)
        case .json, .identityCenter: Responses.awsJSONError(AWSJSONError(status: status, type: jsonType, message: message), requestID: requestID)
        }
    }
}
