import Testing
@testable import AWS

struct AWSErrorParserTests {
    @Test func stsErrorResponseXMLBecomesATypedError() {
        let body = """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized</Message></Error>
          <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
        </ErrorResponse>
        """
        let error = AWSErrorParser.parse(service: "sts", statusCode: 403, headers: [], body: Array(body.utf8))
        #expect(error.code == "AccessDenied")
        #expect(error.message == "User is not authorized")
        #expect(error.requestID == "c6104cbe-af31-11e0-8154-cbc7ccf896c7")
        #expect(error.statusCode == 403)
        #expect(!error.isRetryable)
        #expect(error.userMessage.contains("does not trust the ISV identity"))
    }

    @Test func theResponseErrorsLayoutIsReadToo() {
        let body = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors><RequestID>r-1</RequestID></Response>"
        let error = AWSErrorParser.parse(service: "sts", statusCode: 503, headers: [], body: Array(body.utf8))
        #expect(error.code == "RequestLimitExceeded")
        #expect(error.requestID == "r-1")
        #expect(error.isThrottling)
        #expect(error.isRetryable)
    }

    @Test func theErrorTypeHeaderLosesItsSuffixAndTheValidationFieldsAreKept() {
        let body = #"{"message":"bad","reason":"CANNOT_PARSE","fields":[{"name":"maxResults","message":"too big"}]}"#
        let error = AWSErrorParser.parse(service: "qbusiness", statusCode: 400,
                                         headers: [("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/"),
                                                   ("x-amzn-RequestId", "req-9")],
                                         body: Array(body.utf8))
        #expect(error.code == "ValidationException")
        #expect(error.reason == "CANNOT_PARSE")
        #expect(error.fields == [AWSError.Field(name: "maxResults", message: "too big")])
        #expect(error.requestID == "req-9")
        #expect(error.userMessage.contains("CANNOT_PARSE"))
        #expect(error.userMessage.contains("maxResults: too big"))
    }

    @Test func theTypeFieldLosesItsNamespace() {
        let body = #"{"__type":"com.amazon.coral.service#ResourceNotFoundException","message":"no app","resourceId":"app-1"}"#
        let error = AWSErrorParser.parse(service: "qbusiness", statusCode: 404, headers: [], body: Array(body.utf8))
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.resourceID == "app-1")
        #expect(error.userMessage.contains("app-1"))
    }

    @Test func oauthStyleErrorsUseErrorAndDescription() {
        let body = #"{"error":"invalid_grant","error_description":"audience mismatch"}"#
        let error = AWSErrorParser.parse(service: "sso-oauth", statusCode: 400, headers: [], body: Array(body.utf8))
        #expect(error.code == "invalid_grant")
        #expect(error.message == "audience mismatch")
        #expect(error.userMessage.contains("audience"))
    }

    @Test func theWrongRegionErrorNamesTheRightRegion() {
        let body = #"{"error":"invalid_request","error_description":"wrong region","endpoint":"https://oidc.eu-west-1.amazonaws.com","region":"eu-west-1"}"#
        let error = AWSErrorParser.parse(service: "sso-oauth", statusCode: 400,
                                         headers: [("X-Amzn-Errortype", "InvalidRequestRegionException")], body: Array(body.utf8))
        #expect(error.code == "InvalidRequestRegionException")
        #expect(error.region == "eu-west-1")
        #expect(error.userMessage.contains("eu-west-1"))
    }

    @Test func anHTMLPageFromAProxyStillGivesAnErrorNamedAfterTheStatus() {
        let error = AWSErrorParser.parse(service: "qbusiness", statusCode: 502, headers: [], body: Array("<html><body>Bad gateway".utf8))
        #expect(error.code == "HTTP502")
        #expect(error.isRetryable)
    }

    @Test func credentialsNeverShowTheirSecretsInDescriptions() {
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG", sessionToken: "FQoGZXIvYXdzEJr")
        let text = "\(credentials) \(String(reflecting: credentials))"
        #expect(text.contains("AKIDEXAMPLE"))
        #expect(!text.contains("wJalrXUtnFEMI"))
        #expect(!text.contains("FQoGZXIvYXdzEJr"))
    }
}
