import Foundation

/// A session tag: `Key` 1–128 and `Value` 0–256 characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`.
public struct SessionTag: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A trusted context assertion obtained elsewhere (IAM Identity Center's identity context).
public struct ProvidedContext: Sendable, Equatable {
    public static let identityCenterProviderARN = "arn:aws:iam::aws:contextProvider/IdentityCenter"

    public var providerARN: String
    /// Opaque, 4–2048 characters; a bearer secret, never logged.
    public var contextAssertion: String

    public init(providerARN: String = ProvidedContext.identityCenterProviderARN, contextAssertion: String) {
        self.providerARN = providerARN
        self.contextAssertion = contextAssertion
    }
}

/// `sts:AssumeRole` input, with the members qseek uses, in the model's member order.
public struct AssumeRoleRequest: Sendable, Equatable {
    public var roleARN: String
    public var sessionName: String
    public var policy: String?
    public var durationSeconds: Int?
    public var tags: [SessionTag]
    public var externalID: String?
    public var sourceIdentity: String?
    public var providedContexts: [ProvidedContext]

    public init(roleARN: String, sessionName: String, policy: String? = nil, durationSeconds: Int? = nil, tags: [SessionTag] = [],
                externalID: String? = nil, sourceIdentity: String? = nil, providedContexts: [ProvidedContext] = []) {
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.policy = policy
        self.durationSeconds = durationSeconds
        self.tags = tags
        self.externalID = externalID
        self.sourceIdentity = sourceIdentity
        self.providedContexts = providedContexts
    }

    /// Checks the model's constraints (lengths, patterns, ranges, list sizes).
    public func validate() throws(ParameterValidationError) {
        try ParameterRules.length(roleARN, 20...2048, field: "RoleArn")
        try ParameterRules.length(sessionName, 2...64, field: "RoleSessionName")
        try ParameterRules.characters(sessionName, field: "RoleSessionName", rule: "letters, digits and _+=,.@- only") {
            ParameterRules.isWordCharacter($0) || "+=,.@-".unicodeScalars.contains($0)
        }
        if let durationSeconds { try ParameterRules.range(durationSeconds, 900...43200, field: "DurationSeconds") }
        guard tags.count <= 50 else { throw ParameterValidationError(field: "Tags", rule: "at most 50 tags") }
        for (index, tag) in tags.enumerated() {
            let name = "Tags[\(index + 1)]"
            try ParameterRules.length(tag.key, 1...128, field: "\(name).Key")
            try ParameterRules.characters(tag.key, field: "\(name).Key", rule: "letters, digits, spaces and _.:/=+-@ only",
                                          allowed: ParameterRules.isTagCharacter)
            try ParameterRules.length(tag.value, 0...256, field: "\(name).Value")
            try ParameterRules.characters(tag.value, field: "\(name).Value", rule: "letters, digits, spaces and _.:/=+-@ only",
                                          allowed: ParameterRules.isTagCharacter)
        }
        if let externalID { try ParameterRules.length(externalID, 2...1224, field: "ExternalId") }
        if let sourceIdentity { try ParameterRules.length(sourceIdentity, 2...64, field: "SourceIdentity") }
        guard providedContexts.count <= 5 else { throw ParameterValidationError(field: "ProvidedContexts", rule: "at most 5 contexts") }
        for (index, context) in providedContexts.enumerated() {
            try ParameterRules.length(context.providerARN, 20...2048, field: "ProvidedContexts[\(index + 1)].ProviderArn")
            try ParameterRules.length(context.contextAssertion, 4...2048, field: "ProvidedContexts[\(index + 1)].ContextAssertion")
        }
    }

    /// The awsQuery form, byte-identical to botocore's.
    public var form: QueryForm {
        var form = QueryForm(action: "AssumeRole", version: STS.apiVersion)
        form.add("RoleArn", roleARN)
        form.add("RoleSessionName", sessionName)
        form.add("Policy", policy)
        form.add("DurationSeconds", durationSeconds)
        form.addList("Tags", tags) { [("Key", $0.key), ("Value", $0.value)] }
        form.add("ExternalId", externalID)
        form.add("SourceIdentity", sourceIdentity)
        form.addList("ProvidedContexts", providedContexts) { [("ProviderArn", $0.providerARN), ("ContextAssertion", $0.contextAssertion)] }
        return form
    }
}

/// What `AssumeRole` returns besides the credentials.
public struct AssumedRole: Sendable {
    public var credentials: Credentials
    public var assumedRoleARN: String?
    public var assumedRoleID: String?
    public var packedPolicySize: Int?
}

/// `sts:GetCallerIdentity` output.
public struct CallerIdentity: Sendable, Equatable {
    public var userID: String
    public var account: String
    public var arn: String
}
