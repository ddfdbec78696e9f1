#!/usr/bin/env python3
"""Turns the raw output of transport.sh / construction-before-after.sh / call-cost.sh into the Markdown
tables of docs/benchmarks.md.  summarise.py transport|construction|callcost|callcost-ba|cpualone OUT"""
import json
import os
import re
import statistics
import sys


def jmh(path):
    """{(method, threads): (score, error, bytes_per_op)} from a JMH JSON result file."""
    rows = {}
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return rows
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        iterations = [x for fork in pm.get("rawData", []) for x in fork]
        median = statistics.median(iterations) if iterations else pm["score"]
        best = min(iterations) if iterations else pm["score"]
        rows[(name, r["threads"])] = (pm["score"], pm["scoreError"], alloc, median, best)
    return rows


def fmt(x, digits=1):
    try:
        x = float(x)
    except (TypeError, ValueError):
        return "n/a"
    if x != x:
        return "n/a"
    return f"{x:,.{digits}f}"


def transport(out):
    rows = {}
    for f in ("single.json", "threads8.json"):
        rows.update(jmh(os.path.join(out, f)))
    counts = {}
    path = os.path.join(out, "counts.txt")
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r"COUNTS (\S+) threads=(\d+) (.*)", line.strip())
            if m:
                counts[(m.group(1), int(m.group(2)))] = m.group(3)
    order = ["raw", "feign", "paykit", "facade"]
    transports = ["okhttp", "hc5", "jdk"]
    for threads in sorted({t for _, t in rows}):
        print(f"\n#### {threads} thread{'s' if threads > 1 else ''}\n")
        print("| call | layer | transport | µs/call (mean ± 99.9%) | median iteration | best iteration "
              "| × raw OkHttp (median) | B/call | × raw OkHttp |")
        print("|---|---|---|---:|---:|---:|---:|---:|---:|")
        for op in ("get", "post"):
            base = rows.get((f"raw_okhttp_{op}", threads))
            for layer in order:
                for tr in transports:
                    key = (f"{layer}_{tr}_{op}", threads)
                    if key not in rows:
                        continue
                    s, e, a, med, best = rows[key]
                    rt = med / base[3] if base else None
                    ra = a / base[2] if base and base[2] and a is not None else None
                    print(f"| {op.upper()} | {layer} | {tr} | {fmt(s)} ± {fmt(e)} | {fmt(med)} | {fmt(best)} "
                          f"| {fmt(rt, 2)} | {fmt(a, 0)} | {fmt(ra, 2)} |")
    path = os.path.join(out, "latency.txt")
    if os.path.exists(path):
        lines = [l.split() for l in open(path) if l.startswith("LATENCY ")]
        print("\n#### Interleaved in one JVM (TransportLatency): per-call latency, µs\n")
        print("`" + " ".join(lines[0][1:]) + "`\n")
        print("| call | p10 | p50 | p90 | p99 | p50 × raw OkHttp | failures |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for l in lines[1:]:
            kv = dict(x.split("=") for x in l[2:])
            print(f"| {l[1]} | {kv['p10']} | {kv['p50']} | {kv['p90']} | {kv['p99']} | {kv['ratioP50']} | {kv['failures']} |")
    if counts:
        print("\n#### What the server received\n")
        print("| benchmark | threads | counts |")
        print("|---|---:|---|")
        for (name, threads), rest in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            print(f"| {name} | {threads} | {rest} |")


def construction(out):
    cold = {}
    for line in open(os.path.join(out, "cold.txt")):
        m = re.match(r"(\w+) COLD (\w+) first=([\d.]+) second=([\d.]+) tenth=([\d.]+)", line.strip())
        if m:
            cold.setdefault((m.group(1), m.group(2)), []).append(tuple(float(x) for x in m.groups()[2:]))
    heap = {}
    for line in open(os.path.join(out, "retained.txt")):
        m = re.match(r"(\w+) RETAINED (\w+) n=(\d+) perClientKiB=([\d.]+) sharedFirstKiB=([\d.]+)", line.strip())
        if m:
            heap.setdefault((m.group(1), m.group(2)), []).append((float(m.group(4)), float(m.group(5))))
    warm = {t: jmh(os.path.join(out, f"warm-{t}.json")) for t in ("before", "after")}
    jmh_name = {"promptcash": "promptCash", "prunny": "prunny"}
    print("| provider | tree | cold first build, ms (median of %s JVMs; min–max) | 2nd build, ms | 10th build, ms "
          "| warm build+close, µs (JMH ±) | allocated per build, KiB | retained per client, KiB (median) "
          "| first client + shared, KiB |" % len(next(iter(cold.values()), [])))
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for p in ("promptcash", "prunny"):
        for t in ("before", "after"):
            c = cold.get((t, p), [])
            h = heap.get((t, p), [])
            w = warm[t].get((jmh_name[p], 1))
            first = [x[0] for x in c]
            cell_cold = f"{fmt(statistics.median(first))} ({fmt(min(first))}–{fmt(max(first))})" if c else "n/a"
            second = fmt(statistics.median([x[1] for x in c])) if c else "n/a"
            tenth = fmt(statistics.median([x[2] for x in c])) if c else "n/a"
            cell_warm = f"{fmt(w[0])} ± {fmt(w[1])}" if w else "n/a"
            alloc = fmt(w[2] / 1024) if w and w[2] is not None else "n/a"
            per = fmt(statistics.median([x[0] for x in h])) if h else "n/a"
            shared = fmt(statistics.median([x[1] for x in h])) if h else "n/a"
            print(f"| {p} | {t} | {cell_cold} | {second} | {tenth} | {cell_warm} | {alloc} | {per} | {shared} |")
    print()
    for p in ("promptcash", "prunny"):
        b, a = cold.get(("before", p)), cold.get(("after", p))
        wb, wa = warm["before"].get((jmh_name[p], 1)), warm["after"].get((jmh_name[p], 1))
        hb, ha = heap.get(("before", p)), heap.get(("after", p))
        parts = []
        if b and a:
            parts.append("cold first build ×%.2f" % (statistics.median([x[0] for x in a]) / statistics.median([x[0] for x in b])))
        if wb and wa:
            parts.append("warm build ×%.2f" % (wa[0] / wb[0]))
            if wb[2] and wa[2]:
                parts.append("allocation per build ×%.2f" % (wa[2] / wb[2]))
        if hb and ha:
            parts.append("retained per client ×%.2f" % (statistics.median([x[0] for x in ha]) / statistics.median([x[0] for x in hb])))
        print(f"- {p}, after/before: " + ", ".join(parts))

CALLS = [("pc_get", "Prompt.Cash get-payment (read)", "stripe_retrieve"),
         ("pc_create", "Prompt.Cash create-payment (signed, validated write)", "stripe_create"),
         ("prunny_account", "Prunny getAccount (read)", None),
         ("prunny_transfer", "Prunny intraBankTransfer (validated write, key, timestamp)", None)]


def ratio(a, b):
    try:
        return "%.2f" % (float(a) / float(b))
    except (TypeError, ValueError, ZeroDivisionError):
        return "n/a"


def rounds(out):
    """{round: {(method, threads): row}} of one tree's JMH files: r<K>-t<T>.json (call-cost-before-after.sh,
    call-cost.sh with ROUNDS), or t<T>.json (one round)."""
    found = {}
    for f in sorted(os.listdir(out)) if os.path.isdir(out) else []:
        m = re.match(r"(?:r(\d+)-)?t(\d+)\.json$", f)
        if m:
            found.setdefault(int(m.group(1) or 1), {}).update(jmh(os.path.join(out, f)))
    return found


def quotient(a, b):
    try:
        return float(a) / float(b)
    except (TypeError, ValueError, ZeroDivisionError):
        return None


def callcost_medians(out):
    """{(call, threads): {measure: [value per round]}}: the ratios of each round (every layer of a round is
    measured minutes apart, so a machine that drifts between rounds moves them together), to take the
    median of."""
    per = {}
    for rows in rounds(out).values():
        for call, _, stripe in CALLS:
            for (name, t) in rows:
                if name != f"{call}_paykit":
                    continue
                p, b, f = (rows.get((f"{call}_{layer}", t)) for layer in ("paykit", "bare", "floor"))
                s = rows.get((stripe, t)) if stripe else None
                cell = lambda r, i: r[i] if r else None
                values = {"us": p[0], "alloc": p[2],
                          "bare_t": quotient(p[0], cell(b, 0)), "bare_a": quotient(p[2], cell(b, 2)),
                          "floor_t": quotient(p[0], cell(f, 0)), "floor_a": quotient(p[2], cell(f, 2)),
                          "stripe_t": quotient(p[0], cell(s, 0)), "stripe_a": quotient(p[2], cell(s, 2)),
                          "tput_p": t / p[0] * 1e6, "tput_b": t / b[0] * 1e6 if b else None,
                          "tput_f": t / f[0] * 1e6 if f else None}
                for k, v in values.items():
                    per.setdefault((call, t), {}).setdefault(k, []).append(v)
    return per


def med(values, digits=2):
    values = [v for v in values or [] if v is not None]
    return fmt(statistics.median(values), digits) if values else "n/a"


def spread(values):
    values = [v for v in values or [] if v is not None]
    if len(values) < 2:
        return med(values)
    return f"{med(values)} ({min(values):.2f}–{max(values):.2f})"


def callcost_table(out):
    per = callcost_medians(out)
    n = len(rounds(out))
    threads = sorted({t for (_, t) in per})
    print(f"Medians over {n} round(s) of each round's ratios (time = JMH average µs per call and thread; alloc = "
          "B/call, -prof gc; ÷bare time with the lowest and highest round):")
    print()
    print("| call | threads | paykit µs | paykit B/call | ÷bare time | ÷bare alloc | ÷floor time | ÷floor alloc "
          "| ÷stripe-java time | ÷stripe-java alloc | calls/s paykit | bare | floor |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for call, label, _ in CALLS:
        for t in threads:
            v = per.get((call, t))
            if not v:
                continue
            print(f"| {label} | {t} | {med(v['us'], 1)} | {med(v['alloc'], 0)} | {spread(v['bare_t'])} "
                  f"| {med(v['bare_a'])} | {med(v['floor_t'])} | {med(v['floor_a'])} | {med(v['stripe_t'])} "
                  f"| {med(v['stripe_a'])} | {med(v['tput_p'], 0)} | {med(v['tput_b'], 0)} | {med(v['tput_f'], 0)} |")
    return per


def callcost(out):
    load = [l.split("load average:")[1].strip() for l in open(os.path.join(out, "load.txt"))
            if "load average:" in l] if os.path.exists(os.path.join(out, "load.txt")) else []
    print("Load average (1, 5, 15 min) at start / end:", " / ".join(load) or "n/a")
    print()
    callcost_table(out)
    counts_table(out)
    construction_table(out)


def counts_table(out, tree=None):
    """What the server saw per trial: connections at most, and calls, failures and hidden re-sends summed."""
    counts = {}
    if os.path.exists(os.path.join(out, "counts.txt")):
        for line in open(os.path.join(out, "counts.txt")):
            m = re.match(r"COUNTS (\w+) threads=(\d+) calls=(\d+) failures=(\d+) received=(\d+) "
                         r"hiddenResends=(-?\d+) connections=(\d+)", line)
            if m:
                key = (m.group(1), int(m.group(2)))
                c = counts.get(key, (0, 0, 0, 0))
                counts[key] = (c[0] + int(m.group(3)), c[1] + int(m.group(4)), max(c[2], int(m.group(7))),
                               c[3] + int(m.group(6)))
    if not counts:
        return
    threads = sorted({t for (_, t) in counts})
    print()
    print(("%s: c" % tree if tree else "C") + "onnections the server accepted per trial, at most (calls, failures and "
          "hidden re-sends summed over all rounds), by layer:")
    print()
    print("| benchmark | " + " | ".join(f"{t} thread(s)" for t in threads) + " |")
    print("|---|" + "---:|" * len(threads))
    for name in sorted({k[0] for k in counts}):
        cells = []
        for t in threads:
            c = counts.get((name, t))
            cells.append(f"{c[2]:,} ({c[0]:,} calls, {c[1]} failed, {c[3]} re-sent)" if c else "n/a")
        print(f"| {name} | " + " | ".join(cells) + " |")


def construction_table(out, tree=None):
    warm = jmh(os.path.join(out, "warm.json"))
    cold, heap = {}, {}
    if os.path.exists(os.path.join(out, "cold.txt")):
        for line in open(os.path.join(out, "cold.txt")):
            m = re.match(r"COLD (\w+) first=([\d.]+) second=([\d.]+) tenth=([\d.]+)", line.strip())
            if m:
                cold.setdefault(m.group(1), []).append(tuple(float(x) for x in m.groups()[1:]))
    if os.path.exists(os.path.join(out, "retained.txt")):
        for line in open(os.path.join(out, "retained.txt")):
            m = re.match(r"RETAINED (\w+) n=(\d+) perClientKiB=([\d.]+)", line.strip())
            if m:
                heap.setdefault(m.group(1), []).append(float(m.group(3)))
    if warm or cold or heap:
        print()
        print("| provider | " + ("tree | " if tree else "") + "warm build + close, µs (target ≤ 1,000) "
              "| allocated per build, KiB | cold first build, ms (median) | 2nd build, ms | 10th build, ms "
              "| retained per client, KiB |")
        print("|---|" + ("---|" if tree else "") + "---:|---:|---:|---:|---:|---:|")
        for p, j in (("promptcash", "promptCash"), ("prunny", "prunny")):
            w = warm.get((j, 1))
            c = cold.get(p, [])
            m = lambda i: fmt(statistics.median([x[i] for x in c]), 2) if c else "n/a"
            print(f"| {p} | " + (f"{tree} | " if tree else "") + f"{fmt(w[0]) + ' ± ' + fmt(w[1]) if w else 'n/a'} | "
                  f"{fmt(w[2] / 1024) if w and w[2] is not None else 'n/a'} | {m(0)} | {m(1)} | {m(2)} | "
                  f"{fmt(statistics.median(heap[p])) if heap.get(p) else 'n/a'} |")


def callcost_ba(out):
    """call-cost-before-after.sh: both trees' tables, then after ÷ before of paykit's own figures."""
    load = [l.split("load average:")[1].strip() for l in open(os.path.join(out, "load.txt"))
            if "load average:" in l] if os.path.exists(os.path.join(out, "load.txt")) else []
    print("Load average (1, 5, 15 min) at start / end:", " / ".join(load) or "n/a")
    per = {}
    for tree in ("before", "after"):
        print()
        print(f"#### {tree}: {open(os.path.join(out, tree, 'tree.txt')).read().strip()}")
        print()
        per[tree] = callcost_table(os.path.join(out, tree))
    print()
    print("#### after ÷ before (paykit's own time and allocation per call, and its ratio to the bare client)")
    print()
    print("| call | threads | paykit µs before → after | ×time | paykit B/call before → after | ×alloc "
          "| ÷bare time before → after | ÷bare alloc before → after | calls/s before → after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for call, label, _ in CALLS:
        for t in sorted({t for (c, t) in per["after"] if c == call}):
            b, a = per["before"].get((call, t)), per["after"].get((call, t))
            if not b or not a:
                continue
            # a measure missing from every round (no bare layer in INCLUDE, no -prof gc) is n/a, not a crash
            median_of = lambda v: statistics.median(v) if v else None
            mb = lambda k: median_of([x for x in b.get(k, []) if x is not None])
            ma = lambda k: median_of([x for x in a.get(k, []) if x is not None])
            print(f"| {label} | {t} | {fmt(mb('us'))} → {fmt(ma('us'))} | {ratio(ma('us'), mb('us'))} "
                  f"| {fmt(mb('alloc'), 0)} → {fmt(ma('alloc'), 0)} | {ratio(ma('alloc'), mb('alloc'))} "
                  f"| {fmt(mb('bare_t'), 2)} → {fmt(ma('bare_t'), 2)} | {fmt(mb('bare_a'), 2)} → {fmt(ma('bare_a'), 2)} "
                  f"| {fmt(mb('tput_p'), 0)} → {fmt(ma('tput_p'), 0)} |")
    cpu_table(out)
    for tree in ("before", "after"):
        counts_table(os.path.join(out, tree), tree)
    for tree in ("before", "after"):
        construction_table(os.path.join(out, tree), tree)


def cpu_table(out):
    """CallCostCpu's lines of both trees: paykit's CPU per call and its ratios, every layer in one JVM."""
    rows = {}
    for tree in ("before", "after"):
        d = os.path.join(out, tree)
        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if not re.match(r"cpu-t\d+\.txt$", f):
                continue
            for line in open(os.path.join(d, f)):
                m = re.match(r"CPU (\w+)_paykit threads=(\d+) cpuPerCallUs=([\d.]+) callsPerSecond=(\d+) "
                             r"bare=(\S+) floor=(\S+) stripe=(\S+)", line.strip())
                if m:
                    rows[(m.group(1), int(m.group(2)), tree)] = m.groups()[2:]
    if not rows:
        return
    print()
    print("#### the client's CPU per call, every layer interleaved in one JVM (CallCostCpu; medians of the rounds)")
    print()
    print("| call | threads | paykit CPU µs/call before → after | ÷bare before → after | ÷floor before → after "
          "| ÷stripe-java before → after |")
    print("|---|---:|---:|---:|---:|---:|")
    for call, label, _ in CALLS:
        for t in sorted({k[1] for k in rows if k[0] == call}):
            b, a = rows.get((call, t, "before")), rows.get((call, t, "after"))
            pair = lambda i: f"{b[i] if b else 'n/a'} → {a[i] if a else 'n/a'}"
            print(f"| {label} | {t} | {pair(0)} | {pair(2)} | {pair(3)} | {pair(4)} |")


def cpualone(out):
    """call-cost.sh cpu: each variant alone in its JVM (CallCostCpu -Dpaykit.bench.only); medians of the repeats."""
    path = os.path.join(out, "cpu-alone.txt")
    if not os.path.exists(path):
        sys.exit(f"no {path}: run benchmarks/scripts/call-cost.sh cpu first")
    cpu, rate, alloc, failed = {}, {}, {}, set()
    for line in open(path):
        m = re.match(r"CPU (\w+) threads=(\d+) cpuPerCallUs=([\d.]+) callsPerSecond=(\d+).*?(?: failures=(\d+))?"
                     r"(?: allocPerCallBytes=(\d+))?$", line.strip())
        if m:
            key = (m.group(1), int(m.group(2)))
            cpu.setdefault(key, []).append(float(m.group(3)))
            rate.setdefault(key, []).append(float(m.group(4)))
            if m.group(6):
                alloc.setdefault(key, []).append(float(m.group(6)))
            if m.group(5) and int(m.group(5)) > 0:
                failed.add(key)
    print("#### the client's CPU per call, each variant alone in its JVM (call-cost.sh cpu; median of the repeats)")
    print()
    print("| call | threads | paykit CPU µs/call | bare | floor | ÷bare | ÷floor | ÷stripe-java "
          "| calls/s paykit | bare | floor |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    mid = lambda d, k: statistics.median(d[k]) if k in d else None
    for call, label, stripe in CALLS:
        for t in sorted({k[1] for k in cpu if k[0] == call + "_paykit"}):
            p, b, f = (mid(cpu, (call + s, t)) for s in ("_paykit", "_bare", "_floor"))
            st = mid(cpu, (stripe, t)) if stripe else None
            print(f"| {label} | {t} | {fmt(p)} | {fmt(b)} | {fmt(f)} | {ratio(p, b)} | {ratio(p, f)} "
                  f"| {ratio(p, st) if st else 'n/a'} | {fmt(mid(rate, (call + '_paykit', t)), 0)} "
                  f"| {fmt(mid(rate, (call + '_bare', t)), 0)} | {fmt(mid(rate, (call + '_floor', t)), 0)} |")
    if alloc:
        print()
        print("#### bytes allocated per call by the calling threads, same run (median of the repeats)")
        print()
        print("| call | threads | paykit B/call | bare | floor | stripe-java | ÷bare | ÷floor | ÷stripe-java |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for call, label, stripe in CALLS:
            for t in sorted({k[1] for k in alloc if k[0] == call + "_paykit"}):
                p, b, f = (mid(alloc, (call + s, t)) for s in ("_paykit", "_bare", "_floor"))
                st = mid(alloc, (stripe, t)) if stripe else None
                print(f"| {label} | {t} | {fmt(p, 0)} | {fmt(b, 0)} | {fmt(f, 0)} | {fmt(st, 0) if st else 'n/a'} "
                      f"| {ratio(p, b)} | {ratio(p, f)} | {ratio(p, st) if st else 'n/a'} |")
    if failed:
        print()
        print("**Calls failed** in " + ", ".join(f"{n} at {t} thread(s)" for n, t in sorted(failed))
              + ": those figures are not of working calls.")
    spread = [max(v) / min(v) for v in cpu.values() if len(v) > 1]
    if spread:
        print()
        print(f"Repeats of one variant differ by up to {max(spread):.2f}x (median {statistics.median(spread):.2f}x).")


if __name__ == "__main__":
    {"transport": transport, "construction": construction, "callcost": callcost,
     "callcost-ba": callcost_ba, "cpualone": cpualone}[sys.argv[1]](sys.argv[2])
