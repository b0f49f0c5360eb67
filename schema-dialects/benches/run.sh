#!/usr/bin/env bash
# Runtime benches over the corpus, then a table of medians and per-table times.
#
#   schema-dialects/benches/run.sh            # every size: 30, 300, 3,000, 10,000 tables
#   CORPUS_SIZES=30,300 schema-dialects/benches/run.sh
#
# Criterion keeps its results in target/criterion; the table is printed from there (median of
# the samples), so `SUMMARY_ONLY=1 schema-dialects/benches/run.sh` reprints it without running.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
if [[ -z ${SUMMARY_ONLY:-} ]]; then
    cargo bench -p schema-dialects --bench emit -- "$@"
fi
python3 - "$repo/target/criterion" <<'PY'
import json, os, sys
root = sys.argv[1]
rows = {}
for dirpath, _, files in os.walk(root):
    if "estimates.json" in files and os.path.basename(dirpath) == "new":
        bench = os.path.relpath(os.path.dirname(dirpath), root)
        group, _, size = bench.rpartition("/")
        if not size.isdigit():
            continue
        with open(os.path.join(dirpath, "estimates.json")) as f:
            median_ns = json.load(f)["median"]["point_estimate"]
        rows.setdefault(group.replace("_", "/"), {})[int(size)] = median_ns
sizes = sorted({n for r in rows.values() for n in r})
def fmt(ns):
    return f"{ns/1e6:.2f} ms" if ns >= 1e5 else f"{ns/1e3:.1f} µs"
print("| bench | " + " | ".join(f"{n:,} tables" for n in sizes) + " | per table " + " / ".join(f"{n:,}" for n in sizes) + " (µs) |")
print("|---|" + "---:|" * len(sizes) + "---:|")
for group in sorted(rows):
    r = rows[group]
    cells = [fmt(r[n]) if n in r else "" for n in sizes]
    per = " / ".join(f"{r[n]/n/1e3:.1f}" if n in r else "-" for n in sizes)
    print(f"| {group} | " + " | ".join(cells) + f" | {per} |")
PY
