#!/usr/bin/env bash
# Integration: for generated captures of every siggen variant, `sigsift
# decode` must equal the generator's truth exactly and tshark's decode; for
# every capture in ../shared/data/pcap (when present) it must equal tshark's.
# Usage: tests/integration/decode.sh [BUILD_DIR]   (default: build)
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
sigsift=$build/dataplane/cli/sigsift
siggen=$build/tools/siggen/siggen
here=tests/integration
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

check() { # name, command...
  local name=$1; shift
  if out=$("$@" 2>&1); then
    pass=$((pass + 1)); echo "ok   $name: ${out##*$'\n'}"
  else
    fail=$((fail + 1)); echo "FAIL $name"; echo "$out" | sed 's/^/     /' | head -30
  fi
}

decode() { # capture -> jsonl
  "$sigsift" decode --quiet "$1" >"$2"
}

variants=$("$siggen" --help 2>&1 | awk '/^variants:/ {f = 1; next} f {print $1}')
for v in $variants; do
  cap=$work/$v.pcap truth=$work/$v.truth.jsonl ours=$work/$v.jsonl
  "$siggen" --variant "$v" --count 300 --seed 7 --out "$cap" --truth "$truth" || { fail=$((fail + 1)); echo "FAIL siggen $v"; continue; }
  decode "$cap" "$ours" || { fail=$((fail + 1)); echo "FAIL decode $v"; continue; }
  check "truth/$v" python3 $here/compare_truth.py "$truth" "$ours"
  check "tshark/$v" python3 $here/compare_tshark.py "$cap" "$ours"
done

# The table options reach the tables: three TCAP dialogue halves overflow
# on interleaved dialogues, the default table does not.
# The statistics are captured whole before grep reads them: under pipefail a
# `sigsift | grep -q` fails whenever grep leaves before sigsift's last line.
tables() {
  local cap=$work/interleave.pcap small full
  small=$("$sigsift" decode --tcap-slots 3 "$cap" 2>&1 >/dev/null) || return 1
  full=$("$sigsift" decode "$cap" 2>&1 >/dev/null) || return 1
  grep -q '^tcap_txn.table_full ' <<<"$small" &&
    ! grep -q '^tcap_txn.table_full ' <<<"$full" &&
    echo "tcap_txn.table_full with --tcap-slots 3, none by default"
}
check "table options" tables

shared=../shared/data/pcap
if [ -d "$shared" ]; then
  while IFS= read -r cap; do
    name=${cap#"$shared"/}
    opts=()
    case $name in
      isup.pcap) opts=(-o "m3ua.version:Internet draft version 6") ;;
      japan_tcap_over_m2pa.pcap) opts=(-o mtp3.standard:Japan) ;;
    esac
    decode "$cap" "$work/shared.jsonl" || { fail=$((fail + 1)); echo "FAIL decode $name"; continue; }
    check "tshark/shared/$name" python3 $here/compare_tshark.py "$cap" "$work/shared.jsonl" "${opts[@]}"
  done < <(find "$shared" -name '*.pcap' -o -name '*.cap' | sort)
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
