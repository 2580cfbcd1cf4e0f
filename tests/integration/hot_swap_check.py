#!/usr/bin/env python3
"""Checks the verdict stream of a `sigsift run --all` during hot swaps
(tests/integration/hot_swap.sh).

    hot_swap_check.py TRUTH.jsonl EVENTS.jsonl PUSHED OUT_DIR [SENDER K]

PUSHED: one version per line, the active rule set at start, then the one
each successful swap (push or rollback) made active, in order.
For every message exactly one event exists (joined by ts, sender, text);
each worker's events, in the order it wrote them, carry the versions of
PUSHED as one run each: a prefix of PUSHED, no version skipped, none
returning (so each worker switched at exactly one point per swap).
With SENDER and K, SENDER was put on the blocklist after swap K and
before swap K + 1: each worker's events from SENDER after its K-th
switch are all "block", and those from the K-th switch on are left out
of the oracle's share (those before it are the rules' verdicts).
Then the events are split by version into OUT_DIR/<version>.events and
the truth messages they judged into OUT_DIR/<version>.truth, for the
reference matcher (e2e_oracle.py) to judge with that version's rules.
Prints PASS/FAIL lines and "N passed, N failed".
"""
import collections
import json
import os
import sys


def main():
    truth_path, events_path, pushed_path, out_dir = sys.argv[1:5]
    blocked, k = (sys.argv[5], int(sys.argv[6])) if len(sys.argv) > 6 else (None, 0)
    pushed = [int(l) for l in open(pushed_path) if l.strip()]
    truth = collections.defaultdict(list)
    for line in open(truth_path, encoding="utf-8"):
        t = json.loads(line)
        truth[(t["ts"], t["sender"], t["text"])].append(line)
    events = [json.loads(l) for l in open(events_path, encoding="utf-8")]
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        print(("PASS " if ok else "FAIL ") + what)
        passed, failed = passed + ok, failed + (not ok)

    n_truth = sum(len(v) for v in truth.values())
    keys = collections.Counter((e["ts"], e["sender"], e["text"]) for e in events)
    extra = sum(max(0, n - len(truth.get(k, []))) for k, n in keys.items())
    missing = sum(max(0, len(v) - keys[k]) for k, v in truth.items())
    check(len(events) == n_truth and extra == 0 and missing == 0,
          "one event per message: %d events, %d truth messages, %d without truth, %d missing"
          % (len(events), n_truth, extra, missing))

    runs = collections.defaultdict(list)
    for e in events:
        r = runs[e["worker"]]
        if not r or r[-1][0] != e["ruleset"]:
            r.append([e["ruleset"], 0])
        r[-1][1] += 1
        e["run"] = len(r) - 1
    for w in sorted(runs):
        seq = [v for v, _ in runs[w]]
        desc = " -> ".join("%d (%d msgs)" % (v, n) for v, n in runs[w])
        check(seq == pushed[:len(seq)] and len(seq) >= 2,
              "worker %d: versions switch once per swap, in push order: %s" % (w, desc))
    check(set(runs) and max(len(r) for r in runs.values()) == len(pushed),
          "some worker saw all %d swaps" % (len(pushed) - 1))

    if blocked is not None:
        after = [e for e in events if e["sender"] == blocked and e["run"] > k]
        wrong = [e for e in after
                 if e["verdict"] != "block" or e.get("sender_list") != "blocklist"]
        check(bool(after) and not wrong,
              "blocklisted sender %s: %d messages judged after swap %d, %d not blocked by the list"
              % (blocked, len(after), k + 1, len(wrong)))
        events = [e for e in events if e["sender"] != blocked or e["run"] < k]
    stray = [e for e in events if e.get("sender_list") is not None]
    check(not stray, "no other event names a sender list (%d do)" % len(stray))

    os.makedirs(out_dir, exist_ok=True)
    by_version = collections.defaultdict(list)
    for e in events:
        e.pop("run")
        by_version[e["ruleset"]].append(e)
    for v, evs in by_version.items():
        left = {k: list(l) for k, l in truth.items()}
        with open(os.path.join(out_dir, "%d.events" % v), "w", encoding="utf-8") as fe, \
             open(os.path.join(out_dir, "%d.truth" % v), "w", encoding="utf-8") as ft:
            for e in evs:
                fe.write(json.dumps(e, ensure_ascii=False) + "\n")
                k = (e["ts"], e["sender"], e["text"])
                if left.get(k):
                    ft.write(left[k].pop())
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
