"""The sandbox's third tenant: a customer whose data accessor uses the authorization-code type
(AWS_IAM_IDC_AUTH_CODE), so the demo shows both kinds. Written by hand, not from templates;
scripts/generate-sandbox-corpus.py calls `write` after the two generated tenants.

Its people sign in at Globex's own Identity Center, so they need no [[users]] entry at the
ISV's IdP; `name` is what that Identity Center's sign-in page shows.
"""
import json
import os

TENANTS_TOML = '\n# Written by hand, not by the generator: a customer whose data accessor uses the\n# authorization-code type (AWS_IAM_IDC_AUTH_CODE). Its people sign in at Globex\'s own\n# Identity Center, so they need no [[users]] entry at the ISV\'s IdP; `name` is what that\n# Identity Center\'s sign-in page shows.\n[[tenants]]\nid = "T0300GLBX"\nname = "Globex Health"\nregion = "us-east-1"\nidc_region = "us-east-2"\napplication_id = "d4f6b8c0-0glx-4a00-9e30-globexhlth01"\nretriever_id = "e5a7c9d1-0glx-4a00-9e30-globexhlth02"\nidc_application_arn = "arn:aws:sso::111122223333:application/ssoins-7907glbx0hlth01/apl-glbx0data0accessor1"\ndocuments = "documents-globex.jsonl"\nauth = "idc-auth-code"\nredirect_uris = ["http://127.0.0.1:47311/callback"]\n\n[[tenants.members]]\nemail = "hana@globex.example"\nname = "Hana Sato"\ngroups = ["all-staff", "clinical"]\n\n[[tenants.members]]\nemail = "ivan@globex.example"\nname = "Ivan Petrov"\ngroups = ["all-staff", "it"]\n\n[[tenants.members]]\nemail = "priya@consult.example"\ngroups = ["all-staff", "contractors"]\n'

DOCUMENTS = [
    {
        "acl": {
            "groups": [
                "all-staff"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "policy"
            },
            "_created_at": {
                "dateValue": "2025-01-10T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-policy-0001"
            }
        },
        "body": "Globex Health keeps remote patient monitoring readings for 24 months in the Atlas clinical store. After that the readings are aggregated and the raw values deleted.\n\nRequests to keep readings longer go to the data protection office with a clinical reason. The office answers within five working days.\n\nExports of readings leave the Atlas store only encrypted, and only to systems listed in the approved processor register.",
        "id": "globex-policy-0001",
        "title": "Remote patient monitoring: data retention policy",
        "uri": "https://intranet.globex.example/docs/globex-policy-0001"
    },
    {
        "acl": {
            "groups": [
                "it"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "runbook"
            },
            "_created_at": {
                "dateValue": "2025-02-11T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-runbook-0002"
            }
        },
        "body": "This runbook covers failover of the Atlas clinical store between the Ohio and Virginia sites. The on-call IT engineer runs it; a second engineer reviews every command.\n\nBefore failing over, confirm replication lag is under 30 seconds on the Atlas dashboard. If it is higher, pause ingestion from the monitoring gateways first.\n\nAfter failover, rotate the gateway certificates and record the incident in the IT service desk within one hour.",
        "id": "globex-runbook-0002",
        "title": "Atlas clinical store failover runbook",
        "uri": "https://intranet.globex.example/docs/globex-runbook-0002"
    },
    {
        "acl": {
            "groups": [
                "clinical"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "guide"
            },
            "_created_at": {
                "dateValue": "2025-03-12T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-guide-0003"
            }
        },
        "body": "Night-shift handover uses the ward checklist in the Atlas app. Each patient gets a status, open alerts from remote monitoring, and pending medication changes.\n\nAlerts older than two hours without acknowledgement are escalated to the ward lead before the handover ends.\n\nThe outgoing nurse signs the checklist; the incoming nurse countersigns after reviewing every open alert.",
        "id": "globex-guide-0003",
        "title": "Ward handover checklist for night shifts",
        "uri": "https://intranet.globex.example/docs/globex-guide-0003"
    },
    {
        "acl": {
            "groups": [
                "all-staff"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "policy"
            },
            "_created_at": {
                "dateValue": "2025-04-13T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-policy-0004"
            }
        },
        "body": "Contractors get access to Globex clinical systems for the length of their engagement only, through Globex's Identity Center. Access is reviewed every 90 days.\n\nContractors never receive standing access to patient-identifiable data; read access is granted per task and expires after 72 hours.\n\nConsultants from partner firms sign in with their Globex account, not their firm's, so every action is attributable.",
        "id": "globex-policy-0004",
        "title": "Contractor access to clinical systems",
        "uri": "https://intranet.globex.example/docs/globex-policy-0004"
    },
    {
        "acl": {
            "groups": [
                "all-staff"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "faq"
            },
            "_created_at": {
                "dateValue": "2025-05-14T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-faq-0005"
            }
        },
        "body": "Globex applications sign you in through Globex's IAM Identity Center, which hands you over to the Globex directory. You sign in once per working day.\n\nIf an application says your sign-in expired, sign in again from that application; your session at Identity Center may still be valid, in which case no password is asked.\n\nPartner tools that search Globex documents on your behalf only see what you may see yourself.",
        "id": "globex-faq-0005",
        "title": "Identity Center sign-in for Globex applications",
        "uri": "https://intranet.globex.example/docs/globex-faq-0005"
    },
    {
        "acl": {
            "groups": [
                "it",
                "clinical"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "report"
            },
            "_created_at": {
                "dateValue": "2025-06-15T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-report-0006"
            }
        },
        "body": "Monitoring gateway uptime was 99.93 percent in the quarter, against a target of 99.9 percent. Two outages were caused by certificate expiry at the Ohio site.\n\nThe IT team moved certificate rotation into the Atlas failover runbook and added an expiry alert 14 days ahead.\n\nClinical teams reported no missed alerts during the outages because the ward devices buffered readings locally.",
        "id": "globex-report-0006",
        "title": "Quarterly report: monitoring gateway uptime",
        "uri": "https://intranet.globex.example/docs/globex-report-0006"
    },
    {
        "acl": {
            "groups": [
                "contractors"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "guide"
            },
            "_created_at": {
                "dateValue": "2025-07-16T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-guide-0007"
            }
        },
        "body": "Consultants working with Globex start with the contractor access policy and the Identity Center sign-in FAQ. Your Globex sponsor requests your access.\n\nDuring the first week you receive read access to the project space only. Ask your sponsor for task-based access to anything else.\n\nAt the end of the engagement your access ends automatically; hand your notes to the sponsor before that date.",
        "id": "globex-guide-0007",
        "title": "Onboarding for consultants",
        "uri": "https://intranet.globex.example/docs/globex-guide-0007"
    },
    {
        "acl": {
            "groups": [
                "it"
            ],
            "users": []
        },
        "attributes": {
            "_category": {
                "stringValue": "memo"
            },
            "_created_at": {
                "dateValue": "2025-08-17T09:00:00Z"
            },
            "_data_source_id": {
                "stringValue": "ds-glbx-sharepoint-01"
            },
            "_source_uri": {
                "stringValue": "https://intranet.globex.example/docs/globex-memo-0008"
            }
        },
        "body": "The IT team is evaluating two telemetry vendors to replace the current gateway firmware metrics pipeline. Both must run inside the Globex AWS accounts.\n\nEvaluation criteria are data residency, alert latency under five seconds, and integration with the Atlas clinical store.\n\nA recommendation goes to the architecture board at the end of next month.",
        "id": "globex-memo-0008",
        "title": "Memo: new telemetry vendor evaluation",
        "uri": "https://intranet.globex.example/docs/globex-memo-0008"
    }
]


def write(out):
    """Appends the tenant to tenants.toml in `out` and writes its documents file."""
    with open(os.path.join(out, "tenants.toml"), "a", encoding="utf-8") as file:
        file.write(TENANTS_TOML)
    with open(os.path.join(out, "documents-globex.jsonl"), "w", encoding="utf-8") as file:
        for doc in DOCUMENTS:
            file.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"Globex Health: {len(DOCUMENTS)} documents")
