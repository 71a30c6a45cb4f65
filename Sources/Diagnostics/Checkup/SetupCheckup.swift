import Accessor
import AWS
import Foundation
import LiveServices
import Logging
import OIDC
import QseekConfiguration

/// `qseek doctor`'s checks, in the order the flow needs them: the config, the IdP (discovery,
/// keys, the user's sign-in), the ISV's AWS identity, then per tenant every step of the TTI
/// exchange and a probe search, and last the model backend.
///
/// Each step talks to the real services through the same clients the app uses, but one call
/// at a time, so a failure names the exact call and the config key behind it. It stops at the
/// first failure unless `continueAfterFailure`; steps whose input is missing are skipped.
public struct SetupCheckup {
    public struct Options {
        public var configOption: String?
        public var tenantID: String?
        public var continueAfterFailure: Bool
        public var environment: [String: String]
        /// The sign-in cache; nil = the user's cache directory.
        public var tokenCache: TokenCache?
        var probeQuery = "qseek doctor probe"
        public var logger: Logger

        public init(configOption: String?, tenantID: String? = nil, continueAfterFailure: Bool = false,
                    environment: [String: String] = ProcessInfo.processInfo.environment, tokenCache: TokenCache? = nil,
                    logger: Logger = Logger(label: "qseek.doctor", factory: { _ in SwiftLogNoOpLogHandler() })) {
            self.configOption = configOption
            self.tenantID = tenantID
            self.continueAfterFailure = continueAfterFailure
            self.environment = environment
            self.tokenCache = tokenCache
            self.logger = logger
        }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs the checks, handing each result to `report` as soon as it is known.
    public func run(report: (DiagnosticResult) -> Void = { _ in }) async -> DoctorReport {
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
            let until = tokens.claims.expiresAt.formatted(.iso8601)
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

    private func sts(_ environment: AppEnvironment, region: String) throws -> STS {
        let endpoint = try environment.endpoints.endpoint(for: .sts, region: region)
        return STS(client: AWSServiceClient(service: .sts, region: region, endpoint: endpoint, credentials: environment.baseCredentials,
                                            transport: environment.transport, logger: options.logger))
    }
}
