import Foundation
import Testing

@testable import QseekConfiguration

@Suite("Config file parsing")
struct ConfigParserTests {
    func parse(_ text: String) throws -> QseekConfig {
        try ConfigParser(text: text, file: "test.toml").parse()
    }

    func failure(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func anEmptyFileGivesEveryDocumentedDefault() throws {
        let config = try parse("")
        #expect(config.identity.scopes == ["openid", "email", "profile"])
        #expect(config.identity.flow == .auto)
        #expect(config.identity.redirectPort == 0)
        #expect(config.identity.redirectPath == "/callback")
        #expect(config.identity.redirectHost == "127.0.0.1")
        #expect(config.identity.demoUsers.isEmpty)
        #expect(config.aws.region == "us-east-1")
        #expect(config.aws.sessionDuration == 900)
        #expect(config.endpoints == QseekConfig.Endpoints())
        #expect(config.tenants.isEmpty)
        #expect(config.search.maxResults == 25)
        #expect(config.search.maxPages == 4)
        #expect(config.prompt.budgetTokens == 6000)
        #expect(config.model.provider == QseekConfig.ModelProvider.none)
        #expect(config.ui.theme == "midnight")
        #expect(config.ui.mouse)
        #expect(config.history.mode == .metadata)
    }

    @Test func theDocumentedExampleParsesCompletely() throws {
        let config = try parse(Self.example)
        #expect(config.identity.issuer == "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abcd1234")
        #expect(config.identity.clientID == "4c1f7example")
        #expect(config.identity.redirectHost == "localhost")
        #expect(config.identity.demoUsers == ["alice", "bob"])
        #expect(config.aws.dataAccessorRoleARN == "arn:aws:iam::111122223333:role/QseekDataAccessor")
        #expect(config.aws.sessionDuration == 1800)
        #expect(config.endpoints.ssoOIDC == "http://127.0.0.1:9000")
        #expect(config.tenants.map(\.id) == ["T0123ACME", "T0456GLOBEX"])
        #expect(config.tenants[1].idcRegion == "eu-west-1")
        #expect(config.search.maxResults == 50)
        #expect(config.model.provider == .openai)
        #expect(config.model.baseURL == "http://127.0.0.1:11434/v1")
        #expect(config.ui.mouse == false)
        #expect(config.history.mode == .full)
    }

    @Test func anUnknownKeyIsAnErrorWithItsLine() throws {
        let error = try #require(failure("""
            [identity]
            issuer = "https://idp.example"
            client_idd = "typo"
            """))
        #expect(error.line == 3)
        #expect(error.key == "identity.client_idd")
        #expect(error.description.hasPrefix("test.toml:3: identity.client_idd: unknown key"))
    }

    @Test func anUnknownSectionIsAnErrorWithItsLine() throws {
        let error = try #require(failure("""
            [identity]
            issuer = "x"

            [idenity]
            issuer = "y"
            """))
        #expect(error.line == 4)
        #expect(error.key == "idenity")
    }

    @Test func anUnknownKeyInTheSecondTenantPointsAtThatTenant() throws {
        let error = try #require(failure("""
            [[tenants]]
            id = "A"
            region = "us-east-1"

            [[tenants]]
            id = "B"
            regoin = "us-east-1"
            """))
        #expect(error.line == 7)
        #expect(error.key == "tenants[1].regoin")
    }

    @Test("Out-of-range numbers are refused", arguments: [
        ("[aws]\nsession_duration = 899", "aws.session_duration"),
        ("[aws]\nsession_duration = 3601", "aws.session_duration"),
        ("[search]\nmax_results = 0", "search.max_results"),
        ("[search]\nmax_results = 101", "search.max_results"),
        ("[identity]\nredirect_port = 70000", "identity.redirect_port"),
    ])
    func outOfRange(text: String, key: String) throws {
        let error = try #require(failure(text))
        #expect(error.key == key)
        #expect(error.line == 2)
        #expect(error.message.contains("must be in"))
    }

    @Test("Values outside their choices are refused", arguments: [
        ("[identity]\nflow = \"popup\"", "identity.flow"),
        ("[model]\nprovider = \"anthropic\"", "model.provider"),
        ("[history]\nmode = \"everything\"", "history.mode"),
        ("[identity]\nredirect_host = \"0.0.0.0\"", "identity.redirect_host"),
        ("[identity]\nredirect_path = \"callback\"", "identity.redirect_path"),
    ])
    func outsideChoices(text: String, key: String) throws {
        let error = try #require(failure(text))
        #expect(error.key == key)
        #expect(error.line == 2)
    }

    @Test func theRangeBoundsThemselvesAreAccepted() throws {
        let low = try parse("[aws]\nsession_duration = 900\n[search]\nmax_results = 1")
        let high = try parse("[aws]\nsession_duration = 3600\n[search]\nmax_results = 100")
        #expect(low.aws.sessionDuration == 900 && high.aws.sessionDuration == 3600)
        #expect(low.search.maxResults == 1 && high.search.maxResults == 100)
    }

    @Test func wrongTypesAreRefusedWithTheKey() throws {
        #expect(failure("[ui]\nmouse = \"yes\"")?.key == "ui.mouse")
        #expect(failure("[search]\nmax_results = \"25\"")?.key == "search.max_results")
        #expect(failure("[identity]\nscopes = \"openid\"")?.key == "identity.scopes")
        #expect(failure("[identity]\nscopes = [\"openid\", 3]")?.key == "identity.scopes")
        #expect(failure("identity = 3")?.key == "identity")
        #expect(failure("[search]\nmax_results = 2.5")?.key == "search.max_results")
    }

    @Test func tenantsNeedAnIdAndIdsAreUnique() throws {
        #expect(failure("[[tenants]]\nname = \"No id\"")?.key == "tenants[0]")
        let duplicate = try #require(failure("[[tenants]]\nid = \"A\"\n[[tenants]]\nid = \"A\""))
        #expect(duplicate.key == "tenants[1].id")
        #expect(duplicate.line == 4)
    }

    @Test func invalidTOMLReportsTheParserLine() throws {
        let error = try #require(failure("[identity]\nissuer = \"unterminated\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("not valid TOML"))
    }

    /// toml++ (inside TOMLKit, which qseek used before) aborted on these instead of reporting
    /// an error; found by the mangled-config test below.
    @Test("Table headers TOMLKit would crash on are errors with their line", arguments: [
        "[=aws]", "[[=tenants]]", "[ =aws]", "[.aws]", "[é]", "[=",
    ])
    func headersThatCrashTOMLKit(header: String) throws {
        let error = try #require(failure("[ui]\nmouse = true\n\(header)\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("table name"))
    }

    @Test func keysWrittenDottedOrInlineStillPointAtTheirOwnLine() throws {
        let dotted = try #require(failure("[aws]\nregion = \"us-east-1\"\n\n[ui]\nmouse = true\ntheme.name = \"x\"\n"))
        #expect(dotted.line == 6)
        #expect(dotted.key == "ui.theme")
        #expect(dotted.message == "must be a string, not table")
        let inline = try #require(failure("[aws]\nregion = \"us-east-1\"\nsearch = 1\n"))
        #expect(inline.line == 3)
        #expect(inline.key == "aws.search")
        let outOfRange = try #require(failure("\n\nsearch = { max_pages = 0 }"))
        #expect(outOfRange.line == 3)
        #expect(outOfRange.key == "search.max_pages")
    }

    @Test func integersBeyondSixtyFourBitsAreATOMLErrorNotATrap() throws {
        let error = try #require(failure("[search]\nmax_results = 99999999999999999999\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("64-bit"))
    }

    @Test func headerLikeTextInsideMultiLineStringsIsNotMistakenForAHeader() throws {
        let config = try parse("[prompt]\ntemplate = \"\"\"\n[=not a header]\n\"\"\"\n")
        #expect(config.prompt.template == "[=not a header]\n")
    }

    @Test func theSecretAccessKeyIsNotPrinted() throws {
        let config = try parse("[aws]\nsecret_access_key = \"wJalrXUtnFEMI\"")
        #expect(!"\(config.aws)".contains("wJalrXUtnFEMI"))
    }

    static let example = """
        [identity]                    # the ISV's OpenID Connect provider
        issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abcd1234"
        client_id = "4c1f7example"
        client_secret_env = ""
        scopes = ["openid", "email", "profile"]
        flow = "auto"
        redirect_port = 0
        redirect_path = "/callback"
        redirect_host = "localhost"
        tenant_claim = ""
        demo_users = ["alice", "bob"]

        [aws]
        profile = ""
        region = "us-east-1"
        data_accessor_role_arn = "arn:aws:iam::111122223333:role/QseekDataAccessor"
        session_duration = 1800
        access_key_id = ""
        secret_access_key = ""

        [endpoints]
        sts = ""
        sso_oidc = "http://127.0.0.1:9000"
        qbusiness = ""
        bedrock_runtime = ""

        [[tenants]]
        id = "T0123ACME"
        name = "Acme Corp"
        application_id = "..."
        retriever_id = "..."
        region = "us-east-1"
        idc_region = "us-east-1"
        idc_application_arn = "arn:aws:sso::111122223333:application/ssoins-1/apl-1"

        [[tenants]]
        id = "T0456GLOBEX"
        name = "Globex"
        idc_region = "eu-west-1"

        [search]
        max_results = 50
        max_pages = 4

        [prompt]
        budget_tokens = 6000
        template = ""

        [model]
        provider = "openai"
        model_id = "llama3"
        region = ""
        base_url = "http://127.0.0.1:11434/v1"
        api_key_env = ""

        [ui]
        theme = "midnight"
        mouse = false

        [history]
        mode = "full"
        """
}

@Suite("Malformed config files")
struct MalformedConfigTests {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func mangledConfigFilesGiveConfigErrorsNotCrashes() {
        var generator = SeededGenerator(state: 7)
        let alphabet = Array("[]{}\"'=#.,\n abc019_-\u{0}é")
        for _ in 0..<300 {
            var characters = Array(ConfigParserTests.example)
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<characters.count, using: &generator)
                characters[index] = alphabet.randomElement(using: &generator)!
            }
            do {
                _ = try ConfigParser(text: String(characters), file: "fuzz.toml").parse()
            } catch let error as ConfigError {
                #expect(error.file == "fuzz.toml")
            } catch {
                Issue.record("unexpected error type \(type(of: error))")
            }
        }
    }
}

@Suite("Malformed TOML in a config file")
struct MalformedTOMLTests {
    func failure(_ text: String) -> ConfigError? {
        do {
            _ = try ConfigParser(text: text, file: "p.toml").parse()
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func theBytesThatAbortedTOMLKitAreAnErrorWithTheirLine() throws {
        let error = try #require(failure(String(decoding: [0x5B, 0xD2, 0x89], as: UTF8.self)))
        #expect(error.line == 1)
        #expect(error.description.hasPrefix("p.toml:1: not valid TOML (column 2): expected a table name"))
    }

    @Test func aClosingBraceWhereAnArrayValueBelongsIsAnErrorNotACrash() throws {
        let error = try #require(failure("[identity]\nscopes = [\n  }\"openid\"]\n"))
        #expect(error.line == 3)
        #expect(try #require(failure("a = [1, }")).message.contains("expected a value"))
    }

    @Test func unbalancedBracketsAreReportedWhereTheyStart() throws {
        #expect(try #require(failure("a = 1\nb = [1, 2\n")).line == 2)
        #expect(try #require(failure("a = ]\n")).line == 1)
        #expect(try #require(failure("a = {b = 1]\n")).line == 1)
    }

    @Test func bracketsInStringsAndCommentsDoNotCount() throws {
        let error = try #require(failure(#"a = "[}" # ]]]"# + "\nb = 'x]'\nc = \"\"\"\n[=}\n\"\"\"\nd = \"esc \\\" [\"\n"))
        #expect(error.message.hasPrefix("unknown section or key `a`"))
    }

    @Test func anUnclosedStringIsReported() throws {
        #expect(try #require(failure("a = 1\nb = \"open\n")).line == 2)
    }
}
