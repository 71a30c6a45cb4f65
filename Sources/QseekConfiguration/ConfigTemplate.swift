/// The commented config `qseek config init` writes: every key of CONFIG.md with what it is and
/// where its value comes from. Values are the defaults, so the file parses as written; the
/// keys to fill in are empty and `qseek config check` lists them with their lines.
public enum ConfigTemplate {
    public static let text = """
        # qseek configuration — written by `qseek config init`.
        # Check it with `qseek config check`, then the whole setup with `qseek doctor`.
        # Every key below may be left out (its default applies); unknown keys are errors.
        # Environment variables QSEEK_ISSUER, QSEEK_CLIENT_ID, QSEEK_FLOW, QSEEK_AWS_PROFILE,
        # QSEEK_REGION, QSEEK_ROLE_ARN, QSEEK_SESSION_DURATION, QSEEK_MODEL_PROVIDER,
        # QSEEK_MODEL_ID, QSEEK_MODEL_BASE_URL, QSEEK_THEME and QSEEK_HISTORY override single keys.

        # ── Your (the ISV's) OpenID Connect provider ─────────────────────────────────────────
        [identity]
        # The issuer URL, exactly as it appears in the `iss` claim of your ID tokens, without
        # /.well-known/openid-configuration and without a trailing slash.
        #   Amazon Cognito: https://cognito-idp.{region}.amazonaws.com/{userPoolId}
        #   Microsoft Entra ID: https://login.microsoftonline.com/{tenantId}/v2.0
        #   Okta: https://{yourOktaDomain}/oauth2/default
        # Each customer registers this same URL as a trusted token issuer in their IAM Identity Center.
        issuer = ""
        # The client id of qseek's app registration at your IdP (a public, native app). ID tokens
        # carry it as `aud`; customers' trusted token issuers accept it as the audience.
        client_id = ""
        # Only for confidential clients: the NAME of an environment variable holding the secret.
        client_secret_env = ""
        # "openid" is required; "email" usually carries the claim customers map to their users.
        scopes = ["openid", "email", "profile"]
        # auto (browser when one can open, else device code) | browser | device
        flow = "auto"
        # Loopback redirect: 0 = any free port. Fix the port (and register
        # http://{redirect_host}:{port}{redirect_path}) when your IdP needs an exact redirect URI.
        redirect_port = 0
        redirect_path = "/callback"
        # Host written in the redirect URI: "127.0.0.1", or "localhost" for IdPs that only accept
        # http://localhost (e.g. Cognito). The receiver always listens on 127.0.0.1 only.
        redirect_host = "127.0.0.1"
        # Optional: the ID-token claim listing the tenant ids this user may use (empty = all).
        tenant_claim = ""
        # Sandbox only: login hints offered on the sign-in screen.
        demo_users = []

        # ── Your own AWS identity (the "base" credentials) ───────────────────────────────────
        [aws]
        # A profile of ~/.aws/config; empty = the standard AWS credential chain
        # (environment, profile, SSO, container, instance metadata).
        profile = ""
        # The STS region.
        region = "us-east-1"
        # The IAM role in YOUR account that every customer's data accessor trusts. Its trust
        # policy must allow your base identity sts:AssumeRole, sts:TagSession and sts:SetContext.
        # Format: arn:aws:iam::{12-digit account id}:role/{name}
        data_accessor_role_arn = ""
        # Lifetime of the role sessions, 900..3600 seconds (role chaining caps them at 3600).
        session_duration = 900
        # Sandbox only: a static key. Real keys belong in the AWS credential chain, not here.
        access_key_id = ""
        secret_access_key = ""

        # ── Endpoint overrides (optional; empty = AWS's own endpoints) ───────────────────────
        # AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> work as well.
        [endpoints]
        sts = ""
        sso_oidc = ""
        qbusiness = ""
        bedrock_runtime = ""

        # ── One [[tenants]] entry per customer ───────────────────────────────────────────────
        # Each customer creates a data accessor for you in their Amazon Q Business application
        # and sends you these values (Amazon Q Business console → the application → Data
        # accessors → your accessor):
        #
        # [[tenants]]
        # # The tenant id you chose for them: the data accessor's external id
        # # ([a-zA-Z0-9][a-zA-Z0-9_-]*). It becomes the qbusiness-dataaccessor:ExternalId session tag.
        # id = "T0123ACME"
        # name = "Acme Corp"
        # # The Amazon Q Business application id (36 characters; console → Applications).
        # application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
        # # The id of the application's retriever (36 characters; the application's details).
        # retriever_id = "r1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
        # # The Amazon Q Business region.
        # region = "us-east-1"
        # # The region of the customer's IAM Identity Center instance; may differ from `region`.
        # idc_region = "us-east-1"
        # # The data accessor's IAM Identity Center application ARN (shown with the accessor):
        # # arn:aws:sso::{account}:application/ssoins-{instance}/apl-{application}
        # idc_application_arn = "arn:aws:sso::111122223333:application/ssoins-EXAMPLE/apl-EXAMPLE"
        # # The data accessor's authentication type: "tti" (AWS_IAM_IDC_TTI, the default: users
        # # sign in at your IdP above) or "idc-auth-code" (AWS_IAM_IDC_AUTH_CODE: users sign in at
        # # the customer's own IAM Identity Center; your IdP is not involved for this tenant).
        # auth = "tti"
        # # With "idc-auth-code" only: the redirect URI you gave the customer for the data
        # # accessor, exactly (a fixed loopback port and path, e.g. http://127.0.0.1:47311/callback).
        # redirect_uri = "http://127.0.0.1:47311/callback"

        # ── Search ───────────────────────────────────────────────────────────────────────────
        [search]
        # Passages per page, 1..100.
        max_results = 25
        # Pages to follow per question.
        max_pages = 4

        # ── The prompt handed to the model ───────────────────────────────────────────────────
        [prompt]
        budget_tokens = 6000
        # Path to a Mustache template; empty = the built-in one.
        template = ""

        # ── The model that writes answers ────────────────────────────────────────────────────
        [model]
        # none (passages only) | bedrock | openai (any OpenAI-compatible server)
        provider = "none"
        # bedrock: a model or inference profile id; openai: the model name.
        model_id = ""
        # bedrock only; empty = [aws].region.
        region = ""
        # openai only, e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1
        base_url = ""
        # openai only: the NAME of the environment variable holding the API key.
        api_key_env = ""
        # bedrock only: markers ([n] asked for in the prompt) | native (passages as search
        # results; the model's own citations become the same [n]).
        citations = "markers"
        # bedrock only: a guardrail id or ARN and its version (a number or DRAFT); empty = none.
        guardrail_id = ""
        guardrail_version = ""
        # bedrock only: priority | default | flex | reserved; empty = not sent (the service's default).
        service_tier = ""

        # ── The terminal UI ──────────────────────────────────────────────────────────────────
        [ui]
        # See `qseek themes`.
        theme = "midnight"
        mouse = true

        # ── Conversation history ─────────────────────────────────────────────────────────────
        [history]
        # off | metadata (questions, answers, citations) | full (also the passage text)
        mode = "metadata"

        # ── `qseek mcp --http`: the MCP server for an ISV backend ────────────────────────────
        [mcp]
        # The accepted `aud` of bearer tokens; empty = identity.client_id. Your customers'
        # trusted token issuers must accept it too: the same token is the TTI assertion.
        audience = ""
        # The endpoint's public URL (behind your TLS proxy); empty = http://HOST:PORT/mcp.
        resource = ""
        # Users whose identity-aware credentials one server keeps at once.
        max_users = 1000
        clock_skew_seconds = 60

        """
}
