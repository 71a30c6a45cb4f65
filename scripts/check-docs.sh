#!/usr/bin/env bash
# Checks that the docs the product ships keep up with the binary:
#   - every subcommand and every flag that `--help` prints (recursively) appears in
#     docs/configuration.md;
#   - neither the README nor any `--help` text points at files users do not get
#     (../shared/…, the team's CONFIG.md or TTI-FLOW.md);
#   - every relative link in README.md and docs/*.md names a file that exists.
#
# Usage: scripts/check-docs.sh PATH/TO/qseek
# Exits 0 when all is well, 1 with one line per problem otherwise. Needs no network.
set -euo pipefail

binary=${1:?usage: scripts/check-docs.sh PATH/TO/qseek}
[[ -x $binary ]] || { echo "check-docs: $binary is not an executable" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
reference=$root/docs/configuration.md
[[ -f $reference ]] || { echo "check-docs: $reference is missing" >&2; exit 1; }

problems=0
problem() {
    echo "check-docs: $*"
    problems=$((problems + 1))
}

# Text that points at files outside the repository.
forbidden='\.\./shared|shared/design|CONFIG\.md|TTI-FLOW\.md'

# A fixed width, so help text wraps the same everywhere.
export COLUMNS=200

declare -A seen_flags=()
commands=()

# walk PATH...: records the command path, its flags, and recurses into its subcommands.
walk() {
    local help
    local name="qseek${*:+ $*}"
    if ! help=$("$binary" "$@" --help 2>&1); then
        problem "\`$name --help\` failed"
        return
    fi
    commands+=("$*")
    if grep -Eq "$forbidden" <<<"$help"; then
        while IFS= read -r line; do
            problem "\`$name --help\` points outside the repository: ${line#"${line%%[![:space:]]*}"}"
        done < <(grep -E "$forbidden" <<<"$help")
    fi
    local flag
    while IFS= read -r flag; do
        seen_flags[$flag]+="$name; "
    done < <(grep -oE '(^|[[ ,(])--[a-z][a-z0-9-]*' <<<"$help" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
    if grep -Eq '(^|[ ,])-h,' <<<"$help"; then seen_flags[-h]+="$name; "; fi
    local sub
    while IFS= read -r sub; do
        [[ $sub == help ]] && continue
        walk "$@" "$sub"
    done < <(awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }' <<<"$help")
}
walk

# Every subcommand, by its full name (`qseek history export`).
for command in "${commands[@]}"; do
    [[ -z $command ]] && continue
    grep -qF "qseek $command" "$reference" || problem "docs/configuration.md does not mention \`qseek $command\`"
done

# Every flag, as a whole word (`--json` must not be satisfied by `--json-lines`).
for flag in "${!seen_flags[@]}"; do
    grep -qE -- "(^|[^a-z0-9-])${flag}([^a-z0-9-]|\$)" "$reference" \
        || problem "docs/configuration.md does not mention ${flag} (in ${seen_flags[$flag]%; })"
done

# The README must not point outside the repository either.
if grep -nE "$forbidden" "$root/README.md" >/dev/null; then
    while IFS= read -r line; do
        problem "README.md:${line%%:*} points outside the repository: ${line#*:}"
    done < <(grep -nE "$forbidden" "$root/README.md")
fi

# Relative links in the README and docs/ must name files that exist.
for page in "$root/README.md" "$root"/docs/*.md; do
    directory=$(dirname "$page")
    while IFS= read -r target; do
        target=${target%%#*}
        [[ -z $target || $target == *://* || $target == mailto:* ]] && continue
        [[ -e $directory/$target ]] || problem "${page#"$root"/}: link to $target, which does not exist"
    done < <(grep -oE '\]\([^)[:space:]]+\)' "$page" | sed -E 's/^\]\((.*)\)$/\1/')
done

if ((problems > 0)); then
    echo "check-docs: $problems problem(s)"
    exit 1
fi
echo "check-docs: ok (${#commands[@]} commands, ${#seen_flags[@]} flags documented; no links outside the repository)"
