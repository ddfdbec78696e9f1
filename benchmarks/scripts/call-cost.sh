#!/usr/bin/env bash
# Issue 11's measurement in one command (docs/benchmarks.md, "Cost per call over loopback HTTP"):
# CallCostBenchmark (paykit against the bare generated interface on feign-okhttp, a raw OkHttp + Jackson
# floor and stripe-java, Prompt.Cash and Prunny, a read and a write each) at 1, 8 and 32 threads with
# -prof gc, against LoopbackServer in its own JVM; then client construction (ClientBuildBenchmark warm,
# ColdBuild, RetainedHeap); then the table of ratios of this one run.
#   benchmarks/scripts/call-cost.sh [quick|full|cpu] [OUT]
# quick (default): 1 round of 1 fork, 4 x 1 s warm-up, 3 x 1 s measurement: checks that it works and which
#   way the numbers move (short: the JIT may still be compiling). full: 3 rounds (every
#   benchmark once per round, so that a machine whose speed drifts moves all layers of a round together;
#   the summary takes the median of the rounds' ratios) of 1 fork, 5 x 1 s + 4 x 1 s, 10 cold JVMs.
# cpu: no JMH; the client's CPU per call (CallCostCpu) of each variant alone in its own JVM, after a 15 s
#   warm-up on one thread, at each of THREADS, CPU_REPEATS times (default 2; the summary takes the median),
#   CPU_ROUNDS ("8 500": rounds, the first two dropped, so at least 3, and ms each); INCLUDE is there a regex
#   that whole method names match (default every one); HEARTBEAT=own leaves okio's watchdog heartbeat to
#   paykit's calls (default: kept armed for every variant, as paykit arms it JVM-wide). A variant that fails
#   or prints nothing is reported and the run goes on; each JVM's output is in OUT/cpu-logs.
# Environment: SKIP_BUILD=1 reuses the last build; ROUNDS (the mode's); THREADS (default "1 8 32"); INCLUDE (a JMH regex, default
# every CallCostBenchmark method); JMH_OPTS replaces the mode's JMH options; NO_CONSTRUCTION=1 skips it;
# PREWARM_MS (default 10000): how long a trial on more than one thread first runs its call alone on one thread,
# so that the JIT has compiled it before JMH's warm-up (docs/benchmarks.md, fourth round); 0 turns it off.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODE=${1:-quick}
OUT=${2:-$ROOT/benchmarks/target/call-cost-$MODE}
case "$MODE" in
  quick) DEFAULT_JMH="-f 1 -wi 4 -w 1s -i 3 -r 1s"; DEFAULT_ROUNDS=1; COLD_RUNS=${COLD_RUNS:-3}; HEAP_RUNS=${HEAP_RUNS:-1} ;;
  full)  DEFAULT_JMH="-f 1 -wi 5 -w 1s -i 4 -r 1s"; DEFAULT_ROUNDS=3; COLD_RUNS=${COLD_RUNS:-10}; HEAP_RUNS=${HEAP_RUNS:-3} ;;
  cpu)   DEFAULT_JMH=""; DEFAULT_ROUNDS=0; ROUNDS=0 ;;
  *) echo "usage: $0 [quick|full|cpu] [OUT]" >&2; exit 2 ;;
esac
JMH_OPTS=${JMH_OPTS:-$DEFAULT_JMH}
ROUNDS=${ROUNDS:-$DEFAULT_ROUNDS}
THREADS=${THREADS:-"1 8 32"}
if [ "$MODE" = cpu ]; then INCLUDE=${INCLUDE:-'.*'}; NO_CONSTRUCTION=1; fi
INCLUDE=${INCLUDE:-'CallCostBenchmark\.'}
. "$ROOT/benchmarks/scripts/common.sh"
mkdir -p "$OUT"
rm -rf "$OUT"/cpu-alone.txt "$OUT"/cpu-logs "$OUT"/counts.txt "$OUT"/cold.txt "$OUT"/retained.txt "$OUT"/t*.json "$OUT"/r*-t*.json "$OUT"/warm.json
[ -n "${SKIP_BUILD:-}" ] || build_tree "$ROOT"
CP=$(classpath "$ROOT")

coproc SERVER { exec java -Xmx256m -cp "$CP" dev.paykit.benchmarks.LoopbackServer; }
SERVER_PID=$SERVER_PID
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
read -r _ URL <&"${SERVER[0]}"
echo "mode $MODE; loopback server (own JVM, pid $SERVER_PID): $URL; $ROUNDS round(s) of JMH $JMH_OPTS"
echo "tree: $(git -C "$ROOT" log --oneline -1 HEAD) (+ uncommitted: $(git -C "$ROOT" status --short | wc -l) files)" \
    | tee "$OUT/tree.txt"
java -version 2>&1 | head -1 | tee "$OUT/java.txt"
uptime | tee "$OUT/load.txt"

for r in $(seq "$ROUNDS"); do
  for t in $THREADS; do
    echo "== round $r of $ROUNDS, $t thread(s)"
    java -Dpaykit.bench.server="$URL" -Dpaykit.bench.counts="$OUT/counts.txt" \
        -Dpaykit.bench.prewarmMillis="${PREWARM_MS:-10000}" -cp "$CP" org.openjdk.jmh.Main \
        "$INCLUDE" $JMH_OPTS -prof gc -t "$t" -rf json -rff "$OUT/r$r-t$t.json" > "$OUT/r$r-t$t.log"
    grep -o 'COUNTS.*' "$OUT/r$r-t$t.log" | cut -d' ' -f2-8 | sed 's/^/  /' || true
  done
done

if [ "$MODE" = cpu ]; then
  VARIANTS=$(grep -A1 '@Benchmark' "$ROOT/benchmarks/src/main/java/dev/paykit/benchmarks/CallCostBenchmark.java" \
      | grep -o 'public Object [a-z_]*' | cut -d' ' -f3 | grep -E "^($INCLUDE)$" || true)
  [ -n "$VARIANTS" ] || { echo "no CallCostBenchmark method matches INCLUDE='$INCLUDE' (a regex of whole method names)" >&2; exit 2; }
  mkdir -p "$OUT/cpu-logs"
  touch "$OUT/cpu-alone.txt"
  for r in $(seq "${CPU_REPEATS:-2}"); do
    for t in $THREADS; do
      echo "== cpu repeat $r, $t thread(s)"
      for v in $VARIANTS; do
        log="$OUT/cpu-logs/$v-t$t-r$r.log"
        java -Dpaykit.bench.server="$URL" -Dpaykit.bench.only="$v" -Dpaykit.bench.heartbeat="${HEARTBEAT:-all}" \
            -cp "$CP" dev.paykit.benchmarks.CallCostCpu "$t" ${CPU_ROUNDS:-8 500} > "$log" 2>&1 \
            || echo "  $v at $t thread(s): failed calls or exit code $? (see $log)" >&2
        grep "^CPU $v " "$log" >> "$OUT/cpu-alone.txt" || echo "  $v at $t thread(s): no figure (see $log)" >&2
      done
    done
  done
fi

if [ -z "${NO_CONSTRUCTION:-}" ]; then
  echo "== client construction"
  java -cp "$CP" org.openjdk.jmh.Main 'ClientBuildBenchmark' $JMH_OPTS -prof gc -rf json -rff "$OUT/warm.json" \
      > "$OUT/warm.log"
  for i in $(seq "$COLD_RUNS"); do
    for p in promptcash prunny; do
      java -cp "$CP" dev.paykit.benchmarks.ColdBuild "$p" >> "$OUT/cold.txt"
    done
  done
  for i in $(seq "$HEAP_RUNS"); do
    for p in promptcash prunny; do
      java -XX:+UseSerialGC -Xmx1g -cp "$CP" dev.paykit.benchmarks.RetainedHeap "$p" 200 >> "$OUT/retained.txt"
    done
  done
fi
uptime | tee -a "$OUT/load.txt"
python3 "$ROOT/benchmarks/scripts/summarise.py" "$([ "$MODE" = cpu ] && echo cpualone || echo callcost)" "$OUT" \
    | tee "$OUT/summary.md"
