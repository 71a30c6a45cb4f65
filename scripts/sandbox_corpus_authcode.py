"""The sandbox's third tenant: a customer whose data accessor uses the authorization-code type
(AWS_IAM_IDC_AUTH_CODE), so the demo shows both kinds. Written by hand, not from templates;
scripts/generate-sandbox-corpus.py calls `write` after the two generated tenants. The documents'
text is in sandbox_corpus_globex.toml; they are built like every other tenant's (sandbox_corpus.py).

Its people sign in at Globex's own Identity Center, so they need no [[users]] entry at the
ISV's IdP; `name` is what that Identity Center's sign-in page shows.
"""
import os
import tomllib

from sandbox_corpus import document, write_documents

TENANTS_TOML = '\n# Written by hand, not by the generator: a customer whose data accessor uses the\n# authorization-code type (AWS_IAM_IDC_AUTH_CODE). Its people sign in at Globex\'s own\n# Identity Center, so they need no [[users]] entry at the ISV\'s IdP; `name` is what that\n# Identity Center\'s sign-in page shows.\n[[tenants]]\nid = "T0300GLBX"\nname = "Globex Health"\nregion = "us-east-1"\nidc_region = "us-east-2"\napplication_id = "d4f6b8c0-0glx-4a00-9e30-globexhlth01"\nretriever_id = "e5a7c9d1-0glx-4a00-9e30-globexhlth02"\nidc_application_arn = "arn:aws:sso::111122223333:application/ssoins-7907glbx0hlth01/apl-glbx0data0accessor1"\ndocuments = "documents-globex.jsonl"\nauth = "idc-auth-code"\nredirect_uris = ["http://127.0.0.1:47311/callback"]\n\n[[tenants.members]]\nemail = "hana@globex.example"\nname = "Hana Sato"\ngroups = ["all-staff", "clinical"]\n\n[[tenants.members]]\nemail = "ivan@globex.example"\nname = "Ivan Petrov"\ngroups = ["all-staff", "it"]\n\n[[tenants.members]]\nemail = "priya@consult.example"\ngroups = ["all-staff", "contractors"]\n'

GLOBEX = {"slug": "globex", "domain": "globex.example", "sources": {"intranet": "ds-glbx-sharepoint-01"}}


def documents():
    """The tenant's documents, from the hand-written pages in sandbox_corpus_globex.toml."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sandbox_corpus_globex.toml"), "rb") as file:
        pages = tomllib.load(file)["pages"]
    docs = []
    for position, page in enumerate(pages, start=1):
        doc_id = f"globex-{page['category']}-{position:04d}"
        docs.append(document(doc_id, page["title"], f"https://intranet.{GLOBEX['domain']}/docs/{doc_id}", page["body"],
                             GLOBEX, "intranet", page["category"], page["created"],
                             {"groups": page["groups"], "users": []}))
    return docs


def write(out):
    """Appends the tenant to tenants.toml in `out` and writes its documents file."""
    with open(os.path.join(out, "tenants.toml"), "a", encoding="utf-8") as file:
        file.write(TENANTS_TOML)
    docs = documents()
    write_documents(os.path.join(out, "documents-globex.jsonl"), docs)
    print(f"Globex Health: {len(docs)} documents")
