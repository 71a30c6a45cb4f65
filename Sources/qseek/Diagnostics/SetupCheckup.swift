import Accessor
import AWS
import Foundation
import Logging
import OIDC
import QseekConfiguration
import Synchronization

/// `qseek doctor`'s checks, in the order the flow needs them: the config, the IdP (discovery,
/// keys, the user's sign-in), the ISV's AWS identity, then per tenant every step of the TTI
/// exchange and a probe search, and last the model backend.
///
/// Each step talks to the real services through the same clients the app uses, but one call
/// at a time, so a failure names the exact call and the config key behind it. It stops at the
/// first failure unless `continueAfterFailure`; steps whose input is missing are skipped.
struct SetupCheckup {
    struct Options {
        var configOption: String?
        var tenantID: String?
        var continueAfterFailure = false
        var environment: [String: String] = ProcessInfo.processInfo.environment
        /// The sign-in cache; nil = the user's cache directory.
        var tokenCache: TokenCache?
        var probeQuery = "qseek doctor probe"
        var logger = Logger(label: "qseek.doctor", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    var options: Options

    /// Runs the checks, handing each result to `report` as soon as it is known.
    func run(report: (DiagnosticResult) -> Void = { _ in }) async -> DoctorReport {
        var results: [DiagnosticResult] = []
        /// Records a result; false when the run must stop here.
        func record(_ result: DiagnosticResult) -> Bool {
            results.append(result)
            report(result)
            options.logger.debug("doctor step", metadata: ["step": "\(result.id)", "tenant": "\(result.tenant ?? "-")", "status": "\(result.status.rawValue)"])
            return result.status != .failed || options.continueAfterFailure
        }
        await checks(record)
        return DoctorReport(steps: results)
    }

    private func checks(_ record: (DiagnosticResult) -> Bool) async {
        // 1. The config.
        let configTitle = "Config parses and is complete"
        let inspection: ConfigInspection
        do {
            inspection = try ConfigInspection.inspect(option: options.configOption, environment: options.environment)
        } catch {
            let failure = CommandFailure(error)
            _ = record(.failed("config", configTitle, Diagnosis(cause: failure.message,
                                                               fix: "Fix the file at the line shown, or write a commented one with `qseek config init`.",
                                                               CommandFailure.usage)))
            return
        }
        let config = inspection.config
        let advice = DoctorAdvice(config: config)
        if inspection.problems.isEmpty {
            let tenants = config.tenants.count
            guard record(.ok("config", configTitle, "\(inspection.location.path) (\(tenants) tenant\(tenants == 1 ? "" : "s"))")) else { return }
        } else {
            let cause = inspection.problems.map(String.init(describing:)).joined(separator: "\n")
            guard record(.failed("config", configTitle, Diagnosis(cause: cause, fix: "Fix the lines above; `qseek config check` lists them again.",
                                                                  CommandFailure.usage))) else { return }
        }

        let environment: AppEnvironment
        do {
            environment = try AppEnvironment(config: config, configPath: inspection.location.path, environment: options.environment,
                                             tokenCache: options.tokenCache, logger: options.logger)
        } catch {
            _ = record(.failed("config", configTitle, Diagnosis(cause: error.message, fix: "Fill in the keys named above.", CommandFailure.usage)))
            return
        }
        await checks(environment, advice: advice, record)
        await environment.shutdown()
    }

    private func checks(_ environment: AppEnvironment, advice: DoctorAdvice, _ record: (DiagnosticResult) -> Bool) async {
        let config = environment.config
        var advice = advice

        // 2. The IdP: discovery document and its issuer.
        let discoveryTitle = "IdP discovery reachable and issuer matches"
        var metadata: ProviderMetadata?
        do {
            let found = try await ProviderDiscovery(issuer: config.identity.issuer, transport: environment.identityTransport).metadata()
            metadata = found
            guard record(.ok("discovery", discoveryTitle, "\(found.issuer)")) else { return }
        } catch {
            var diagnosis = advice.diagnose(error, step: "discovery")
            if case OIDCError.network = error, let url = try? ProviderMetadata.discoveryURL(for: config.identity.issuer) {
                diagnosis.cause = "GET \(url.absoluteString) failed. " + diagnosis.cause
            }
            guard record(.failed("discovery", discoveryTitle, diagnosis)) else { return }
        }

        // 3. The IdP's signing keys.
        let keysTitle = "IdP signing keys (JWKS) fetchable"
        if let metadata {
            guard record(await signingKeys(at: metadata.jwksURI, title: keysTitle, transport: environment.identityTransport)) else { return }
        } else {
            guard record(.skipped("jwks", keysTitle, "needs the discovery document")) else { return }
        }

        // 4. The user's sign-in: cached and valid, or silently refreshable.
        let signInTitle = "Signed in (or the sign-in can be renewed)"
        var signedIn: TokenSet?
        do {
            let tokens = try await environment.signIn.validTokens()
            signedIn = tokens
            let who = tokens.claims.email.map { "\(tokens.claims.subject) <\($0)>" } ?? tokens.claims.subject
            let until = ISO8601DateFormatter().string(from: tokens.claims.expiresAt)
            guard record(.ok("sign-in", signInTitle, "\(who), ID token valid until \(until)")) else { return }
        } catch {
            // An auth-code tenant's user signs in at the tenant's Identity Center, not at the IdP.
            if let wanted = options.tenantID, config.tenants.first(where: { $0.id == wanted })?.auth == .idcAuthCode {
                guard record(.skipped("sign-in", signInTitle, "tenant \(wanted) signs in at its own Identity Center (auth = \"idc-auth-code\")")) else { return }
            } else {
                guard record(.failed("sign-in", signInTitle, await signInDiagnosis(error, environment: environment, advice: advice))) else { return }
            }
        }

        // 5. The ISV's own AWS identity.
        let identityTitle = "ISV base AWS credentials (sts:GetCallerIdentity)"
        do {
            let caller = try await sts(environment, region: config.aws.region).getCallerIdentity()
            advice.callerARN = caller.arn
            guard record(.ok("aws-identity", identityTitle, "\(caller.arn) (account \(caller.account))")) else { return }
        } catch {
            advice.baseSource = await BaseCredentialsSource.find(environment)
            guard record(.failed("aws-identity", identityTitle, advice.diagnose(error, step: "aws-identity"))) else { return }
        }

        // 6. Per tenant: the exchange, step by step, and a probe search.
        let tenants: [QseekConfig.Tenant]
        if let wanted = options.tenantID {
            guard let tenant = config.tenants.first(where: { $0.id == wanted }) else {
                let known = config.tenants.map(\.id).joined(separator: ", ")
                _ = record(.failed("tenant", "Tenant \(wanted) is configured", tenant: wanted,
                                   Diagnosis(cause: "no [[tenants]] entry has id \(wanted) (configured: \(known.isEmpty ? "none" : known))",
                                             fix: "Add a [[tenants]] entry for it, or pick one of the configured ids.", CommandFailure.usage)))
                return
            }
            tenants = [tenant]
        } else {
            tenants = config.tenants
        }
        // With a tenant claim, the user's own list decides which tenants are theirs to check.
        let claimed = signedIn.flatMap { environment.claimedTenantIDs(in: $0) }.map(Set.init)
        for tenant in tenants {
            if let claimed, !claimed.contains(tenant.id), tenant.auth == .tti, options.tenantID == nil {
                guard record(.skipped("tenant", "Tenant \(tenant.id)", tenant: tenant.id,
                                      "not in this user's `\(config.identity.tenantClaim)` claim")) else { return }
                continue
            }
            guard await exchangeAndSearch(tenant, idToken: signedIn?.idToken, claimed: claimed, environment: environment, advice: advice, record) else { return }
        }

        // 7. The model backend.
        _ = record(await model(environment, advice: advice))
    }

    private func signingKeys(at url: URL, title: String, transport: any HTTPTransport) async -> DiagnosticResult {
        let fix = "The IdP's jwks_uri must serve its public signing keys; check the IdP and the network."
        do {
            let response = try await transport.exchange(.json(url))
            guard response.statusCode == 200 else {
                return .failed("jwks", title, Diagnosis(cause: "\(url.absoluteString) answered HTTP \(response.statusCode)", fix: fix, CommandFailure.network))
            }
            guard let keys = JSONValue.parse(response.body)?["keys"]?.arrayValue, !keys.isEmpty else {
                return .failed("jwks", title, Diagnosis(cause: "\(url.absoluteString) holds no keys", fix: fix, CommandFailure.network))
            }
            let kids = keys.compactMap { $0["kid"]?.stringValue }
            return .ok("jwks", title, "\(keys.count) key\(keys.count == 1 ? "" : "s")" + (kids.isEmpty ? "" : " (\(kids.joined(separator: ", ")))"))
        } catch {
            return .failed("jwks", title, DoctorAdvice(config: QseekConfig()).diagnose(error, step: "jwks"))
        }
    }

    /// TTI-FLOW.md steps 2–6 for one tenant, run by the app's own `TrustedIdentityExchange`
    /// and `PassageSearch` (doctor watches their step reports); false when the run must stop.
    private func exchangeAndSearch(_ configured: QseekConfig.Tenant, idToken: String?, claimed: Set<String>?, environment: AppEnvironment,
                                   advice: DoctorAdvice, _ record: (DiagnosticResult) -> Bool) async -> Bool {
        let id = configured.id
        guard let tenant = environment.tenants.first(where: { $0.id == id }) else { return true }
        // A fresh exchange of its own: nothing cached may stand in for a step being checked.
        let exchange = TrustedIdentityExchange(account: environment.account, endpoints: environment.endpoints, transport: environment.transport,
                                               idToken: { SignedInUser(subject: "qseek-doctor", idToken: idToken) },
                                               identityCenterSessions: environment.identityCenterSessions, logger: options.logger)
        let reports = Mutex<[ExchangeStepReport]>([])
        var exchanged = false
        var needsSignIn = false
        var needsIdentityCenterSignIn: String?
        do {
            _ = try await exchange.credentials(for: tenant) { report in reports.withLock { $0.append(report) } }
            exchanged = true
        } catch {
            if case .signInRequired = error { needsSignIn = true }
            if case .identityCenterSignInRequired(_, let reason) = error { needsIdentityCenterSignIn = reason }
        }
        for report in reports.withLock({ $0 }) {
            let title = report.step.doctorTitle(for: configured)
            switch report.outcome {
            case .succeeded(let expiry):
                guard record(.ok(report.step.doctorID, title, tenant: id, report.step.doctorDetail(configured: environment.config, expiry: expiry))) else { return false }
            case .reused:
                guard record(.ok(report.step.doctorID, title, tenant: id, "reused")) else { return false }
            case .failed(let failure):
                guard record(.failed(report.step.doctorID, title, tenant: id,
                                     advice.diagnose(failure, step: report.step.doctorID, tenant: configured))) else { return false }
                return skipRest(after: report.step.doctorID, tenant: id, record)
            }
        }
        if needsSignIn {
            guard record(.skipped("create-token", ExchangeStep.exchangeToken.doctorTitle(for: configured), tenant: id, "needs a sign-in")) else { return false }
            return skipRest(after: "create-token", tenant: id, record)
        }
        if let reason = needsIdentityCenterSignIn, reports.withLock({ $0.isEmpty }) {
            // An auth-code tenant nobody signed in to yet: nothing is wrong, there is nothing to renew.
            guard record(.skipped("refresh-token", ExchangeStep.refreshIdentityCenterToken.doctorTitle(for: configured), tenant: id,
                                  "needs an Identity Center sign-in (\(reason)) Run `qseek login --tenant \(id)`.")) else { return false }
            return skipRest(after: "create-token", tenant: id, record)
        }
        guard exchanged else { return true }

        let searchTitle = "SearchRelevantContent with a probe query"
        let search = PassageSearch(exchange: exchange, endpoints: environment.endpoints, transport: environment.transport, logger: options.logger)
        do {
            var count = 0
            for try await page in search.pages(of: PassageQuery(tenant: tenant, text: options.probeQuery, pageSize: 1, maxPages: 1)) {
                count += page.count
            }
            return record(.ok("search", searchTitle, tenant: id,
                              "application \(tenant.applicationID) answered (\(count) passage\(count == 1 ? "" : "s") for \"\(options.probeQuery)\")"))
        } catch {
            var diagnosis = advice.diagnose(error, step: "search", tenant: configured)
            // A tenant id the user's own claim does not list either is most likely mistyped.
            if (error as? AccessorError)?.cause?.awsCode == "AccessDeniedException", let claimed, !claimed.contains(id) {
                diagnosis.fix = "\(id) is not in this user's `\(environment.config.identity.tenantClaim)` claim (\(claimed.sorted().joined(separator: ", "))) either: check \(advice.tenantKey(configured, "id")) for a typo. " + diagnosis.fix
            }
            return record(.failed("search", searchTitle, tenant: id, diagnosis))
        }
    }

    /// Marks the tenant's later steps as skipped (only reached with `--all`).
    private func skipRest(after step: String, tenant: String, _ record: (DiagnosticResult) -> Bool) -> Bool {
        let order = [("create-token", "CreateTokenWithIAM at the tenant's Identity Center"),
                     ("identity-aware-role", "AssumeRole with the identity context (sts:SetContext)"),
                     ("search", "SearchRelevantContent with a probe query")]
        guard let start = order.firstIndex(where: { $0.0 == step }).map({ $0 + 1 }) ?? (step == "assume-role" ? 0 : nil) else { return true }
        for (id, title) in order[start...] {
            guard record(.skipped(id, title, tenant: tenant, "needs the step before")) else { return false }
        }
        return true
    }

    private func sts(_ environment: AppEnvironment, region: String) throws -> STS {
        let endpoint = try environment.endpoints.endpoint(for: .sts, region: region)
        return STS(client: AWSServiceClient(service: .sts, region: region, endpoint: endpoint, credentials: environment.baseCredentials,
                                            transport: environment.transport, logger: options.logger))
    }

    private func model(_ environment: AppEnvironment, advice: DoctorAdvice) async -> DiagnosticResult {
        let model = environment.config.model
        let title = "Model backend (\(model.provider.rawValue))"
        switch model.provider {
        case .none:
            return .skipped("model", title, "provider = \"none\": qseek shows passages without a generated answer")
        case .bedrock:
            let region = model.region.isEmpty ? environment.config.aws.region : model.region
            do {
                let endpoint = try environment.endpoints.endpoint(for: .bedrockRuntime, region: region)
                let bedrock = BedrockRuntime(client: AWSServiceClient(service: .bedrockRuntime, region: region, endpoint: endpoint,
                                                                      credentials: environment.baseCredentials,
                                                                      transport: environment.transport, logger: options.logger))
                let request = ConverseStreamRequest(modelID: model.modelID, messages: [ConversationMessage(role: .user, text: "Reply with OK.")],
                                                    inferenceConfig: InferenceConfiguration(maxTokens: 8))
                var characters = 0
                for try await event in try await bedrock.converseStream(request) {
                    if case .contentBlockDelta(_, let text) = event { characters += text.count }
                }
                return .ok("model", title, "\(model.modelID) in \(region) answered (\(characters) characters)")
            } catch {
                var diagnosis = advice.diagnose(error, step: "model")
                if let error = error as? AWSError, ["AccessDeniedException", "ResourceNotFoundException", "ValidationException"].contains(error.code) {
                    diagnosis.fix = "Check [model].model_id = \"\(model.modelID)\" and [model].region, and that your base identity may call bedrock:InvokeModelWithResponseStream on it (model access enabled in the Bedrock console)."
                }
                return .failed("model", title, diagnosis)
            }
        case .openai:
            return await openAIModels(model, environment: environment, title: title)
        }
    }

    /// `GET {base_url}/models`, with the key when one is configured.
    private func openAIModels(_ model: QseekConfig.Model, environment: AppEnvironment, title: String) async -> DiagnosticResult {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if !model.apiKeyEnv.isEmpty {
            guard let key = options.environment[model.apiKeyEnv], !key.isEmpty else {
                return .failed("model", title, Diagnosis(cause: "the environment variable \(model.apiKeyEnv) named by [model].api_key_env is not set",
                                                         fix: "Export \(model.apiKeyEnv) with the API key, or clear [model].api_key_env for servers without keys.",
                                                         CommandFailure.usage))
            }
            headers.append(("Authorization", "Bearer \(key)"))
        }
        let base = model.baseURL.hasSuffix("/") ? String(model.baseURL.dropLast()) : model.baseURL
        let url = base + "/models"
        let started = ContinuousClock.now
        do {
            let response = try await environment.transport.send(HTTPRequest(method: "GET", url: url, headers: headers), timeout: .seconds(15))
            options.logger.debug("model request", metadata: ["method": "GET", "host": "\(URL(string: url)?.host ?? "-")",
                                                             "path": "\(URL(string: url)?.path ?? "-")", "status": "\(response.statusCode)",
                                                             "latencyMs": "\(RequestLog.milliseconds(since: started))", "attempt": "1"])
            guard response.isSuccess else {
                let fix = response.statusCode == 401 || response.statusCode == 403
                    ? "The server refused the key: check the variable named by [model].api_key_env."
                    : "Check [model].base_url (it usually ends in /v1)."
                return .failed("model", title, Diagnosis(cause: "GET \(url) answered HTTP \(response.statusCode)", fix: fix, CommandFailure.network))
            }
            let ids = JSONValue.parse(response.body)?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            if !model.modelID.isEmpty, !ids.isEmpty, !ids.contains(model.modelID) {
                return .failed("model", title, Diagnosis(cause: "the server does not list model \(model.modelID) (it lists \(ids.prefix(5).joined(separator: ", ")))",
                                                         fix: "Set [model].model_id to one of the listed models.", CommandFailure.usage))
            }
            return .ok("model", title, "\(url) lists \(ids.count) model\(ids.count == 1 ? "" : "s")")
        } catch {
            return .failed("model", title, Diagnosis(cause: "GET \(url): \(AWSErrorText.describe(error))",
                                                     fix: "Start the model server or fix [model].base_url.", CommandFailure.network))
        }
    }
}

/// Transport failures in words (without a type dump).
enum AWSErrorText {
    static func describe(_ error: any Error) -> String {
        if let error = error as? TransportError { return error.userMessage }
        return String(describing: type(of: error))
    }
}
