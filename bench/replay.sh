#!/usr/bin/env bash
# Replay benchmark (issue 3): one siggen capture replayed by `sigsift run`
# through net_pcap infinite_rx for a fixed time, per worker core, next to
# the receive-and-drop floor and decode-only in the same run, and the core
# pipeline from memory (bench/decode_bench) on the same capture; judged
# with 1k, 10k and 100k keyword word lists, 1 and 2 workers (and 10k with
# the event lines written to /dev/null); peak RSS; then the judging path
# without decode (bench/match_floor) against Hyperscan alone.
# Rates are per second of wall time and per second of the workers' CPU
# time (the figure decode_bench gives; other sessions' load moves it less).
# A looped capture repeats its SCTP TSNs: once per pass the last 4096 TSNs
# of each direction are still in the duplicate window and dropped as
# retransmissions (sctp_tsn.h). With 250 000 messages that is 6% of the
# DATA chunks (37% with 50 000); the table shows it.
# Usage: bench/replay.sh [BUILD_DIR]   (SECONDS_PER_RUN=3 MESSAGES=250000
#        MEM_MB=4096: EAL -m, the pool holds every frame of the capture)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
secs=${SECONDS_PER_RUN:-3} n=${MESSAGES:-250000} mem=${MEM_MB:-4096}
[ -f "$build/build.ninja" ] || meson setup "$build" -Dbuildtype=release >/dev/null
ninja -C "$build" dataplane/cli/sigsift tools/siggen/siggen bench/norm_bench bench/match_floor \
  bench/decode_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tools/siggen/siggen" --count "$n" --seed 1 --out "$work/cap.pcap" \
  --truth "$work/truth.jsonl" >/dev/null

# Keyword lists: CJK 2-4-grams of the capture's own texts (so some hit),
# topped up with synthetic 3-5-hanzi words from U+4E00-U+9FA5; seed 1.
python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
rnd = random.Random(1)
grams = []
seen = set()
for line in open(f"{work}/truth.jsonl"):
    t = json.loads(line).get("text") or ""
    h = "".join(c for c in t if "\u4e00" <= c <= "\u9fff")
    for k in (2, 3, 4):
        for i in range(0, max(0, len(h) - k + 1), 7):
            g = h[i:i + k]
            if g not in seen:
                seen.add(g); grams.append(g)
rnd.shuffle(grams)
for size in (1000, 10000, 100000):
    words = grams[: size // 10]
    have = set(words)
    while len(words) < size:
        w = "".join(chr(rnd.randint(0x4E00, 0x9FA5)) for _ in range(rnd.randint(3, 5)))
        if w not in have:
            have.add(w); words.append(w)
    with open(f"{work}/kw{size // 1000}k.txt", "w") as f:
        f.write("\n".join(words) + "\n")
with open(f"{work}/msgs.txt", "w") as f:
    for line in open(f"{work}/truth.jsonl"):
        m = json.loads(line)
        t = m.get("text")
        if t:
            f.write((m.get("sender") or "") + "\t" + t.replace("\n", " ").replace("\t", " ") + "\n")
PY

sigsift() {  # sigsift LCORES NAME ARGS... -> $work/NAME.json, NAME.rss (KiB)
  local lcores=$1 name=$2; shift 2
  /usr/bin/time -f %M -o "$work/$name.rss" "$build/dataplane/cli/sigsift" run --lcores "$lcores" \
    --no-pci --no-huge --in-memory --no-telemetry -m "$mem" \
    --vdev "net_pcap0,rx_pcap=$work/cap.pcap,infinite_rx=1" -- --duration "$secs" \
    --socket "$work/ctl.sock" --report-json "$work/$name.json" "$@" >"$work/$name.log" 2>&1
}
row() {  # row LABEL NAME WORKERS
  python3 - "$work/$2.json" "$work/$2.rss" "$1" "$3" "$work/$2.log" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1])); t = r["total"]; w = int(sys.argv[4])
rss = int(open(sys.argv[2]).read().split()[-1]) / 1024
log = open(sys.argv[5]).read()
def stat(name):
    m = re.search(r"^" + re.escape(name) + r" +(\d+)$", log, re.M)
    return int(m.group(1)) if m else 0
data = stat("sctp.chunk_type.0")
dup = f"{stat('sctp.duplicate') / data:.1%}" if data else ""
per_msg = f"{t['frames'] / t['messages']:.2f}" if t["messages"] else ""
print(f"| {sys.argv[3]} | {w} | {t['frames_per_s']/w:,.0f} | {t['messages_per_s']/w:,.0f} | "
      f"{t['frames_per_cpu_s']:,.0f} | {t['messages_per_cpu_s']:,.0f} | {per_msg} | {dup} | "
      f"{t['gbit_per_s']/w:.2f} | {t['messages_per_s']:,.0f} | {rss:.0f} |")
PY
}
bench_row() {  # the core pipeline over the capture in memory, CPU time
  "$build/bench/decode_bench" "$work/cap.pcap" "$secs" >"$work/bench.json"
  python3 - "$work/bench.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"| core pipeline from memory (decode_bench) | 1 | | | {d['frames_per_s']:,.0f} | "
      f"{d['messages_per_s']:,.0f} | {d['frames_per_pass'] / d['messages_per_pass']:.2f} | | | | |")
PY
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) vCPUs (KVM, shared); $(date -u '+%F %H:%M') UTC"
echo "capture: siggen mix, $n messages, seed 1, $(stat -c %s "$work/cap.pcap") bytes; ${secs}s per run"
echo
echo "| run | workers | frames/s per worker | messages/s per worker | frames/s per worker CPU s | messages/s per worker CPU s | frames per message | DATA chunks dropped as retransmitted | Gbit/s per worker | messages/s total | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
sigsift '(0-1)@(0-1)' drop --drop;            row "receive and drop (I/O floor)" drop 1
sigsift '(0-1)@(0-1)' decode;                 row "decode only" decode 1
bench_row
for k in 1 10 100; do
  for w in 1 2; do
    sigsift "(0-$w)@(0-1)" "kw${k}k_w$w" --rules "$work/kw${k}k.txt"
    row "decode + judge, ${k}k keywords" "kw${k}k_w$w" "$w"
  done
done
sigsift '(0-1)@(0-1)' kw10k_ev --rules "$work/kw10k.txt" --events /dev/null
row "decode + judge, 10k keywords, events to /dev/null" kw10k_ev 1
echo
echo "Judging without decode: the capture's messages (sender and text from the generator's truth), bench/match_floor, median ns/message of alternating rounds (CPU time), ${secs}s"
echo
echo "| keywords | bytes/text presented | texts hit | Hyperscan alone ns (M msg/s) | normalise ns | judge ns | + summary ns | + event line ns | judging beyond Hyperscan, no events | judged run, 1 worker, messages/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in 1 10 100; do
  "$build/bench/match_floor" "$work/msgs.txt" "$work/kw${k}k.txt" "$secs" >"$work/floor$k.json"
  python3 - "$work/floor$k.json" "$work/kw${k}k_w1.json" "$k" <<'PY'
import json, sys
f = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2]))["total"]["messages_per_s"]
scan = f["scan_ns"]
print(f"| {sys.argv[3]}k | {f['bytes_per_text']:.1f} | {f['hit_fraction']:.1%} | {scan:.0f} ({1e3 / scan:.2f}) | "
      f"{f['normalise_ns']:.0f} | {f['judge_ns']:.0f} | {f['screen_ns']:.0f} | {f['events_ns']:.0f} | "
      f"{(f['screen_ns'] - scan) / scan:.0%} | {r:,.0f} |")
PY
done
echo
"$build/bench/norm_bench" 100000 10
