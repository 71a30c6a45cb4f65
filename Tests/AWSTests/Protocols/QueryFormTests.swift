import Testing
@testable import AWS

struct QueryFormTests {
    @Test func assumeRoleIsSerialisedInModelOrderWithBotocoreEscaping() {
        let request = AssumeRoleRequest(roleARN: "arn:aws:iam::111122223333:role/data accessor", sessionName: "user@example.com",
                                        durationSeconds: 900,
                                        tags: [SessionTag(key: "qbusiness-dataaccessor:ExternalId", value: "T0123ACME")],
                                        providedContexts: [ProvidedContext(contextAssertion: "abc+/=")])
        #expect(request.form.encoded == "Action=AssumeRole&Version=2011-06-15"
            + "&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdata+accessor&RoleSessionName=user%40example.com"
            + "&DurationSeconds=900&Tags.member.1.Key=qbusiness-dataaccessor%3AExternalId&Tags.member.1.Value=T0123ACME"
            + "&ProvidedContexts.member.1.ProviderArn=arn%3Aaws%3Aiam%3A%3Aaws%3AcontextProvider%2FIdentityCenter"
            + "&ProvidedContexts.member.1.ContextAssertion=abc%2B%2F%3D")
    }

    @Test func aSessionNameWithASpaceIsRefusedNamingTheField() {
        let request = AssumeRoleRequest(roleARN: "arn:aws:iam::111122223333:role/r", sessionName: "two words")
        #expect(throws: ParameterValidationError(field: "RoleSessionName", rule: "letters, digits and _+=,.@- only")) {
            try request.validate()
        }
    }

    @Test func aDurationOutsideTheModelRangeIsRefused() {
        let request = AssumeRoleRequest(roleARN: "arn:aws:iam::111122223333:role/r", sessionName: "ok", durationSeconds: 899)
        #expect(throws: ParameterValidationError.self) { try request.validate() }
    }

    @Test func aTooShortContextAssertionIsRefused() {
        let request = AssumeRoleRequest(roleARN: "arn:aws:iam::111122223333:role/r", sessionName: "ok",
                                        providedContexts: [ProvidedContext(contextAssertion: "abc")])
        #expect(throws: ParameterValidationError.self) { try request.validate() }
    }

    @Test func stsXMLCredentialsAreParsed() throws {
        let xml = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
        <Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey>
        <SessionToken>tok</SessionToken><Expiration>2026-11-27T10:00:00Z</Expiration></Credentials>
        <AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
        </AssumeRoleResult></AssumeRoleResponse>
        """
        let role = try STS.parseAssumeRole(try XMLTree.parse(Array(xml.utf8)))
        #expect(role.credentials.accessKeyID == "ASIA1")
        #expect(role.credentials.sessionToken == "tok")
        #expect(role.credentials.expiration?.timeIntervalSince1970 == 1_795_773_600)
        #expect(role.assumedRoleARN == "arn:aws:sts::1:assumed-role/r/s")
    }

    @Test func brokenXMLIsATypedError() {
        #expect(throws: ResponseDecodingError.self) { try XMLTree.parse(Array("<a><b></a>".utf8)) }
    }
}
