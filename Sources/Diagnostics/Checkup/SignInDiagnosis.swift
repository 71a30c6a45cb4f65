import LiveServices
import OIDC

extension SetupCheckup {
    /// The sign-in step's failure in words. With no usable sign-in, the likeliest hidden cause
    /// is a wrong `[identity].client_id` (the token cache is keyed by it, and the IdP refuses
    /// every sign-in and renewal for it), so the IdP is asked whether it knows the client id.
    func signInDiagnosis(_ error: any Error, environment: AppEnvironment, advice: DoctorAdvice) async -> Diagnosis {
        let ordinary = advice.diagnose(error, step: "sign-in")
        guard let error = error as? OIDCError, Self.mayHideAWrongClientID(error),
              case .refused(let code, let description)? = try? await environment.signIn.checkClient() else { return ordinary }
        let clientID = environment.config.identity.clientID
        let answer = code + (description.map { ": \($0)" } ?? "")
        return Diagnosis(cause: "The IdP does not accept client id \"\(clientID)\" (its token endpoint answered \(answer)), so no sign-in can exist for it.",
                         fix: "Set [identity].client_id to the client id registered for qseek at your IdP (the audience your customers' trusted token issuers accept), then run `qseek login`.",
                         CommandFailure.usage)
    }

    static func mayHideAWrongClientID(_ error: OIDCError) -> Bool {
        switch error {
        case .signInRequired: return true
        case .tokenRequestRefused(let code, _): return code == "invalid_client" || code == "unauthorized_client"
        default: return false
        }
    }
}
