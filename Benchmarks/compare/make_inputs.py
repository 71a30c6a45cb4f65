"""Writes the inputs both sides of the CPU comparison read: credentials, a fixed signing time,
the SearchRelevantContent parameters and a 100-passage response body (~1 KB per passage)."""
import json
import sys

sentence = ("Quarterly planning starts six weeks before the quarter; each team drafts goals, "
            "estimates capacity and reviews dependencies with the programme office. ")
items = [{
    "content": sentence * 6, "documentId": f"doc-{index}", "documentTitle": f"Planning handbook part {index}",
    "documentUri": f"https://wiki.acme.example/planning/{index}",
    "documentAttributes": [{"name": "_category", "value": {"stringValue": "planning"}},
                           {"name": "_created_at", "value": {"dateValue": 1704067200}}],
    "scoreAttributes": {"scoreConfidence": "HIGH"},
} for index in range(1, 101)]
json.dump({
    "access_key": "ASIAEXAMPLEEXAMPLE01", "secret_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "session_token": "IQoJb3JpZ2luX2VjEXAMPLE" * 20, "region": "us-east-1", "host": "qbusiness.us-east-1.api.aws",
    "timestamp": 1767225600, "application_id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
    "retriever_id": "r1b2c3d4-5678-90ab-cdef-EXAMPLE22222", "query_text": "What is the quarterly planning process?",
    "max_results": 100,
    "response_body": json.dumps({"relevantContent": items, "nextToken": "page-2"}, separators=(",", ":")),
}, open(sys.argv[1], "w"))
