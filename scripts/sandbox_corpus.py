"""What every tenant of the sandbox's corpus is written with, generated or hand-written: the one
shape of a document (`document`) and of a documents file (`write_documents`). Used by
scripts/generate-sandbox-corpus.py and scripts/sandbox_corpus_authcode.py.
"""
import json


def document(doc_id, title, uri, body, tenant, source, category, created, acl):
    """One line of documents-<tenant>.jsonl: `source` is a key of tenant["sources"], `created`
    a datetime.date; `acl` is {"groups": [...], "users": [...]}."""
    return {
        "id": doc_id, "title": title, "uri": uri, "body": body,
        "attributes": {
            "_source_uri": {"stringValue": uri},
            "_data_source_id": {"stringValue": tenant["sources"][source]},
            "_category": {"stringValue": category},
            "_created_at": {"dateValue": created.isoformat() + "T09:00:00Z"},
        },
        "acl": acl,
    }


def write_documents(path, docs):
    """Writes `docs` one JSON object a line, keys sorted, UTF-8 as is (the committed corpus's bytes)."""
    with open(path, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
