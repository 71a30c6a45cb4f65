#!/usr/bin/env python3
"""Writes the sandbox's demo corpus into Sources/Sandbox/Resources/corpus/.

Two invented tenants, "Acme Cloud" (software) and "Northwind Manufacturing", each with users
in different groups and 160+ documents built from templates with seeded variation, so the
output is the same on every run. Every name, product and figure here is made up for qseek.

Usage: python3 scripts/generate-sandbox-corpus.py [OUTPUT_DIR]
Format: Sources/Sandbox/README.md.
"""
import argparse
import datetime
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sandbox_corpus_authcode  # noqa: E402  (the hand-written auth-code tenant)
from sandbox_corpus import document, write_documents  # noqa: E402

def output_directory():
    """The one optional argument; --help prints the usage instead of becoming a directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir", nargs="?", default=os.path.join(
        os.path.dirname(__file__), "..", "Sources", "Sandbox", "Resources", "corpus"))
    return parser.parse_args().output_dir


OUT = output_directory()
ACCOUNT = "111122223333"

TENANTS = [
    {
        "id": "T0100ACME", "name": "Acme Cloud", "slug": "acme", "domain": "acme.example",
        "region": "us-east-1", "idc_region": "us-east-1",
        "application_id": "a1c3e5f7-0acm-4e00-9c10-acmecloud001",
        "retriever_id": "r1c3e5f7-0acm-4e00-9c10-acmecloud002",
        "idc_application_arn": f"arn:aws:sso::{ACCOUNT}:application/ssoins-7223acme0c10ud01/apl-acme0data0accessor1",
        "sources": {"wiki": "ds-acme-confluence-01", "drive": "ds-acme-gdrive-02", "tickets": "ds-acme-jira-03"},
    },
    {
        "id": "T0200NWND", "name": "Northwind Manufacturing", "slug": "northwind", "domain": "northwind.example",
        "region": "us-west-2", "idc_region": "eu-west-1",
        "application_id": "b2d4f6a8-0nwd-4f00-8d20-northwind001",
        "retriever_id": "c3e5a7b9-0nwd-4f00-8d20-northwind002",
        "idc_application_arn": f"arn:aws:sso::{ACCOUNT}:application/ssoins-6604nwnd0mfg0001/apl-nwnd0data0accessor1",
        "sources": {"wiki": "ds-nwnd-sharepoint-01", "drive": "ds-nwnd-fileshare-02", "tickets": "ds-nwnd-cmms-03"},
    },
]

# The README's tour asks every user the same question; the story documents below answer it
# differently for each department. Each user's suggested question is listed on the sign-in screen.
TOUR_QUESTION = "What is our incident response process?"
USERS = [
    ("u-alice", "alice@acme.example", "Alice Chen", [("T0100ACME", ["all-staff", "engineering"])], TOUR_QUESTION),
    ("u-bob", "bob@acme.example", "Bob Okafor", [("T0100ACME", ["all-staff", "sales"])], "Who approves a 30 percent discount?"),
    ("u-carol", "carol@acme.example", "Carol Diaz", [("T0100ACME", ["all-staff", "hr"])], "How long is parental leave?"),
    ("u-dmitri", "dmitri@acme.example", "Dmitri Volkov", [("T0100ACME", ["all-staff", "engineering", "security"])],
     "When is the incident postmortem due?"),
    ("u-erin", "erin@northwind.example", "Erin Walsh", [("T0200NWND", ["all-staff", "quality"])],
     "What happens in a first article inspection?"),
    ("u-farid", "farid@northwind.example", "Farid Haddad", [("T0200NWND", ["all-staff", "maintenance"])],
     "What is our incident response process on the line?"),
    ("u-grace", "grace@northwind.example", "Grace Lindqvist", [("T0200NWND", ["all-staff", "hr"])], "How long is parental leave?"),
    ("u-priya", "priya@consult.example", "Priya Raman",
     [("T0100ACME", ["all-staff", "contractors"]), ("T0200NWND", ["all-staff", "contractors"])], TOUR_QUESTION),
]

# Hand-written core documents: one story per department, each with its own facts, so the same
# question gets a different, sensible answer for each reader. (id suffix, title, category,
# source, ACL groups, body)
STORY = {
    "T0100ACME": [
        ("incident-response", "Incident response process (engineering)", "runbook", "wiki", ["engineering"],
         "Our incident response process starts the moment an alert fires: the on-call engineer acknowledges the page "
         "within 5 minutes and declares a severity level. For severity one and two, the on-call engineer names an "
         "incident commander, who opens the incident channel and the bridge and runs the response until it is resolved.\n\n"
         "The incident commander posts the first status page update within 15 minutes and every 30 minutes after that. "
         "Engineers fix forward only when the cause is known; otherwise they roll back the last deploy first.\n\n"
         "Every incident gets a blameless postmortem within 5 business days, with a timeline, the root cause and the "
         "follow-up tickets; the Platform team reviews them every Thursday."),
        ("incident-response-2023", "On-call handbook, 2023 edition (engineering, superseded)", "runbook", "wiki", ["engineering"],
         "This is the 2023 edition of the on-call handbook, kept for reference. The on-call engineer "
         "acknowledges the page within 15 minutes and the team lead decides whether to open an incident.\n\n"
         "Every incident gets a blameless postmortem within 10 business days, reviewed by the team that owned the service."),
        ("customer-incidents", "Incident response process for account teams (sales)", "playbook", "drive", ["sales"],
         "In our incident response process, sales owns the customer conversation, never the fix. When engineering "
         "declares a customer-facing incident, the account executive calls each affected strategic customer within "
         "2 hours and points them to the status page.\n\n"
         "Account teams never promise a root cause or a date before the postmortem is published. Service credits after "
         "an incident follow the discount approval policy and are logged in the deal desk."),
        ("discount-approval", "Discount approval policy (sales)", "policy", "drive", ["sales"],
         "Discount approval depends on the size of the discount. An account executive may approve up to 10 percent on "
         "their own. A regional sales director approves discounts from 10 to 25 percent.\n\n"
         "Any discount above 25 percent needs both the VP of sales and the CFO, and the deal desk answers every request "
         "within 2 business days. Multi-year discounts are approved once, for the whole term."),
        ("workplace-incidents", "Workplace incident response process (HR)", "policy", "wiki", ["hr"],
         "Our incident response process for workplace incidents is confidential and run by HR. Anyone who sees or "
         "suffers harassment, an injury or a safety hazard reports it in the People portal within 24 hours.\n\n"
         "HR opens a confidential case within 1 business day, assigns an HR partner who is outside the reporter's "
         "management chain, and closes every investigation with a written outcome within 30 days."),
        ("parental-leave", "Parental leave policy (HR)", "policy", "wiki", ["hr"],
         "Parental leave at Acme is 20 weeks fully paid for the birth parent and 16 weeks fully paid for every other "
         "parent, including adoptive and foster parents.\n\n"
         "Employees tell HR at least 8 weeks before the leave starts, and may take it in up to three blocks within the "
         "first 18 months. Returning parents work four days a week at full pay for their first month back."),
        ("board-memo", "Board memo: proposed acquisition of Northwind Robotics (board only)", "memo", "drive", ["board"],
         "This memo is for the board only. The incident response process review found no blocking risk in the "
         "proposed acquisition of Northwind Robotics for 48 million dollars; the board votes on 14 March."),
        ("contractor-guide", "Contractor guide: incidents, access and whom to call", "guide", "wiki", ["contractors"],
         "As a contractor, your part in our incident response process is to report, not to fix. If you notice an "
         "outage or a security problem, tell your Acme sponsor and write to security@acme.example within 1 hour.\n\n"
         "Contractors never join the production incident bridge and have no production access; your sponsor "
         "brings in the on-call engineer. Contractor accounts expire after 90 days unless your sponsor renews them."),
    ],
    "T0200NWND": [
        ("line-incidents", "Incident response process on the production line (maintenance)", "procedure", "wiki", ["maintenance"],
         "Our incident response process on the production line starts with the andon cord: the operator stops the line "
         "and the maintenance technician arrives within 10 minutes. Lockout and tagout come before any repair.\n\n"
         "The shift supervisor logs every stoppage longer than 30 minutes in the CMMS and reviews it at the next morning meeting."),
        ("quality-incidents", "Incident response process for quality escapes (quality)", "procedure", "wiki", ["quality"],
         "When a defect reaches a customer, our incident response process is the 8D method: quality contains the "
         "suspect stock within 24 hours and sends the customer a first report within 48 hours.\n\n"
         "A first article inspection is repeated on the corrected process before shipping resumes."),
        ("parental-leave", "Parental leave policy (HR)", "policy", "wiki", ["hr"],
         "Parental leave at Northwind is 14 weeks fully paid for every parent, followed by up to 12 weeks at half pay. "
         "Employees tell HR at least 6 weeks before the leave starts."),
        ("contractor-guide", "Contractor guide for Northwind sites", "guide", "wiki", ["contractors"],
         "As a contractor on a Northwind site, your part in our incident response process is to stop work and tell the "
         "shift supervisor at once. Contractors sign in at the gatehouse every day and wear a visitor badge at all times."),
    ],
}


def story_documents(tenant):
    docs = []
    for suffix, title, category, source, groups, body in STORY[tenant["id"]]:
        doc_id = f"{tenant['slug']}-story-{suffix}"
        uri = f"https://{source}.{tenant['domain']}/story/{suffix}"
        docs.append(document(doc_id, title, uri, body, tenant, source, category, datetime.date(2026, 9, 1),
                             {"groups": groups, "users": []}))
    return docs

# Each category: (name, ACL groups, data source key, topics, title patterns, paragraph templates).
# Placeholders: {topic} {team} {n} {pct} {days} {product} {site} {person} {quarter} {tool} {amount}
ACME = {
    "teams": ["Platform", "Payments", "Identity", "Data Pipeline", "Edge Network", "Billing", "Mobile"],
    "products": ["Acme Orbit", "Acme Relay", "Acme Ledger", "Acme Pulse"],
    "tools": ["Terraform", "Kubernetes", "PagerDuty", "Grafana", "PostgreSQL", "Kafka", "Redis"],
    "sites": ["Seattle office", "Dublin office", "Austin office", "remote"],
    "people": ["Maya Patel", "Jonas Berg", "Lena Fischer", "Tom Alvarez", "Hana Sato", "Omar Siddiqui"],
    "categories": [
        ("runbook", ["engineering"], "wiki",
         ["database failover", "certificate rotation", "cache stampede", "queue backlog", "disk pressure on workers",
          "rolling back a deploy", "DNS propagation delays", "rate limiter tuning", "restoring from snapshot"],
         ["Runbook: {topic} for the {team} service", "{team} on-call guide: {topic}", "Handling {topic} in {product}"],
         ["This runbook describes how the {team} team handles {topic} in production. It is written for the engineer on call and assumes access to {tool} and the production dashboards. Follow the steps in order and record every action in the incident channel.",
          "Symptoms usually appear first as elevated p99 latency above {n} ms and a rising error rate on the {product} API. Check the {tool} dashboard for the affected region before acting, and confirm that the alert is not caused by a synthetic probe.",
          "To mitigate, drain traffic from the affected cell, then apply the documented procedure for {topic}. Expect recovery within {days} minutes. If the error rate stays above {pct} percent after that, page the secondary on-call and open a severity two incident.",
          "After recovery, write a short summary with the timeline, the commands you ran and the graphs you used. The {team} team reviews every use of this runbook in the weekly operations review.",
          "Known pitfalls: do not restart all replicas at once, because the connection pool warms slowly, and never change {tool} configuration by hand during an incident without a second engineer reviewing it."]),
        ("architecture", ["engineering"], "wiki",
         ["event sourcing for invoices", "multi-region writes", "tenant isolation", "service mesh adoption",
          "moving search to a dedicated cluster", "idempotency keys", "schema migrations without downtime"],
         ["ADR {n}: {topic}", "Design review: {topic} in {product}", "Architecture decision: {topic}"],
         ["Context: the {team} team needs a decision on {topic} before the {quarter} planning cycle. Today the system handles roughly {amount} requests per day and the current design has reached its limits.",
          "Decision: we adopt {topic} for {product}, built on {tool}. The main reasons are operational simplicity, a clear failure model and the ability to test the behaviour locally.",
          "Consequences: every service that writes to the shared store must be updated within {days} days. Latency should improve by about {pct} percent, at the cost of more storage and a more complex migration path.",
          "Alternatives considered included keeping the existing design with more capacity, and a managed offering. Both were rejected because they did not address tenant isolation or the cost curve."]),
        ("postmortem", ["engineering", "security"], "tickets",
         ["a payment processing outage", "elevated login failures", "a data pipeline delay", "an expired TLS certificate",
          "a misconfigured feature flag", "a noisy neighbour in the shared cluster"],
         ["Postmortem: {topic} ({quarter})", "Incident review: {topic}"],
         ["Summary: on a weekday morning the {team} team responded to {topic}. Customers of {product} saw errors for about {days} minutes and roughly {pct} percent of requests failed.",
          "Root cause: a change rolled out through {tool} removed a safeguard that the team assumed was still in place. Monitoring caught the symptom but not the cause, which slowed the diagnosis.",
          "What went well: the on-call engineer, {person}, followed the runbook and escalated early. What went poorly: the status page was updated late and the rollback took longer than expected.",
          "Action items: add an alert on the leading indicator, make the safeguard a tested invariant, and rehearse the rollback in the next game day. Owners and due dates are tracked in the incident ticket."]),
        ("hr-policy", ["all-staff"], "drive",
         ["parental leave", "remote work", "vacation and paid time off", "expense reimbursement", "travel booking",
          "learning and development budget", "code of conduct", "performance reviews", "home office equipment"],
         ["Employee handbook: {topic}", "Policy: {topic} at Acme Cloud", "{topic} — what every employee should know"],
         ["This policy explains how {topic} works at Acme Cloud for employees in every office, including the {site}. It applies to full-time employees; contractors should ask their agency.",
          "Employees are entitled to {days} days under this policy each year, and requests should be made in the HR portal at least two weeks in advance where possible. Managers approve requests within five working days.",
          "Costs up to {amount} dollars are covered without pre-approval when they follow this policy. Keep receipts and submit them within {n} days; late claims need written approval from your manager.",
          "Questions about {topic} go to the People team. This summary does not replace local law: where local rules are more generous, they apply."]),
        ("hr-internal", ["hr"], "drive",
         ["parental leave case handling", "salary bands for engineering", "performance improvement plans",
          "promotion calibration", "exit interviews", "relocation packages", "remote work exceptions"],
         ["HR internal: {topic}", "People team playbook: {topic}"],
         ["Confidential to the People team. This playbook covers {topic} and how HR partners should handle individual cases, including the documents to collect and the approvals needed.",
          ("parental", "For parental leave cases, confirm the expected date, agree a keep-in-touch plan and record the return date in the HR system. Top-up pay beyond the statutory amount is {pct} percent of base salary for the first {days} weeks.",
           "For each case, confirm the facts with the employee and their manager within {days} working days, record the outcome in the HR system and agree the next review date. Escalate to the HR lead when the case touches more than {n} people."),
          "Compensation data discussed here, such as the band midpoint of {amount} dollars for level {n}, must never be shared outside HR. Escalate disputes to the head of People.",
          "Keep case notes factual and dated. Records are retained for {n} years and then deleted according to the retention schedule."]),
        ("sales", ["sales"], "drive",
         ["enterprise pricing", "discount approvals", "competitive positioning", "renewal playbook", "proof of concept process"],
         ["Sales playbook: {topic} for {product}", "{product} {topic} guide"],
         ["This guide covers {topic} for {product}. Account executives use it when preparing proposals for customers with more than {n} seats.",
          "List price starts at {amount} dollars per year. Discounts above {pct} percent need approval from the regional sales director, and multi-year deals need finance review.",
          "When competing against larger vendors, lead with time to value: a typical {product} rollout takes {days} days, and the proof of concept uses the customer's own data."]),
        ("release-notes", ["all-staff"], "wiki",
         ["search relevance improvements", "single sign-on", "audit logging", "usage-based billing", "a new mobile app",
          "API rate limits", "data export"],
         ["{product} release notes: {topic}", "What's new in {product}: {topic}"],
         ["This release of {product} brings {topic}. It is rolling out to all regions over {days} days, starting with customers who opted into early access.",
          "Customers asked for {topic} more than for any other feature last {quarter}. The {team} team built it on {tool} and measured a {pct} percent improvement in the affected workflows.",
          "Support can enable the feature early for a customer on request. Known limitations are listed in the product documentation."]),
        ("security", ["security"], "wiki",
         ["access reviews", "incident response", "vulnerability disclosure", "secrets management", "laptop encryption"],
         ["Security standard: {topic}", "Security team procedure: {topic}"],
         ["This standard defines how Acme Cloud handles {topic}. It is owned by the security team and reviewed every {quarter}.",
          "Findings rated critical must be fixed within {days} days and high findings within {n} days. Exceptions need sign-off from the CISO and expire after ninety days.",
          "Secrets are stored in the managed vault and rotated at least every {n} days. Never paste a credential into a ticket, a chat or a document."]),
    ],
}

NORTHWIND = {
    "teams": ["Line 1", "Line 2", "Stamping", "Paint Shop", "Assembly", "Tool Room", "Warehouse"],
    "products": ["NW-200 pump housing", "NW-450 gearbox", "NW-90 valve body", "NW-310 bracket"],
    "tools": ["the CMMS", "the MES", "SPC charts", "the torque analyser", "the CMM", "the ERP"],
    "sites": ["Lyon plant", "Gdansk plant", "Monterrey plant"],
    "people": ["Anna Kowalski", "Luis Romero", "Sophie Martin", "Kenji Watanabe", "Ines Duarte", "Pavel Novak"],
    "categories": [
        ("quality-procedure", ["quality"], "wiki",
         ["first article inspection", "non-conformance handling", "supplier part approval", "calibration of gauges",
          "measurement system analysis", "corrective and preventive action", "customer complaint handling"],
         ["SOP: {topic} at the {site}", "Quality procedure: {topic} for {product}"],
         ["Purpose: this standard operating procedure defines {topic} for the {product} at the {site}. It applies to every shift and to all parts released to customers.",
          "Measure the critical dimensions with {tool} and record them in the inspection report. A Cpk below 1.{n} on any critical characteristic stops the release until the quality engineer signs off.",
          "Non-conforming parts are tagged red, moved to the quarantine cage within {days} hours and logged in the quality system. Rework needs an approved deviation.",
          "Records are kept for {n} years. The quality manager, {person}, audits compliance with this procedure every quarter."]),
        ("maintenance", ["maintenance"], "tickets",
         ["hydraulic press preventive maintenance", "spindle bearing replacement", "compressor leak checks",
          "robot cell lubrication", "conveyor belt alignment", "coolant system cleaning", "lockout tagout on the press line"],
         ["Maintenance manual: {topic}", "{team} work instruction: {topic}"],
         ["This work instruction covers {topic} on {team} at the {site}. Only trained maintenance technicians may perform it, after applying lockout tagout.",
          "Interval: every {days} operating days or {amount} cycles, whichever comes first. Schedule the task in {tool} and attach the checklist when closing the work order.",
          "Check the hydraulic pressure is below {n} bar before opening any line. Replace seals showing wear above {pct} percent and record the part numbers used.",
          "If vibration readings exceed the alarm limit, stop the machine and inform the shift supervisor. Do not restart until the maintenance lead has reviewed the data."]),
        ("safety", ["all-staff"], "wiki",
         ["personal protective equipment", "forklift traffic rules", "chemical storage", "fire evacuation",
          "working at height", "noise exposure", "near-miss reporting"],
         ["Safety rule: {topic}", "Health and safety at the {site}: {topic}"],
         ["Everyone on the shop floor at the {site} must follow these rules on {topic}, including visitors and contractors. Supervisors brief new starters on their first day.",
          "Report every near miss within {days} hours using the safety app. Last {quarter} the site recorded {n} near misses and no lost-time injuries.",
          "Safety glasses and steel-toe shoes are mandatory in production areas. Hearing protection is required where noise exceeds 85 dB, which includes the stamping hall."]),
        ("hr-policy", ["all-staff"], "drive",
         ["parental leave", "shift allowances", "overtime", "vacation and paid time off", "training and certification",
          "sick leave", "works council consultation"],
         ["Employee guide: {topic}", "Northwind HR policy: {topic}"],
         ["This policy explains {topic} for employees of Northwind Manufacturing at every plant, including the {site}. Collective agreements take precedence where they apply.",
          "Employees are entitled to {days} days under this policy. Requests go through the shift supervisor and are confirmed by HR within five working days.",
          "Night shifts carry an allowance of {pct} percent of the hourly rate. Overtime beyond {n} hours a week needs the plant manager's approval.",
          "Ask your HR business partner if anything here is unclear."]),
        ("hr-internal", ["hr"], "drive",
         ["parental leave case handling", "wage grid review", "absence management", "disciplinary procedure",
          "works council negotiation notes"],
         ["HR confidential: {topic}", "HR partner guide: {topic}"],
         ["Confidential to HR. This guide covers {topic} at the {site} and the steps HR partners follow for individual cases.",
          ("parental", "For parental leave cases, confirm dates with the employee, arrange cover with the shift supervisor and record the return date. The company tops up statutory pay to {pct} percent for {days} weeks.",
           "For each case, speak with the employee and the shift supervisor, write down what was agreed and set a follow-up within {days} days. Involve the works council where the case affects working time."),
          "The wage grid midpoint for grade {n} is {amount} euros a year; keep grid data inside HR. Absence above {days} days in a quarter triggers a welfare conversation."]),
        ("supplier", ["quality", "procurement"], "drive",
         ["steel coil supply", "castings quality agreement", "fastener pricing", "logistics service levels"],
         ["Supplier agreement summary: {topic}", "Procurement note: {topic}"],
         ["This note summarises the agreement on {topic} for the {product}. The contract runs for {n} years with annual price reviews.",
          "Delivery performance must stay above {pct} percent on time. Defect rates above {n}00 ppm trigger a supplier corrective action request.",
          "Prices are indexed to the steel market and capped at {amount} euros per tonne for the first year."]),
        ("production-report", ["all-staff"], "tickets",
         ["weekly output", "scrap rate", "overall equipment effectiveness", "changeover time"],
         ["Production report {quarter}: {topic} on {team}", "{team} {topic} review"],
         ["This report covers {topic} on {team} at the {site} for {quarter}. Output reached {amount} units of the {product}.",
          "Overall equipment effectiveness was {pct} percent, with most losses from changeovers and unplanned stops. Scrap ran at {n} percent, mainly from burrs after stamping.",
          "Actions for next period: shorten changeovers with the SMED workshop, and review the die maintenance interval with the tool room."]),
        ("engineering-change", ["quality", "maintenance"], "tickets",
         ["a new tolerance on the bore diameter", "a material change to a cheaper alloy", "a revised torque specification",
          "a new fixture for drilling"],
         ["Engineering change notice {n}: {topic}", "ECN: {topic} for {product}"],
         ["This engineering change notice introduces {topic} for the {product}. It takes effect {days} days after approval at the {site}.",
          "Impact: control plans, work instructions and {tool} programs must be updated. First parts after the change need a full first article inspection.",
          "Approved by engineering, quality and production. Questions go to {person}."]),
    ],
}

QUARTERS = ["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026"]


def fill(template, rng, spec, topic):
    if isinstance(template, tuple):
        keyword, specific, general = template
        template = specific if keyword in topic else general
    return template.format(
        topic=topic, team=rng.choice(spec["teams"]), product=rng.choice(spec["products"]),
        tool=rng.choice(spec["tools"]), site=rng.choice(spec["sites"]), person=rng.choice(spec["people"]),
        quarter=rng.choice(QUARTERS), n=rng.randint(2, 9), pct=rng.choice([5, 8, 12, 15, 20, 25, 30, 40]),
        days=rng.choice([3, 5, 10, 14, 20, 25, 30]), amount=rng.choice(["1,200", "4,500", "18,000", "62,000", "250,000"]))


def documents(tenant, spec, rng, count):
    docs = []
    seen_titles = set()
    start = datetime.date(2024, 1, 8)
    index = 0
    while len(docs) < count:
        name, groups, source, topics, titles, paragraphs = spec["categories"][index % len(spec["categories"])]
        topic = topics[(index // len(spec["categories"])) % len(topics)]
        index += 1
        seed_title = fill(rng.choice(titles), rng, spec, topic)
        title = seed_title[0].upper() + seed_title[1:]
        body_paragraphs = [fill(p, rng, spec, topic) for p in paragraphs]
        body = "\n\n".join(body_paragraphs)
        doc_id = f"{tenant['slug']}-{name}-{len(docs) + 1:04d}"
        created = start + datetime.timedelta(days=rng.randint(0, 820))
        if title in seen_titles:
            # Real wikis accumulate revisions of the same page; say which one this is.
            title = f"{title} (revised {created.strftime('%B %Y')})"
        seen_titles.add(title)
        uri = f"https://{source}.{tenant['domain']}/{name}/{doc_id}"
        acl = {"groups": list(groups), "users": []}
        if name == "postmortem" and rng.random() < 0.3:
            acl = {"groups": [], "users": ["dmitri@acme.example"]}
        docs.append(document(doc_id, title, uri, body, tenant, source, name, created, acl))
    return docs


def hostile_document(tenant):
    """Text a terminal must show inertly: clear-screen, an OSC 52 clipboard write, a C1 CSI and
    a right-to-left override. Readable by all staff so every client test can reach it."""
    body = ("This note about the terminal escape handling test was pasted from a chat log.\u001b[2J"
            " It must not clear your screen. \u001b]52;c;cXNlZWsgd2FzIGhlcmU=\u0007 It must not write to your clipboard."
            " \u009b31m It must not turn text red. \u202eThis text must not be reversed.\n\n"
            "If you can read every sentence of this escape handling test in plain text, the client sanitised it.")
    return document(f"{tenant['slug']}-escape-test-0001", "Escape handling test \u001b[2J\u001b]0;pwned\u0007\u202eevil",
                    f"https://wiki.{tenant['domain']}/escape-handling-test", body, tenant, "wiki", "security-test",
                    datetime.date(2025, 6, 1), {"groups": ["all-staff"], "users": []})


def toml_string(value):
    return json.dumps(value, ensure_ascii=False)


def write_tenants(path):
    lines = ["# The sandbox's tenants, users and data accessors. Format: Sources/Sandbox/README.md.",
             "# Generated by scripts/generate-sandbox-corpus.py; every name here is invented.", "",
             f"account_id = {toml_string(ACCOUNT)}",
             f"data_accessor_role_arn = {toml_string(f'arn:aws:iam::{ACCOUNT}:role/QseekDataAccessor')}",
             'client_id = "qseek-demo"', ""]
    for subject, email, name, memberships, question in USERS:
        lines += ["[[users]]", f"subject = {toml_string(subject)}", f"email = {toml_string(email)}",
                  f"name = {toml_string(name)}", f"question = {toml_string(question)}", ""]
    for tenant in TENANTS:
        assert len(tenant["application_id"]) == 36 and len(tenant["retriever_id"]) == 36, tenant["id"]
        lines += ["[[tenants]]"]
        for key in ["id", "name", "region", "idc_region", "application_id", "retriever_id", "idc_application_arn"]:
            lines.append(f"{key} = {toml_string(tenant[key])}")
        lines.append('documents = ' + toml_string(f"documents-{tenant['slug']}.jsonl"))
        lines.append("")
        for subject, email, name, memberships, question in USERS:
            for tenant_id, groups in memberships:
                if tenant_id == tenant["id"]:
                    lines += ["[[tenants.members]]", f"email = {toml_string(email)}",
                              f"groups = {json.dumps(groups)}", ""]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


def main():
    os.makedirs(OUT, exist_ok=True)
    write_tenants(os.path.join(OUT, "tenants.toml"))
    for tenant, spec, seed in [(TENANTS[0], ACME, 101), (TENANTS[1], NORTHWIND, 202)]:
        rng = random.Random(seed)
        docs = story_documents(tenant) + documents(tenant, spec, rng, 170) + [hostile_document(tenant)]
        write_documents(os.path.join(OUT, f"documents-{tenant['slug']}.jsonl"), docs)
        print(f"{tenant['name']}: {len(docs)} documents")
    sandbox_corpus_authcode.write(OUT)


if __name__ == "__main__":
    main()
