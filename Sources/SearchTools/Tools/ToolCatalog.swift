import MCP

/// The tools and the prompt the server offers, with their JSON schemas.
enum ToolCatalog {
    static let searchName = "search"
    static let listTenantsName = "list_tenants"
    static let whoamiName = "whoami"
    static let answerPromptName = "answer_with_citations"

    static let tools: [Tool] = [search, listTenants, whoami]

    static let search = Tool(
        name: searchName,
        title: "Search company knowledge",
        description: """
            Searches the user's company knowledge in Amazon Q Business with the user's own permissions: \
            only passages this user may read come back. Passages are numbered [1], [2], … for citation; \
            cite them by number and URI. `filters` takes `@key=value` terms (AND), e.g. \
            `@category=security @after=2024-01-01`; operators =, !=, ~ (any of a,b), ~~ (all of), >, >=, <, <=.
            """,
        inputSchema: .object([
            "type": "object",
            "properties": .object([
                "query": .object(["type": "string", "description": "What to look for, in plain words."]),
                "tenant": .object(["type": "string",
                                   "description": "Tenant id (see list_tenants); optional when the user has exactly one."]),
                "filters": .object(["type": "string",
                                    "description": "Attribute filters in the @key=value language, e.g. '@category=runbook @after=2024-01-01'."]),
                "max_results": .object(["type": "integer", "minimum": 1, "maximum": 100,
                                        "description": "Passages per page, 1-100."]),
                "pages": .object(["type": "integer", "minimum": 1, "maximum": 20, "description": "Pages to fetch at most, 1-20."]),
            ]),
            "required": .array(["query"]),
            "additionalProperties": false,
        ]),
        annotations: .init(title: "Search company knowledge", readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true),
        outputSchema: .object([
            "type": "object",
            "properties": .object([
                "tenant": .object(["type": "object", "properties": .object([
                    "id": .object(["type": "string"]), "name": .object(["type": "string"]),
                ]), "required": .array(["id", "name"])]),
                "query": .object(["type": "string"]),
                "pages": .object(["type": "integer", "description": "Pages that arrived."]),
                "passages": .object(["type": "array", "items": .object([
                    "type": "object",
                    "properties": .object([
                        "number": .object(["type": "integer", "description": "Cite as [number]."]),
                        "title": .object(["type": "string"]),
                        "uri": .object(["type": ["string", "null"]]),
                        "confidence": .object(["type": "string",
                                               "enum": ["VERY_HIGH", "HIGH", "MEDIUM", "LOW", "NOT_AVAILABLE"]]),
                        "documentId": .object(["type": "string"]),
                        "text": .object(["type": "string"]),
                    ]),
                    "required": .array(["number", "title", "uri", "confidence", "documentId", "text"]),
                ])]),
            ]),
            "required": .array(["tenant", "query", "pages", "passages"]),
        ])
    )

    static let listTenants = Tool(
        name: listTenantsName,
        title: "List tenants",
        description: "The tenants (companies' Amazon Q indexes) this user may search, with their ids for `search`.",
        inputSchema: .object(["type": "object", "properties": .object([:]), "additionalProperties": false]),
        annotations: .init(title: "List tenants", readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false),
        outputSchema: .object([
            "type": "object",
            "properties": .object([
                "tenants": .object(["type": "array", "items": .object([
                    "type": "object",
                    "properties": .object([
                        "id": .object(["type": "string"]), "name": .object(["type": "string"]),
                        "region": .object(["type": "string"]),
                    ]),
                    "required": .array(["id", "name", "region"]),
                ])]),
            ]),
            "required": .array(["tenants"]),
        ])
    )

    static let whoami = Tool(
        name: whoamiName,
        title: "Who am I",
        description: "Who the search runs as: subject, email, name, issuer and when the sign-in expires. Never a token.",
        inputSchema: .object(["type": "object", "properties": .object([:]), "additionalProperties": false]),
        annotations: .init(title: "Who am I", readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false),
        outputSchema: .object([
            "type": "object",
            "properties": .object([
                "subject": .object(["type": "string"]),
                "email": .object(["type": ["string", "null"]]),
                "name": .object(["type": ["string", "null"]]),
                "issuer": .object(["type": "string"]),
                "expiresAt": .object(["type": "string", "format": "date-time"]),
            ]),
            "required": .array(["subject", "email", "name", "issuer", "expiresAt"]),
        ])
    )

    static let answerPrompt = Prompt(
        name: answerPromptName,
        title: "Answer with citations",
        description: "Searches the user's company knowledge for the question and builds the same prompt qseek gives a model: "
            + "the numbered passages and the instruction to answer only from them, citing [n].",
        arguments: [
            .init(name: "question", description: "The question to answer.", required: true),
            .init(name: "tenant", description: "Tenant id; optional when the user has exactly one.", required: false),
            .init(name: "filters", description: "Attribute filters in the @key=value language.", required: false),
        ]
    )
}
