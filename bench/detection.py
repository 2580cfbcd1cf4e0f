#!/usr/bin/env python3
"""Detection quality of a rule library on labelled short messages: how
much of the spam the whole pipeline flags, and how much of the ham.

    detection.py NAME=TRUTH.jsonl,EVENTS.jsonl [NAME=...]...

TRUTH is siggen's ground truth of a capture made from a labelled corpus
(labels "spam" and "ham"); EVENTS is `sigsift scan --all --events` of
that capture. Each event is joined to the generated message it reports
by (ts, sender, text); a message with no event, or an event with no
message, is an error. A message is flagged when its verdict is not
"pass". Prints markdown: one row per NAME, then the categories each
label was flagged with, then the rules that flagged the most distinct
ham texts (where to look first when a library flags too much).
"""
import collections
import json
import sys


def key(record):
    return (record["ts"], record["sender"], record["text"])


def load_truth(path):
    labels = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if key(r) in labels:
            sys.exit("%s: two messages share ts, sender and text: %r" % (path, key(r)))
        if r["label"] not in ("spam", "ham"):
            sys.exit("%s: label %r is neither spam nor ham" % (path, r["label"]))
        labels[key(r)] = r["label"]
    return labels


class Tally:
    def __init__(self):
        self.messages = collections.Counter()  # label -> messages
        self.flagged = collections.Counter()  # label -> flagged messages
        self.blocked = collections.Counter()  # label -> blocked messages
        self.categories = collections.Counter()  # (label, category) -> messages
        self.ham_rules = collections.defaultdict(set)  # rule -> distinct ham texts
        self.texts = collections.defaultdict(set)  # label -> distinct texts

    def add(self, label, event):
        self.messages[label] += 1
        self.texts[label].add(event["text"])
        if event["verdict"] == "pass":
            return
        self.flagged[label] += 1
        self.blocked[label] += event["verdict"] == "block"
        for c in event["categories"]:
            self.categories[(label, c)] += 1
        if label == "ham":
            for rule in event["rules"]:
                self.ham_rules[rule].add(event["text"])


def tally(truth, events):
    labels = load_truth(truth)
    t = Tally()
    seen = set()
    for line in open(events, encoding="utf-8"):
        e = json.loads(line)
        k = key(e)
        if k not in labels or k in seen:
            sys.exit("%s: event for no generated message, or twice: %r" % (events, k))
        seen.add(k)
        t.add(labels[k], e)
    if len(seen) != len(labels):
        sys.exit("%s: %d messages generated, %d judged" % (events, len(labels), len(seen)))
    return t


def pct(n, d):
    return "%.1f%%" % (100.0 * n / d) if d else "-"


def main():
    runs = []
    for arg in sys.argv[1:]:
        name, paths = arg.split("=", 1)
        truth, events = paths.split(",")
        runs.append((name, tally(truth, events)))
    if not runs:
        sys.exit(__doc__)

    print("| corpus | messages (distinct texts) | spam | spam flagged | spam blocked "
          "| ham flagged | ham blocked | precision |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, t in runs:
        total = t.messages["spam"] + t.messages["ham"]
        distinct = len(t.texts["spam"]) + len(t.texts["ham"])
        flagged = t.flagged["spam"] + t.flagged["ham"]
        print("| %s | %d (%d) | %s | %s | %s | %s | %s | %s |" % (
            name, total, distinct, pct(t.messages["spam"], total),
            pct(t.flagged["spam"], t.messages["spam"]), pct(t.blocked["spam"], t.messages["spam"]),
            pct(t.flagged["ham"], t.messages["ham"]), pct(t.blocked["ham"], t.messages["ham"]),
            pct(t.flagged["spam"], flagged)))

    print("\nMessages flagged with each category (spam / ham, of that label's messages):\n")
    cats = sorted({c for _, t in runs for (_, c) in t.categories})
    print("| corpus | " + " | ".join(cats) + " |")
    print("|---|" + "---:|" * len(cats))
    for name, t in runs:
        cells = ["%s / %s" % (pct(t.categories[("spam", c)], t.messages["spam"]),
                              pct(t.categories[("ham", c)], t.messages["ham"])) for c in cats]
        print("| %s | %s |" % (name, " | ".join(cells)))

    print("\nRules that flagged the most distinct ham texts:\n")
    print("| corpus | rule: ham texts |")
    print("|---|---|")
    for name, t in runs:
        top = sorted(t.ham_rules.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:8]
        print("| %s | %s |" % (name, ", ".join("%s: %d" % (r, len(s)) for r, s in top) or "none"))


if __name__ == "__main__":
    main()
