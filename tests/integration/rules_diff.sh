#!/bin/sh
# `sigsiftctl rules diff OLD NEW --on INPUT` (issue 4), a dry run of a
# rule change, on a siggen capture whose truth the reference matcher
# (e2e_oracle.py) judges independently:
#   - bundles compiled from folders, on the pcap: exactly the messages the
#     oracle's verdict changes for, with old/new verdict and rules
#     (rules_diff_check.py);
#   - the same capture as pcapng (editcap), and the rule folders in place
#     of the bundles: the same changes;
#   - a label<TAB>text corpus of the same texts: the same count;
#   - exit statuses: 0 with or without changes, 1 for an input that does
#     not load, 2 for a bad command line; with --exit-code, 1 when any
#     verdict changes (the same changes printed) and 0 when none does.
#
# usage: tests/integration/rules_diff.sh [path/to/sigsiftctl]
# Prints "N passed, N failed"; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/integration
CTL=${1:-${SIGSIFTCTL:-$ROOT/build/control/sigsiftctl}}
BUILD=$(cd "$(dirname "$CTL")/.." && pwd)
SIGGEN=${SIGGEN:-$BUILD/tools/siggen/siggen}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | tail -20; }

for tool in "$CTL" "$SIGGEN"; do
    if [ ! -x "$tool" ]; then
        echo "no $tool (build first)"
        echo "0 passed, 1 failed"
        exit 1
    fi
done

. "$HERE/rules_b.sh"
A=$ROOT/rules
B=$TMP/rulesB
rules_b "$B"
"$SIGGEN" --count 4000 --seed 21 --out "$TMP/cap.pcap" --truth "$TMP/truth.jsonl" 2>/dev/null
"$CTL" rules compile "$A" -o "$TMP/A.ssb" >/dev/null && "$CTL" rules compile "$B" -o "$TMP/B.ssb" >/dev/null ||
    ko "rules compile of the folders"

"$CTL" --json rules diff "$TMP/A.ssb" "$TMP/B.ssb" --on "$TMP/cap.pcap" >"$TMP/diff.jsonl" 2>"$TMP/diff.err"
rc=$?
[ $rc = 0 ] && ok "diff of two bundles on a pcap exits 0" || ko "diff exit $rc" "$TMP/diff.err"
python3 "$HERE/rules_diff_check.py" "$A" "$B" "$TMP/truth.jsonl" "$TMP/diff.jsonl" >"$TMP/check" 2>&1
cat "$TMP/check"
pass=$((pass + $(grep -c '^PASS' "$TMP/check")))
fail=$((fail + $(grep -c '^FAIL\|Traceback' "$TMP/check")))

if command -v editcap >/dev/null; then
    editcap -F pcapng "$TMP/cap.pcap" "$TMP/cap.pcapng"
    "$CTL" --json rules diff "$A" "$B" --on "$TMP/cap.pcapng" >"$TMP/diffng.jsonl" 2>&1
    cmp -s "$TMP/diff.jsonl" "$TMP/diffng.jsonl" &&
        ok "pcapng and rule folders: the same $(($(wc -l <"$TMP/diff.jsonl") - 1)) changes" ||
        ko "pcapng / folders differ from pcap / bundles" "$TMP/diffng.jsonl"
else
    echo "SKIP pcapng: no editcap"
fi

python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(l); print("%s\t%s" % (t["label"], t["text"].replace("\n", " ").replace("\t", " ")))' \
    "$TMP/truth.jsonl" >"$TMP/corpus.tsv"
"$CTL" rules diff "$TMP/A.ssb" "$TMP/B.ssb" --on "$TMP/corpus.tsv" >"$TMP/corpus.out" 2>&1
want=$(sed -n 's/.*"changed":\([0-9]*\).*/\1/p' "$TMP/diff.jsonl")
last=$(tail -1 "$TMP/corpus.out")
case "$last" in
"$want of 4000 messages change verdict; 0 scans failed") ok "corpus of the same texts: $last" ;;
*) ko "corpus: '$last', want $want changes" "$TMP/corpus.out" ;;
esac

"$CTL" rules diff "$TMP/A.ssb" "$A" --on "$TMP/cap.pcap" >"$TMP/same.out" 2>&1
rc=$?
[ $rc = 0 ] && grep -q '^0 of 4000 messages change verdict' "$TMP/same.out" &&
    ok "a bundle against its own folder: 0 changes, exit 0" || ko "same rules: exit $rc" "$TMP/same.out"
"$CTL" rules diff "$A" "$B" >"$TMP/u.out" 2>&1
rc1=$?
"$CTL" rules diff "$A" "$B" --on "$TMP/nonexistent.pcap" >"$TMP/n.out" 2>&1
rc2=$?
"$CTL" rules diff "$A" "$TMP/rulesB/swap.rules" --on "$TMP/cap.pcap" >/dev/null 2>&1
rc3=$?
"$CTL" rules diff "$A" "$TMP/missing" --on "$TMP/cap.pcap" >"$TMP/m.out" 2>&1
rc4=$?
[ $rc1 = 2 ] && [ $rc2 = 1 ] && [ $rc3 = 0 ] && [ $rc4 = 1 ] &&
    ok "exit statuses: no --on 2, unreadable input 1, rule file 0, missing rules 1 ($(cat "$TMP/m.out"))" ||
    ko "exit statuses: no --on $rc1, unreadable $rc2, rule file $rc3, missing rules $rc4" "$TMP/n.out"

# --exit-code: as git diff --exit-code, 1 on a change, 0 on none; the
# changes printed are the same as without it.
"$CTL" --json rules diff "$TMP/A.ssb" "$TMP/B.ssb" --on "$TMP/cap.pcap" --exit-code \
    >"$TMP/ec.jsonl" 2>"$TMP/ec.err"
rc5=$?
"$CTL" rules diff "$TMP/A.ssb" "$A" --on "$TMP/cap.pcap" --exit-code >"$TMP/ec0.out" 2>&1
rc6=$?
[ $rc5 = 1 ] && [ $rc6 = 0 ] && cmp -s "$TMP/diff.jsonl" "$TMP/ec.jsonl" && [ ! -s "$TMP/ec.err" ] &&
    ok "--exit-code: changes exit 1 (same $want changes printed), none exit 0" ||
    ko "--exit-code: changes exit $rc5, none exit $rc6" "$TMP/ec.err"
"$CTL" rules diff --help 2>&1 | grep -q -- "--exit-code" &&
    ok "--exit-code in --help" || ko "--exit-code missing from --help"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
