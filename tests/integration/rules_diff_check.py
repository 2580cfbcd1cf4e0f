#!/usr/bin/env python3
"""Checks `sigsiftctl --json rules diff OLD NEW --on CAPTURE` against the
reference matcher (e2e_oracle.py, written from rules/README.md) applied
to siggen's truth texts: the messages reported are exactly those whose
verdict the oracle changes between OLD and NEW, each with the oracle's
old and new verdict and rules, and the closing line counts them.

    rules_diff_check.py OLD_DIR NEW_DIR TRUTH.jsonl DIFF.jsonl

Prints PASS/FAIL lines; exits 1 on any failure.
"""
import json
import os
import sys

import e2e_oracle as oracle


def load(rules_dir):
    normalize = oracle.make_normalize(oracle.variant_pairs(os.path.join(rules_dir, "README.md")))
    rules = oracle.load_rules([rules_dir])
    oracle.compile_rules(rules, normalize)
    return rules, normalize, {r.id for r in rules if r.skip}


def main():
    old_dir, new_dir, truth_path, diff_path = sys.argv[1:5]
    sides = [load(old_dir), load(new_dir)]
    skipped = sides[0][2] | sides[1][2]
    want = {}
    truth = [json.loads(l) for l in open(truth_path, encoding="utf-8")]
    for t in truth:
        v = [oracle.judge(rules, norm, t["text"]) for rules, norm, _ in sides]
        if v[0][1] != v[1][1]:
            want[(t["ts"], t["sender"], t["text"])] = v
    lines = [json.loads(l) for l in open(diff_path, encoding="utf-8")]
    summary, changes = lines[-1], lines[:-1]
    fails = []
    got = set()
    for c in changes:
        key = (c["ts"], c["sender"], c["text"])
        got.add(key)
        if set(c["old"]["rules"] + c["new"]["rules"]) & skipped:
            continue
        if key not in want:
            fails.append("reported, but the oracle keeps its verdict: %r" % (key,))
            continue
        for side, v in zip(("old", "new"), want[key]):
            if c[side]["verdict"] != v[1] or set(c[side]["rules"]) != set(v[0]):
                fails.append("%s %r: sigsift %s %s, oracle %s %s" % (
                    side, c["text"][:60], c[side]["verdict"], c[side]["rules"], v[1],
                    sorted(v[0])))
    missing = [k for k in want if k not in got]
    fails += ["not reported: %r" % (k,) for k in missing]
    if fails:
        print("FAIL %d disagreements with the oracle, e.g.:" % len(fails))
        for f in fails[:10]:
            print("    " + f)
    else:
        print("PASS %d of %d messages change verdict, each with the oracle's old and new "
              "verdict and rules" % (len(changes), len(truth)))
    counts_ok = (summary.get("ok") is True and summary["judged"] == len(truth)
                 and summary["changed"] == len(changes) and summary["failed"] == 0)
    print("%s closing line %s" % ("PASS" if counts_ok else "FAIL", json.dumps(summary)))
    return 0 if counts_ok and not fails else 1


if __name__ == "__main__":
    sys.exit(main())
