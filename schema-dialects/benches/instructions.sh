#!/usr/bin/env bash
# Instructions per operation and per table, counted by callgrind: independent of the machine's
# load, so it shows the scaling even where wall-clock times are contended.
#
#   schema-dialects/benches/instructions.sh [sizes=30,300,3000]
set -euo pipefail
sizes=${1:-30,300,3000}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
bin=$(cargo bench -p schema-dialects --bench emit --no-run --message-format=json 2>/dev/null \
    | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "emit" and m.get("executable"):
        print(m["executable"])')
out=$(mktemp -d)
for n in ${sizes//,/ }; do
    CORPUS_ONCE=1 CORPUS_SIZES=$n valgrind --tool=callgrind --callgrind-out-file="$out/$n" "$bin" >/dev/null 2>&1
done
python3 - "$out" "$sizes" <<'PY'
import os, re, subprocess, sys
out, sizes = sys.argv[1], [int(n) for n in sys.argv[2].split(",")]
counts = {}
for n in sizes:
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", os.path.join(out, str(n))],
                          capture_output=True, text=True).stdout
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) .*emit::once::once_(\w+) ", line)
        if m:
            counts.setdefault(m.group(2), {})[n] = int(m.group(1).replace(",", ""))
print("| operation | " + " | ".join(f"{n:,} tables" for n in sizes) + " | per table: " + " / ".join(f"{n:,}" for n in sizes) + " |")
print("|---|" + "---:|" * len(sizes) + "---:|")
for op in counts:
    c = counts[op]
    cells = " | ".join(f"{c[n]/1e6:,.1f} M" if n in c else "" for n in sizes)
    per = " / ".join(f"{c[n]/n/1e3:,.0f} k" if n in c else "-" for n in sizes)
    print(f"| {op.replace('_', ' ', 1)} | {cells} | {per} |")
PY
