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

bench_decode() {
  local n=${DECODE_MESSAGES:-50000}
  local cap=$work/decode.pcap
  $build/tools/siggen/siggen --count "$n" --seed 1 --out "$cap" --truth "$work/decode.truth.jsonl" >/dev/null
  local frames; frames=$(tshark -r "$cap" -T fields -e frame.number 2>/dev/null | wc -l)
  local ours; ours=$($build/bench/decode_bench "$cap" 5)
  local t0 t1
  t0=$(date +%s.%N)
  tshark -r "$cap" -o sctp.reassembly:TRUE -T fields -e gsm_sms.sms_text >/dev/null 2>&1
  t1=$(date +%s.%N)
  local ts_s; ts_s=$(echo "$t1 - $t0" | bc -l)
  local ours_mps; ours_mps=$(echo "$ours" | json_field messages_per_s)
  local ours_pps; ours_pps=$(echo "$ours" | json_field parts_per_s)
  local ours_fps; ours_fps=$(echo "$ours" | json_field frames_per_s)
  local ours_gbps; ours_gbps=$(echo "$ours" | json_field gbit_per_s)
  local ts_mps; ts_mps=$(echo "$n / $ts_s" | bc -l)
  local ts_fps; ts_fps=$(echo "$frames / $ts_s" | bc -l)
  echo
  echo "### Decode only, one core, from memory ($n messages, $frames frames, siggen mix, seed 1)"
  echo
  echo "| decoder | messages/s | parts/s | frames/s | Gbit/s |"
  echo "|---|---:|---:|---:|---:|"
  printf "| sigsift core | %.0f | %.0f | %.0f | %.2f |\n" "$ours_mps" "$ours_pps" "$ours_fps" "$ours_gbps"
  printf "| tshark 4.0 (fields, sctp reassembly) | %.0f | | %.0f | |\n" "$ts_mps" "$ts_fps"
  printf "| ratio sigsift / tshark | %.0fx | | %.0fx | |\n" "$(echo "$ours_mps / $ts_mps" | bc -l)" "$(echo "$ours_fps / $ts_fps" | bc -l)"
}

for b in "${@:-decode}"; do
  "bench_$b"
done
