import Assistant
import AWS
import Foundation
import QseekConfiguration

/// The model `[model]` names, built on the environment's transport and credentials.
public enum ConfiguredModel {
    /// nil for `provider = "none"`: the assembled prompt is the result.
    public static func backend(for environment: AppEnvironment,
                        processEnvironment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> (any ModelBackend)? {
        let model = environment.config.model
        do {
            switch model.provider {
            case .none:
                return nil
            case .bedrock:
                let region = model.region.isEmpty ? environment.config.aws.region : model.region
                return try BedrockConverseModel(modelID: model.modelID, region: region, account: environment.account,
                                                endpoints: environment.endpoints, transport: environment.transport,
                                                options: try bedrockOptions(model, configPath: environment.configPath),
                                                logger: environment.logger)
            case .openai:
                guard !model.baseURL.isEmpty else {
                    throw CommandFailure.usage("\(environment.configPath): [model].base_url is needed for provider \"openai\".")
                }
                var key: String?
                if !model.apiKeyEnv.isEmpty {
                    guard let value = processEnvironment[model.apiKeyEnv], !value.isEmpty else {
                        throw CommandFailure.usage("\(environment.configPath): the environment variable \(model.apiKeyEnv) named by [model].api_key_env is not set.")
                    }
                    key = value
                }
                return try OpenAIChatModel(modelID: model.modelID, baseURL: model.baseURL, apiKey: key, transport: environment.transport,
                                           logger: environment.logger)
            }
        } catch let error as ModelError {
            throw .usage("\(environment.configPath): \(error.userMessage)")
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .unexpected("Unexpected error (\(type(of: error))).")
        }
    }

    /// `[model] citations`, `guardrail_id`/`guardrail_version` and `service_tier`, checked against
    /// bedrock-runtime's patterns before anything is sent.
    static func bedrockOptions(_ model: QseekConfig.Model, configPath: String) throws(CommandFailure) -> BedrockConverseModel.Options {
        var options = BedrockConverseModel.Options(citations: model.citations == .native ? .native : .markers)
        if !model.guardrailID.isEmpty || !model.guardrailVersion.isEmpty {
            do {
                try ConverseStreamRequest.validateGuardrail(identifier: model.guardrailID, version: model.guardrailVersion)
            } catch {
                throw .usage("\(configPath): [model] \(error.field == "guardrailConfig.guardrailVersion" ? "guardrail_version" : "guardrail_id") is invalid: it must be \(error.rule).")
            }
            options.guardrail = GuardrailConfiguration(identifier: model.guardrailID, version: model.guardrailVersion)
        }
        options.serviceTier = model.serviceTier.flatMap { ServiceTier(rawValue: $0.rawValue) }
        return options
    }
}
