"""A sandbox corpus for the MCP load run: one tenant, N users, each with three private
documents, and ten documents every user may read. Usage: load_corpus.py DIR N"""
import json
import os
import sys

directory, count = sys.argv[1], int(sys.argv[2])
os.makedirs(directory, exist_ok=True)
users = [f"user{n:02d}" for n in range(1, count + 1)]
lines = ['account_id = "111122223333"', 'data_accessor_role_arn = "arn:aws:iam::111122223333:role/QseekDataAccessor"',
         'client_id = "qseek-demo"', ""]
for user in users:
    lines += ["[[users]]", f'subject = "u-{user}"', f'email = "{user}@load.example"', f'name = "Load {user}"', ""]
lines += ["[[tenants]]", 'id = "T0300LOAD"', 'name = "Load Test Inc"', 'region = "us-east-1"', 'idc_region = "us-east-1"',
          'application_id = "d4f6b8c0-0lod-4a00-9e30-loadtest0001"', 'retriever_id = "e5a7c9d1-0lod-4a00-9e30-loadtest0002"',
          'idc_application_arn = "arn:aws:sso::111122223333:application/ssoins-8823load0test0001/apl-load0data0accessor1"',
          'documents = "documents-load.jsonl"', ""]
for user in users:
    lines += ["[[tenants.members]]", f'email = "{user}@load.example"', 'groups = ["all-staff"]', ""]
with open(os.path.join(directory, "tenants.toml"), "w") as file:
    file.write("\n".join(lines))
with open(os.path.join(directory, "documents-load.jsonl"), "w") as file:
    def document(identifier, title, body, acl):
        file.write(json.dumps({"id": identifier, "title": title, "uri": f"https://wiki.load.example/{identifier}", "body": body,
                               "attributes": {"_category": {"stringValue": "report"}}, "acl": acl}) + "\n")
    for user in users:
        for k in range(1, 4):
            document(f"load-{user}-{k}", f"{user}'s quarterly planning report {k}",
                     f"Private quarterly planning report {k} of {user}. Only {user} may read it.",
                     {"users": [f"{user}@load.example"], "groups": []})
    for k in range(1, 11):
        document(f"load-shared-{k}", f"Shared quarterly planning report {k}",
                 f"The company's quarterly planning report, part {k}, for all staff.", {"users": [], "groups": ["all-staff"]})
