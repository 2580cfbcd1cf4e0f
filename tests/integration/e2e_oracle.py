#!/usr/bin/env python3
"""Reference matcher for the end-to-end test (tests/integration/e2e_rules.sh).

Written from rules/README.md alone (its "Normalisation" table, variant
list, rule kinds and verdict precedence), not from dataplane/match/, so
that a verdict both agree on is evidence rather than a copy.

    e2e_oracle.py RULES_DIR TRUTH.jsonl EVENTS.jsonl [--flagged-only]

TRUTH is siggen's ground truth (one line per message, the text as sent);
EVENTS are sigsift's verdict events (`--all`, or flagged only). Each
event is joined to its truth message by (ts, sender, text); for every
message the oracle computes the reported rules from the truth text and
compares them, the verdict and the categories with the event's. With
--flagged-only, messages the oracle flags must have an event and the
others none. Prints PASS/FAIL lines and "N passed, N failed".

Where Python's `re` and Hyperscan could disagree, the oracle does not
guess: a regex is modelled only when every construct in it is in the
subset both implement alike (see REGEX_TOKEN); other regexes, and the
combinations naming them, are skipped, counted and printed, and
messages any skipped rule could affect are not judged by the oracle.
"""
import collections
import json
import os
import re
import sys

# ---------------------------------------------------------------- rules

ACTIONS = {"pass": 1, "alert": 2, "block": 3}  # README "Verdicts": block > alert


class Rule:
    def __init__(self, rid, category, action, kind, flags, pattern, where):
        self.id, self.category, self.action = rid, category, action
        self.kind, self.flags, self.pattern, self.where = kind, flags, pattern, where
        self.quiet = "q" in flags
        self.regex = None   # compiled, for regex rules the oracle models
        self.literal = None  # normalised, for literal rules
        self.skip = None    # why the oracle does not model it


def rule_files(path, depth=0):
    """README "Loading": folders in name order, *.rules and *.txt files
    and sub-folders, 8 levels at most."""
    if os.path.isfile(path):
        yield path
        return
    for name in sorted(os.listdir(path)):
        p = os.path.join(path, name)
        if os.path.isdir(p) and depth < 8:
            yield from rule_files(p, depth + 1)
        elif name.endswith(".rules") or name.endswith(".txt"):
            yield p


def load_rules(paths):
    rules = []
    for top in paths:
        for f in rule_files(top):
            base = os.path.basename(f)
            with open(f, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    line = line.rstrip("\n").rstrip()
                    if not line.strip() or line.lstrip().startswith("#"):
                        continue
                    if f.endswith(".txt"):
                        stem = base[: -len(".txt")]
                        rules.append(Rule("%s:%d" % (stem, n), stem, "alert", "literal", "",
                                          line.strip(), "%s:%d" % (f, n)))
                        continue
                    if line.startswith("@category"):
                        continue
                    fields = line.split(None, 5)
                    rid, cat, action, kind, flags, pattern = fields
                    rules.append(Rule(rid, cat, action, kind, "" if flags == "-" else flags,
                                      pattern, "%s:%d" % (f, n)))
    return rules


# -------------------------------------------------------- normalisation

def variant_pairs(readme):
    """The README's list of variant characters, 'X→y' separated by spaces."""
    text = open(readme, encoding="utf-8").read()
    start = text.index("Variant characters")
    block = text[start:text.index("Everything else", start)]
    pairs = {}
    for m in re.finditer(r"(\S)→(\S)", block):
        pairs[m.group(1)] = m.group(2)
    return pairs


REMOVED_RANGES = [
    (0x80, 0xA1), (0xA7, 0xA7), (0xAB, 0xAB), (0xAD, 0xAD), (0xB6, 0xB7), (0xBB, 0xBB),
    (0xBF, 0xBF),
    (0x0300, 0x036F), (0x20D0, 0x20FF),
    (0x1680, 0x1680), (0x180E, 0x180E), (0x2000, 0x206F),
    (0x2190, 0x21FF), (0x2500, 0x27BF), (0x2B00, 0x2BFF),
    (0x3000, 0x3004), (0x3008, 0x303F), (0x30FB, 0x30FB),
    (0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0xFE10, 0xFE1F), (0xFE30, 0xFE6B),
    (0xFEFF, 0xFEFF), (0xFF5F, 0xFF65), (0xE0000, 0xE007F),
    (0x1F000, 0x1FAFF),
]

# README: circled and similar digits 1-9 (first code point of each run), ⓪ → 0.
DIGIT_RUNS = [0x2460, 0x2474, 0x2488, 0x2776, 0x2780, 0x278A]


def digit_or_letter(cp):
    for first in DIGIT_RUNS:
        if first <= cp < first + 9:
            return chr(ord("1") + cp - first)
    if cp == 0x24EA:
        return "0"
    if 0x24B6 <= cp <= 0x24CF:
        return chr(ord("a") + cp - 0x24B6)
    if 0x24D0 <= cp <= 0x24E9:
        return chr(ord("a") + cp - 0x24D0)
    return None


def make_normalize(pairs):
    def one(ch):
        cp = ord(ch)
        if 0xFF01 <= cp <= 0xFF5E:  # full-width forms: their ASCII character, then as ASCII
            ch, cp = chr(cp - 0xFEE0), cp - 0xFEE0
        if cp < 0x80:
            if "A" <= ch <= "Z":
                return ch.lower()
            return ch if ("a" <= ch <= "z" or "0" <= ch <= "9") else ""
        mapped = digit_or_letter(cp)
        if mapped is not None:
            return mapped
        for lo, hi in REMOVED_RANGES:
            if lo <= cp <= hi:
                return ""
        return pairs.get(ch, ch)

    def normalize(text):
        return "".join(one(c) for c in text)

    return normalize


# ------------------------------------------------------------- regexes

# The subset where Hyperscan (UTF-8 mode, no UCP) and Python re (str,
# re.ASCII) agree on a normalised text (no newline, no ASCII upper case,
# no punctuation): literal characters that are not metacharacters,
# groups, alternation, ? * + and {m} {m,} {m,n} (not {,n}, which PCRE
# reads as text and Python as a repeat), . (one code point both ways;
# the text has no newline), \d (ASCII digits: re.ASCII), and classes of
# ASCII letters, digits and ranges of them. Anything else (lookaround,
# backreferences, anchors, \b \w \s, possessive or lazy quantifiers,
# inline options, escapes of non-ASCII, Unicode classes) is not modelled.
REGEX_TOKEN = re.compile(r"""
    \(\?:? | \( | \) | \| | \. | \\d
  | \{\d+(,\d*)?\}
  | [?*+]
  | \[[a-z0-9](-[a-z0-9])?([a-z0-9](-[a-z0-9])?)*\]
  | [^\\\[\](){}|.?*+^$]
""", re.X)


def regex_unmodelled(pattern):
    i = 0
    prev_quant = False
    while i < len(pattern):
        m = REGEX_TOKEN.match(pattern, i)
        if not m:
            return "construct at %r" % pattern[i:i + 6]
        tok = m.group(0)
        quant = tok in "?*+" or tok.startswith("{")
        if quant and prev_quant:
            return "lazy or possessive quantifier"
        if tok == "(?":
            return "inline group syntax"
        prev_quant = quant
        i = m.end()
    return None


def compile_rules(rules, normalize):
    by_id = {r.id: r for r in rules}
    for r in rules:
        if r.kind == "literal":
            r.literal = normalize(r.pattern)
        elif r.kind == "regex":
            why = regex_unmodelled(r.pattern)
            if why:
                r.skip = why
                continue
            flags = re.ASCII | (re.I if "i" in r.flags else 0) | (re.S if "s" in r.flags else 0)
            r.regex = re.compile(r.pattern, flags)
    for r in rules:
        if r.kind == "combination":
            names = re.findall(r"[A-Za-z0-9_.:-]+", r.pattern)
            bad = [n for n in names if by_id[n].skip]
            if bad:
                r.skip = "names unmodelled " + ",".join(bad)
    return by_id


def combination_holds(expr, hit_ids):
    """Hyperscan logical combination in block mode: judged over the whole
    message; ! binds tighter than &, & tighter than | (as Python's not,
    and, or)."""
    def term(m):
        tok = m.group(0)
        return {"&": " and ", "|": " or ", "!": " not ", "(": "(", ")": ")"}.get(
            tok, " %s " % (tok in hit_ids))
    py = re.sub(r"[A-Za-z0-9_.:-]+|[&|!()]", term, expr)
    return eval(py, {"__builtins__": {}})  # only True/False/and/or/not/()


# ------------------------------------------------------------- judging

TEXT_MAX = 8192  # bytes judged per message (dataplane/match/matcher.h)
VERDICT_RULES_MAX = 16  # rule ids listed per event (dataplane/match/policy.h)


def judge(rules, normalize, text):
    """Returns (reported rule ids, verdict, categories) per the README."""
    raw = text.encode("utf-8")
    if len(raw) > TEXT_MAX:
        text = raw[:TEXT_MAX].decode("utf-8", "ignore")
    norm = normalize(text)
    hit = set()
    for r in rules:
        if r.kind == "literal" and r.literal and r.literal in norm:
            hit.add(r.id)
        elif r.kind == "regex" and r.regex is not None and r.regex.search(norm):
            hit.add(r.id)
    for r in rules:
        if r.kind == "combination" and r.skip is None and combination_holds(r.pattern, hit):
            hit.add(r.id)
    reported = [r for r in rules if r.id in hit and not r.quiet]
    actions = {r.action for r in reported}
    if "pass" in actions:
        verdict, cats = "pass", {r.category for r in reported if r.action == "pass"}
    elif actions:
        verdict = max(actions, key=ACTIONS.get)
        cats = {r.category for r in reported}
    else:
        verdict, cats = "pass", set()
    return frozenset(r.id for r in reported), verdict, frozenset(cats)


# ----------------------------------------------------------------- main

# Keys of a verdict event, in order: the decode keys (README.md), then
# what judged it (issue 3; "report": a user's spam report, README.md).
EVENT_KEYS = ["ts", "dir", "opcode", "map_version", "sender", "recipient", "imsi", "smsc", "dcs",
              "parts", "text", "opc", "dpc", "calling_gt", "called_gt", "verdict", "categories",
              "rules", "sender_list", "report", "ruleset", "worker"]


def compare(e, want, skipped_ids):
    """None when event e agrees with the oracle's (rules, verdict,
    categories); else why not. Rules the oracle does not model are left
    out of both sides, and when sigsift reports one of them the verdict
    and categories are not compared (the oracle cannot know them)."""
    want_rules, want_verdict, want_cats = want
    got_rules = set(e["rules"])
    unsure = bool(got_rules & skipped_ids)
    got_rules -= skipped_ids
    if list(e) != EVENT_KEYS:
        return "keys %s" % list(e)
    if e["sender_list"] is not None:  # these runs put no sender on a list
        return "sender_list %r" % e["sender_list"]
    if e["report"] is not False:  # nor send any message to 12321
        return "report %r" % e["report"]
    if len(want_rules) > VERDICT_RULES_MAX:
        ok = got_rules <= want_rules
    else:
        ok = got_rules == want_rules
    if not unsure:
        ok = ok and e["verdict"] == want_verdict and set(e["categories"]) == want_cats
    if ok:
        return None
    return "%r: sigsift %s %s %s, oracle %s %s %s" % (
        e["text"][:80], e["verdict"], sorted(e["rules"]), sorted(e["categories"]), want_verdict,
        sorted(want_rules), sorted(want_cats))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flagged_only = "--flagged-only" in sys.argv
    rules_dir, truth_path, events_path = args
    readme = os.path.join(rules_dir, "README.md")
    normalize = make_normalize(variant_pairs(readme))
    rules = load_rules([rules_dir])
    compile_rules(rules, normalize)
    skipped_ids = {r.id for r in rules if r.skip}
    for r in rules:
        if r.skip:
            print("SKIP rule %s (%s): %s" % (r.id, r.where, r.skip))
    cache = {}

    def oracle(text):
        if text not in cache:
            cache[text] = judge(rules, normalize, text)
        return cache[text]

    truth = collections.defaultdict(list)
    for line in open(truth_path, encoding="utf-8"):
        t = json.loads(line)
        truth[(t["ts"], t["sender"], t["text"])].append(t)
    n_truth = sum(len(v) for v in truth.values())
    events = [json.loads(l) for l in open(events_path, encoding="utf-8")]

    fails = []
    seen = collections.Counter()
    verdicts = collections.Counter()
    for e in events:
        key = (e["ts"], e["sender"], e["text"])
        if seen[key] >= len(truth.get(key, [])):
            fails.append("event with no truth message: %s" % json.dumps(key, ensure_ascii=False))
            continue
        seen[key] += 1
        want = oracle(e["text"])
        why = compare(e, want, skipped_ids)
        if why is None and flagged_only and want[1] == "pass":
            why = "event for a message the oracle does not flag: %r" % e["text"][:80]
        if why:
            fails.append(why)
        verdicts[want[1]] += 1

    missing = flagged = 0
    for key, msgs in truth.items():
        for i, t in enumerate(msgs):
            want = oracle(t["text"])
            flagged += want[1] != "pass"
            if i >= seen[key] and (not flagged_only or want[1] != "pass"):
                missing += 1
                fails.append("no event for %r (oracle: %s %s)" % (t["text"][:80], want[1],
                                                                   sorted(want[0])))

    what = "flagged-only events" if flagged_only else "events (--all)"
    for f in fails[:15]:
        print("    " + f)
    if fails:
        print("FAIL %s: %d disagreements with the oracle (%d events, %d messages without "
              "their event)" % (what, len(fails), len(events), missing))
    else:
        print("PASS %s: %d events each as the oracle judges it (block %d, alert %d, pass %d); "
              "%d truth messages, %d flagged by the oracle, none missing" %
              (what, len(events), verdicts["block"], verdicts["alert"], verdicts["pass"], n_truth,
               flagged))
    print("NOTE the oracle models %d of %d rules (%d skipped%s)" %
          (len(rules) - len(skipped_ids), len(rules), len(skipped_ids),
           ", listed above" if skipped_ids else ""))
    print("%d passed, %d failed" % (0 if fails else 1, 1 if fails else 0))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
