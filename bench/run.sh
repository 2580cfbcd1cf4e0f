#!/usr/bin/env bash
# Benchmarks, each measured side by side with its baseline in one run.
# Usage: bench/run.sh [decode]...   (default: all)
# Prints markdown tables; bench/README.md holds the latest figures.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
build=build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
machine=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
echo "machine: $machine, $(nproc) cores; $(date -u +%F)"

json_field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

# Decode: the core pipeline from memory on one core (bench/decode_bench,
# built with link-time optimisation in its own build directory, since the
# decoders are many small functions across files), against tshark on the
# same capture in the same run. Both are timed in CPU seconds (user + sys)
# and run in alternating rounds, the best round of each kept: the machine
# is shared, so a single round is noisy.
bench_decode() {
  local n=${DECODE_MESSAGES:-100000} secs=${DECODE_SECONDS:-3} rounds=${DECODE_ROUNDS:-3}
  local lto=build-bench-lto
  [ -f $lto/build.ninja ] || meson setup $lto -Db_lto=true -Dtests=false >/dev/null
  ninja -C $lto bench/decode_bench tools/siggen/siggen >/dev/null
  local cap=$work/decode.pcap
  $lto/tools/siggen/siggen --count "$n" --seed 1 --out "$cap" --truth "$work/decode.truth.jsonl" >/dev/null
  local ours="" best_pps=0 ts_cpu="" ts_wall="" r run pps ts cpu
  for r in $(seq "$rounds"); do
    run=$($lto/bench/decode_bench "$cap" "$secs")
    pps=$(echo "$run" | json_field parts_per_s)
    if [ "$(echo "$pps > $best_pps" | bc -l)" = 1 ]; then ours=$run best_pps=$pps; fi
    ts=$( { TIMEFORMAT='%U %S %R'; time tshark -r "$cap" -o sctp.reassembly:TRUE \
        -T fields -e gsm_sms.sms_text >/dev/null 2>&1; } 2>&1 )
    cpu=$(echo "$ts" | awk '{print $1 + $2}')
    if [ -z "$ts_cpu" ] || [ "$(echo "$cpu < $ts_cpu" | bc -l)" = 1 ]; then
      ts_cpu=$cpu ts_wall=$(echo "$ts" | awk '{print $3}')
    fi
  done
  ours_field() { echo "$ours" | json_field "$1"; }
  local mps pps fps gbps msgs parts frames
  mps=$(ours_field messages_per_s) pps=$(ours_field parts_per_s)
  fps=$(ours_field frames_per_s) gbps=$(ours_field gbit_per_s)
  msgs=$(ours_field messages_per_pass) parts=$(ours_field parts_per_pass)
  frames=$(ours_field frames_per_pass)
  local ts_mps ts_pps ts_fps
  ts_mps=$(echo "$msgs / $ts_cpu" | bc -l) ts_pps=$(echo "$parts / $ts_cpu" | bc -l)
  ts_fps=$(echo "$frames / $ts_cpu" | bc -l)
  echo
  echo "### Decode only, one core, from memory ($msgs messages, $parts parts, $frames frames, siggen mix, seed 1; best of $rounds rounds)"
  echo
  echo "| decoder | messages/s | parts/s | frames/s | Gbit/s | CPU s | wall s |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf "| sigsift core (decode_bench, LTO) | %.0f | %.0f | %.0f | %.2f | %.1f | %.1f |\n" \
    "$mps" "$pps" "$fps" "$gbps" "$(ours_field cpu_seconds)" "$(ours_field wall_seconds)"
  printf "| tshark 4.0 (fields, sctp reassembly), one pass | %.0f | %.0f | %.0f | | %.1f | %.1f |\n" \
    "$ts_mps" "$ts_pps" "$ts_fps" "$ts_cpu" "$ts_wall"
  printf "| ratio sigsift / tshark | %.0fx | %.0fx | %.0fx | | | |\n" \
    "$(echo "$mps / $ts_mps" | bc -l)" "$(echo "$pps / $ts_pps" | bc -l)" "$(echo "$fps / $ts_fps" | bc -l)"
  printf "| goal: parts/s | | 5000000 | | | | |\n"
}

for b in "${@:-decode}"; do
  "bench_$b"
done
