import AWS
import Foundation
import LiveServices
import QseekConfiguration

extension SetupCheckup {
    func model(_ environment: AppEnvironment, advice: DoctorAdvice) async -> DiagnosticResult {
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
