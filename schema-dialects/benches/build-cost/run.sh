#!/usr/bin/env bash
# Build cost of the corpus (default 300 tables) with our #[derive(Table)] next to the same tables
# as SeaORM 2 entities: cold `cargo check` / `cargo build` (dependencies included), the schema
# crate alone rebuilt over built dependencies, and an incremental rebuild after one table's file
# changes. Runs alternate between the two crates; every run records wall, user and system seconds
# (/usr/bin/time, children included). Prints medians and the ratio ours/SeaORM. Not part of CI.
#
#   schema-dialects/benches/build-cost/run.sh [runs=3] [tables=300]
#
# Environment: BUILD_COST_DIR (default /tmp/schema-build-cost) holds the two generated crates,
# their target directories and results.tsv. SKIP_COLD=1 leaves out the cold runs.
set -euo pipefail

runs=${1:-3}
tables=${2:-300}
dir=${BUILD_COST_DIR:-/tmp/schema-build-cost}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
results=$dir/results.tsv

mkdir -p "$dir"
echo "== generating $tables tables into $dir"
(cd "$repo" && cargo bench -q -p schema-dialects --bench corpus_crates -- "$dir" "$tables")
for crate in ours seaorm; do
    (cd "$dir/$crate" && cargo fetch -q)
done

# The file an incremental run edits: a table in the middle of the corpus.
middle=$(( tables / 2 / 10 ))
touched=orders_$middle.rs

# measure CRATE KIND PREPARE CARGO_COMMAND: runs PREPARE, then times CARGO_COMMAND.
measure() {
    local crate=$1 kind=$2 prepare=$3 command=$4
    local target=$dir/target-$crate
    (cd "$dir/$crate" && export CARGO_TARGET_DIR=$target && eval "$prepare")
    local times
    times=$(cd "$dir/$crate" && CARGO_TARGET_DIR=$target /usr/bin/time -f '%e %U %S' \
        cargo $command --offline -q 2>&1 >/dev/null | tail -1)
    printf '%s\t%s\t%s\n' "$crate" "$kind" "$times" | tr ' ' '\t' | tee -a "$results"
}

edit() { echo "// edited $(date +%s%N)" >> "src/$touched"; }

: > "$results"
for run in $(seq "$runs"); do
    echo "== run $run of $runs (crate kind wall user sys)"
    # Alternate which crate goes first, so neither always meets the same load.
    if (( run % 2 )); then order="ours seaorm"; else order="seaorm ours"; fi
    for crate in $order; do
        package=corpus-$crate
        if [[ -z ${SKIP_COLD:-} ]]; then
            measure "$crate" cold-check "cargo clean -q" check
            measure "$crate" cold-build "cargo clean -q" build
        fi
        # Dependencies built: the schema crate alone.
        measure "$crate" crate-check "cargo check -q --offline && cargo clean -q -p $package" check
        measure "$crate" crate-build "cargo build -q --offline && cargo clean -q -p $package" build
        # One table's file changed.
        measure "$crate" incr-check "cargo check -q --offline && edit" check
        measure "$crate" incr-build "cargo build -q --offline && edit" build
    done
done

# The derive crates alone, cold, dependencies included: ours from this workspace, SeaORM's
# from the generated crate.
for run in $(seq "$runs"); do
    for crate in ours seaorm; do
        if [[ $crate == ours ]]; then
            where=$repo package=schema-derive
        else
            where=$dir/seaorm package=sea-orm-macros
        fi
        target=$dir/target-macros-$crate
        rm -rf "$target"
        times=$(cd "$where" && CARGO_TARGET_DIR=$target /usr/bin/time -f '%e %U %S' \
            cargo build --offline -q -p $package 2>&1 >/dev/null | tail -1)
        printf '%s\t%s\t%s\n' "$crate" macro-cold "$times" | tr ' ' '\t' | tee -a "$results"
    done
done

echo
echo "== medians over $runs runs, seconds ($tables tables; cpu = user + sys)"
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split('\t') for line in open(sys.argv[1]) if line.strip()]
data = {}
for crate, kind, wall, user, sys_ in rows:
    data.setdefault((crate, kind), []).append((float(wall), float(user) + float(sys_)))
kinds = [k for k in ["macro-cold", "cold-check", "cold-build", "crate-check", "crate-build", "incr-check", "incr-build"]
         if ("ours", k) in data]
print(f"| {'measure':<12} | {'ours wall':>9} | {'ours cpu':>8} | {'SeaORM wall':>11} | {'SeaORM cpu':>10} | {'cpu ratio':>9} | {'wall ratio':>10} |")
print(f"|{'-'*14}|{'-'*11}|{'-'*10}|{'-'*13}|{'-'*12}|{'-'*11}|{'-'*12}|")
for k in kinds:
    o, s = data[("ours", k)], data[("seaorm", k)]
    ow, oc = statistics.median(w for w, _ in o), statistics.median(c for _, c in o)
    sw, sc = statistics.median(w for w, _ in s), statistics.median(c for _, c in s)
    print(f"| {k:<12} | {ow:>9.2f} | {oc:>8.2f} | {sw:>11.2f} | {sc:>10.2f} | {oc/sc:>9.2f} | {ow/sw:>10.2f} |")
PY
