#!/usr/bin/env python3
"""Plays the user's browser for the OIDC interop test (standard library only).

Usage: browser.py AUTHORIZATION_URL (--sub SUBJECT | --deny)

GETs the provider's authorization page, submits its form (choose a subject, or deny), and
follows the provider's redirect to qseek's loopback receiver. Refuses to talk to anything but
127.0.0.1/localhost. Prints what the receiver answered; exits 0 when it answered 200.
"""
import argparse
import sys
import urllib.error
import urllib.parse
import urllib.request

LOOPBACK = {"127.0.0.1", "localhost"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def loopback_only(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname
    if host not in LOOPBACK:
        sys.exit(f"browser.py: refusing non-loopback URL host {host!r}")
    return url


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--sub")
    group.add_argument("--deny", action="store_true")
    args = parser.parse_args()

    opener = urllib.request.build_opener(NoRedirect)
    url = loopback_only(args.url)

    with opener.open(url, timeout=30) as page:
        if page.status != 200 or b"<form" not in page.read():
            print(f"authorization page: unexpected answer {page.status}", file=sys.stderr)
            return 1

    form = {"action": "deny"} if args.deny else {"sub": args.sub}
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST")
    try:
        opener.open(request, timeout=30)
        print("authorization form: expected a redirect, got none", file=sys.stderr)
        return 1
    except urllib.error.HTTPError as redirect:
        if redirect.code not in (301, 302, 303, 307):
            print(f"authorization form: HTTP {redirect.code}: {redirect.read()[:300]!r}", file=sys.stderr)
            return 1
        location = redirect.headers["Location"]

    callback = loopback_only(urllib.parse.urljoin(url, location))
    try:
        with opener.open(callback, timeout=30) as answer:
            body = answer.read().decode("utf-8", "replace")
            status = answer.status
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        status = error.code
    title = body.split("<h1>", 1)[-1].split("</h1>", 1)[0] if "<h1>" in body else "?"
    print(f"receiver answered {status}: {title}")
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
