#!/usr/bin/env bash
# Issue 11's before/after tables from one machine in one run (docs/benchmarks.md, "Before and after"):
# builds the benchmarks jar of this tree and of a throwaway worktree at BEFORE_REV (default 417c996: the
# call-cost harness on the code as the issue found it; this tree's harness files are copied into it), starts one
# LoopbackServer in its own JVM, and runs CallCostBenchmark (-prof gc) at 1, 8 and 32 threads in ROUNDS
# rounds, before and after alternating (which goes first flips every round), so that a machine whose
# speed drifts moves both; then client construction of both trees (warm, cold, retained), interleaved.
# The summary gives, per tree, the median over the rounds of each round's ratios, and after ÷ before.
#   benchmarks/scripts/call-cost-before-after.sh [OUT]
# ROUNDS (default 3); THREADS ("1 8 32"); JMH_OPTS ("-f 1 -wi 5 -w 1s -i 4 -r 1s"); INCLUDE (a JMH regex);
# CPU_THREADS ("1 8") and CPU_ROUNDS ("6 800": rounds, ms) of CallCostCpu, the client's CPU per call with
# every layer interleaved in one JVM (NO_CPU=1 skips it); COLD_RUNS (5 fresh JVMs per tree and provider);
# HEAP_RUNS (1); NO_CONSTRUCTION=1; SKIP_BUILD=1 (this tree);
# KEEP_BEFORE=1 keeps the worktree (BEFORE_TREE, default /tmp/wt-callcost-before).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/benchmarks/target/call-cost-before-after}
BEFORE_REV=${BEFORE_REV:-417c996}
BEFORE=${BEFORE_TREE:-/tmp/wt-callcost-before}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-"1 8 32"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 5 -w 1s -i 4 -r 1s"}
INCLUDE=${INCLUDE:-'CallCostBenchmark\.'}
CPU_THREADS=${CPU_THREADS:-"1 8"}
CPU_ROUNDS=${CPU_ROUNDS:-"6 800"}
COLD_RUNS=${COLD_RUNS:-5}
HEAP_RUNS=${HEAP_RUNS:-1}
. "$ROOT/benchmarks/scripts/common.sh"
rm -rf "$OUT"
mkdir -p "$OUT/before" "$OUT/after"

# only a worktree this run added is removed at the end: an existing BEFORE_TREE (a kept one, or any other
# directory named by mistake) is used as it is and left alone, and must be at BEFORE_REV
CREATED=
if [ ! -d "$BEFORE" ]; then
  git -C "$ROOT" worktree add --detach "$BEFORE" "$BEFORE_REV" >/dev/null
  CREATED=1
elif [ "$(git -C "$BEFORE" rev-parse HEAD)" != "$(git -C "$ROOT" rev-parse "$BEFORE_REV^{commit}")" ]; then
  echo "$BEFORE exists but is not at $BEFORE_REV: remove it or name another BEFORE_TREE" >&2
  exit 1
fi
trap '[ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; [ -z "$CREATED" ] || [ -n "${KEEP_BEFORE:-}" ] || git -C "$ROOT" worktree remove --force "$BEFORE"' EXIT
git -C "$BEFORE" log --oneline -1 HEAD > "$OUT/before/tree.txt"
echo "$(git -C "$ROOT" log --oneline -1 HEAD) (+ uncommitted: $(git -C "$ROOT" status --short | wc -l) files)" \
    > "$OUT/after/tree.txt"
echo "before: $(cat "$OUT/before/tree.txt")"
echo "after:  $(cat "$OUT/after/tree.txt")"
# the harness as it is now in both trees: the CPU harness came later than BEFORE_REV, and CallCostBenchmark
# has since gained its single-threaded pre-warm; the same files are copied into the before tree
for f in CallCostCpu CallCostBenchmark; do
  cp "$ROOT/benchmarks/src/main/java/dev/paykit/benchmarks/$f.java" "$BEFORE/benchmarks/src/main/java/dev/paykit/benchmarks/"
done
build_tree "$BEFORE"
[ -n "${SKIP_BUILD:-}" ] || build_tree "$ROOT"
declare -A CP=([before]="$(classpath "$BEFORE")" [after]="$(classpath "$ROOT")")

coproc SERVER { exec java -Xmx256m -cp "${CP[after]}" dev.paykit.benchmarks.LoopbackServer; }
SERVER_PID=$SERVER_PID
read -r _ URL <&"${SERVER[0]}"
java -version 2>&1 | head -1 | tee "$OUT/java.txt"
uptime | tee "$OUT/load.txt"
echo "loopback server (own JVM, pid $SERVER_PID): $URL; $ROUNDS rounds of JMH $JMH_OPTS -prof gc at threads $THREADS"

for r in $(seq "$ROUNDS"); do
  order="before after"
  [ $((r % 2)) -eq 0 ] && order="after before"
  for tree in $order; do
    for t in $THREADS; do
      echo "== round $r, $tree, $t thread(s) ($(date +%H:%M:%S))"
      java -Dpaykit.bench.server="$URL" -Dpaykit.bench.counts="$OUT/$tree/counts.txt" -cp "${CP[$tree]}" \
          org.openjdk.jmh.Main "$INCLUDE" $JMH_OPTS -prof gc -t "$t" -rf json -rff "$OUT/$tree/r$r-t$t.json" \
          > "$OUT/$tree/r$r-t$t.log"
    done
  done
done

if [ -z "${NO_CPU:-}" ]; then
  # the client's CPU per call, every layer interleaved in one JVM per tree (CallCostCpu)
  for t in $CPU_THREADS; do
    for tree in before after; do
      echo "== CPU per call, $tree, $t thread(s) ($(date +%H:%M:%S))"
      java -Dpaykit.bench.server="$URL" -cp "${CP[$tree]}" dev.paykit.benchmarks.CallCostCpu "$t" $CPU_ROUNDS \
          > "$OUT/$tree/cpu-t$t.txt"
    done
  done
fi

if [ -z "${NO_CONSTRUCTION:-}" ]; then
  echo "== client construction ($(date +%H:%M:%S))"
  for i in $(seq "$COLD_RUNS"); do
    for tree in before after; do
      for p in promptcash prunny; do
        java -cp "${CP[$tree]}" dev.paykit.benchmarks.ColdBuild "$p" >> "$OUT/$tree/cold.txt"
      done
    done
  done
  for i in $(seq "$HEAP_RUNS"); do
    for tree in before after; do
      for p in promptcash prunny; do
        java -XX:+UseSerialGC -Xmx1g -cp "${CP[$tree]}" dev.paykit.benchmarks.RetainedHeap "$p" 200 \
            >> "$OUT/$tree/retained.txt"
      done
    done
  done
  for tree in before after; do
    java -cp "${CP[$tree]}" org.openjdk.jmh.Main 'ClientBuildBenchmark' -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc \
        -rf json -rff "$OUT/$tree/warm.json" > "$OUT/$tree/warm.log"
  done
fi
uptime | tee -a "$OUT/load.txt"
python3 "$ROOT/benchmarks/scripts/summarise.py" callcost-ba "$OUT" | tee "$OUT/summary.md"
