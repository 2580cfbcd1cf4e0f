#!/usr/bin/env bash
# Detection quality: how much of the spam in labelled SMS corpora a rule
# library flags, and how much of the ham, through the whole product path:
# siggen turns the corpus into tap traffic (GSM 7-bit or UCS2, concatenated
# parts, both directions), `sigsift scan --all` decodes, normalises and
# judges every message, bench/detection.py joins the verdicts to the labels.
# Corpora: ../shared/data/corpus when present (the China Mobile 80w
# sample, labels 0/1; the UCI SMS Spam Collection, ham/spam), and the
# bundled tools/siggen/corpus/default.tsv (written by the team beside the
# rules, so no independent measure). Each corpus is split by line into two
# halves: "dev" (odd lines), the one to read when writing rules, and
# "held-out" (even lines), the one whose figures say how the library does
# on texts nobody tuned it on. Each half is sampled three times its size
# (siggen draws lines at random), seed 1. An operator's own labelled
# samples are measured the same way: NAME=FILE.tsv arguments (label 0/1 or
# ham/spam, a tab, the text) are added to, or with SHARED=no replace, the
# corpora above.
# Usage: bench/detection.sh [BUILD_DIR] [NAME=FILE.tsv]...
#        (RULES=rules: files or folders; SHARED=no: only the NAME=FILE corpora)
set -euo pipefail
build="build-bench"
if [ $# -gt 0 ] && [[ $1 != *=* ]]; then build=$1; shift; fi
own=()  # NAME=FILE with FILE made absolute: the script moves to the tree's root
for arg in "$@"; do
  name=${arg%%=*} file=${arg#*=}
  if [ "$name" = "$arg" ] || [ ! -f "$file" ]; then
    echo "detection.sh: want NAME=FILE.tsv with an existing file, got '$arg'" >&2
    exit 2
  fi
  own+=("$name=$(realpath "$file")")
done
cd "$(dirname "$0")/.."
rules=${RULES:-rules}
shared=../shared/data/corpus
[ -f "$build/build.ninja" ] || meson setup "$build" -Dbuildtype=release >/dev/null
ninja -C "$build" dataplane/cli/sigsift tools/siggen/siggen >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

corpora=()
add_corpus() {  # NAME FILE: labels 1/spam and 0/ham, comments and blank lines dropped
  [ -f "$2" ] || return 0
  awk -F'\t' -v dev="$work/$1-dev.tsv" -v held="$work/$1-held-out.tsv" '
    /^#/ || NF < 2 { next }
    { label = $1 == "1" || $1 == "spam" ? "spam" : $1 == "0" || $1 == "ham" ? "ham" : ""
      if (label == "") { printf "%s:%d: label %s is not 0/1/ham/spam\n", FILENAME, FNR, $1 > "/dev/stderr"; exit 1 }
      sub(/^[^\t]*\t/, ""); n++
      print label "\t" $0 > (n % 2 ? dev : held) }' "$2"
  for half in dev held-out; do  # a corpus of one line has no held-out half
    if [ -s "$work/$1-$half.tsv" ]; then corpora+=("$1-$half"); fi
  done
}
if [ "${SHARED:-yes}" != no ]; then
  add_corpus cn80w "$shared/cn_sms_80w_first10000.txt"
  add_corpus uci "$shared/smsspamcollection/SMSSpamCollection"
  add_corpus default tools/siggen/corpus/default.tsv
fi
for arg in ${own[@]+"${own[@]}"}; do
  add_corpus "${arg%%=*}" "${arg#*=}"
done
[ ${#corpora[@]} -gt 0 ] || { echo "detection.sh: no corpus to measure" >&2; exit 2; }

args=()
for c in "${corpora[@]}"; do
  n=$(($(wc -l <"$work/$c.tsv") * 3))
  "$build/tools/siggen/siggen" --corpus "$work/$c.tsv" --count "$n" --seed 1 \
    --out "$work/$c.pcap" --truth "$work/$c.truth.jsonl" >/dev/null 2>"$work/siggen.err" ||
    { cat "$work/siggen.err" >&2; exit 1; }
  "$build/dataplane/cli/sigsift" scan --rules "$rules" --all --quiet \
    --events "$work/$c.events.jsonl" "$work/$c.pcap"
  args+=("$c=$work/$c.truth.jsonl,$work/$c.events.jsonl")
done
echo "rules: $rules ($(git describe --always --dirty 2>/dev/null || echo 'not a git checkout')); $(date -u '+%F %H:%M') UTC"
echo
python3 bench/detection.py "${args[@]}"
