#!/usr/bin/env python3
"""Checks that Package.swift declares exactly what each target imports (ARCHITECTURE.md).

For every target: each `import X` of its sources must be a declared dependency (a target or a
product), and each declared dependency must be imported somewhere in it. Plugins, whose
dependencies are the tools they run, and the toolchain's own modules are exempt.

Usage: scripts/check-imports.py   (from anywhere; runs `swift package dump-package`)
Exits 0 when they agree, 1 with one line per disagreement.
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Glibc", "Musl",
    "Darwin", "Dispatch", "Synchronization", "Observation", "_Concurrency", "Testing", "XCTest",
    "PackagePlugin",
}
IMPORT = re.compile(r"^\s*(?:@[\w]+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|enum|class|func|protocol|typealias|var|let)\s+)?(\w+)")


def declared(target):
    names = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return names


def imported(path):
    names = set()
    for file in glob.glob(os.path.join(ROOT, path, "**", "*.swift"), recursive=True):
        with open(file, encoding="utf-8") as source:
            for line in source:
                match = IMPORT.match(line)
                if match:
                    names.add(match.group(1))
    return names


def main():
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True, capture_output=True, text=True)
    package = json.loads(dump.stdout)
    problems = []
    for target in package["targets"]:
        if target["type"] == "plugin":
            continue
        folder = "Tests" if target["type"] == "test" else "Sources"
        path = target.get("path") or os.path.join(folder, target["name"])
        imports = imported(path) - TOOLCHAIN
        dependencies = declared(target)
        for name in sorted(imports - dependencies):
            problems.append(f"check-imports: {target['name']} imports {name} but Package.swift does not declare it")
        for name in sorted(dependencies - imports):
            problems.append(f"check-imports: {target['name']} declares {name} but never imports it")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
