#!/usr/bin/env bash
# The checks that need tools beyond Rust: mermaid's parser and @dbml/core (npm), Graphviz, and
# headless Chromium driving the HTML viewer. Installs what is missing (Debian packages, then the
# exact npm versions of package-lock.json), writes the fixtures, runs tests/browser/check.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v dot >/dev/null || missing+=(graphviz)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cd "$here"
npm ci --no-audit --no-fund --loglevel=error

fixtures="$(mktemp -d)"
trap 'rm -rf "$fixtures"' EXIT
(cd "$root" && SCHEMA_BROWSER_FIXTURES="$fixtures" cargo test -q -p schema-tests --test viewer write_browser_fixtures)
node "$here/check.mjs" "$root/examples/saas-billing/db" "$fixtures"
