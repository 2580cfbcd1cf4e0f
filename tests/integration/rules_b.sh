# Sourced by the tests that compare two rule sets (hot_swap.sh,
# rules_diff.sh). rules_b DIR: writes rule set B into DIR — two files of
# the library plus words common in siggen's corpus, so that A (the
# library) and B judge many generated messages differently. The README
# travels with it, for the oracle's normalisation table. POSIX sh.
rules_b() {
    mkdir -p "$1"
    cp "$ROOT/rules/README.md" "$ROOT/rules/fraud.rules" "$ROOT/rules/phishing.rules" "$1/"
    cat >"$1/swap.rules" <<'RULES'
# words common in siggen's corpus
swap.dear  advertising alert literal - dear
swap.meet  advertising block literal - meeting
swap.cn    advertising alert literal - 明天
RULES
}
