import Assistant
import Foundation
import QseekConfiguration

/// The model `[model]` names, built on the environment's transport and credentials.
enum ConfiguredModel {
    /// nil for `provider = "none"`: the assembled prompt is the result.
    static func backend(for environment: AppEnvironment,
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
}
