#!/usr/bin/env bash
# Client construction cold and warm, and retained heap per client, before and after issue 12's spec
# change (docs/benchmarks.md), in one run: builds the benchmarks jar of this tree and of a throwaway
# worktree at BEFORE_REV (default d810e5b, the parent of "Specs ship as JSON..."), copies the harness
# (ClientBuildBenchmark, ColdBuild, RetainedHeap) into it, runs the two interleaved, and removes it.
#   benchmarks/scripts/construction-before-after.sh [OUT]
# COLD_RUNS (default 10 fresh JVMs per tree and provider), HEAP_RUNS (3), HEAP_N (200), JMH_OPTS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/benchmarks/target/construction}
BEFORE_REV=${BEFORE_REV:-d810e5b}
BEFORE=${BEFORE_TREE:-/tmp/wt-before}
COLD_RUNS=${COLD_RUNS:-10}
HEAP_RUNS=${HEAP_RUNS:-3}
HEAP_N=${HEAP_N:-200}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 5 -w 2s -i 5 -r 1s -prof gc"}
. "$ROOT/benchmarks/scripts/common.sh"
mkdir -p "$OUT"
rm -f "$OUT"/cold.txt "$OUT"/retained.txt

if [ ! -d "$BEFORE" ]; then
  git -C "$ROOT" worktree add --detach "$BEFORE" "$BEFORE_REV" >/dev/null
fi
trap '[ -n "${KEEP_BEFORE:-}" ] || git -C "$ROOT" worktree remove --force "$BEFORE"' EXIT
HARNESS=benchmarks/src/main/java/dev/paykit/benchmarks
for f in ClientBuildBenchmark ColdBuild RetainedHeap; do
  cp "$ROOT/$HARNESS/$f.java" "$BEFORE/$HARNESS/"
done
echo "before: $(git -C "$BEFORE" log --oneline -1 HEAD)"
echo "after:  $(git -C "$ROOT" log --oneline -1 HEAD) (+ uncommitted: $(git -C "$ROOT" status --short | wc -l) files)"
build_tree "$BEFORE"
[ -n "${SKIP_BUILD:-}" ] || build_tree "$ROOT"
declare -A CP=([before]="$(classpath "$BEFORE")" [after]="$(classpath "$ROOT")")
java -version 2>&1 | head -1 | tee "$OUT/java.txt"
uptime | tee "$OUT/load.txt"

for i in $(seq "$COLD_RUNS"); do
  for tree in before after; do
    for p in promptcash prunny; do
      echo "$tree $(java -cp "${CP[$tree]}" dev.paykit.benchmarks.ColdBuild "$p")" >> "$OUT/cold.txt"
    done
  done
done
for i in $(seq "$HEAP_RUNS"); do
  for tree in before after; do
    for p in promptcash prunny; do
      echo "$tree $(java -XX:+UseSerialGC -Xmx1g -cp "${CP[$tree]}" dev.paykit.benchmarks.RetainedHeap "$p" "$HEAP_N")" \
          >> "$OUT/retained.txt"
    done
  done
done
for tree in before after; do
  java -cp "${CP[$tree]}" org.openjdk.jmh.Main 'ClientBuildBenchmark' $JMH_OPTS -rf json -rff "$OUT/warm-$tree.json" \
      > "$OUT/warm-$tree.log"
done
uptime | tee -a "$OUT/load.txt"
python3 "$ROOT/benchmarks/scripts/summarise.py" construction "$OUT" | tee "$OUT/summary.md"
