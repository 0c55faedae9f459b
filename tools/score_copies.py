#!/usr/bin/env python3
"""Scores a full `zhreport analyze` run on a zhgen corpus against zhgen's ground truth.

    target/release/zhgen gen --articles 100000 --out g.jsonl --truth g.truth.jsonl
    target/release/zhreport analyze g.jsonl -o out
    python3 tools/score_copies.py g.truth.jsonl out/duplicates.json

Truth pairs are those with max(a_in_b, b_in_a) >= 0.3; two copies of one template are not
expected to be listed against each other (zhgen eval scores the same way). Prints pair
precision/recall/F1 and the mean absolute error of a_in_b / b_in_a over matched pairs.
"""
import collections
import json
import sys


def main(truth_path, dups_path):
    truth, template_of = {}, {}
    with open(truth_path, encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)
            if t["kind"] == "template":
                template_of[t["b"]] = t["a"]
            if max(t["a_in_b"], t["b_in_a"]) >= 0.3:
                truth[(t["a"], t["b"])] = t
    with open(dups_path, encoding="utf-8") as fh:
        dups = json.load(fh)
    got = {}
    for p in dups["pairs"]:
        a, b = p["a"].rsplit("#", 1)[0], p["b"].rsplit("#", 1)[0]
        if a in template_of and b in template_of and template_of[a] == template_of[b]:
            continue
        got[(a, b)] = p
    tp = sum(1 for k in got if k in truth)
    precision = tp / max(1, len(got))
    recall = tp / max(1, len(truth))
    f1 = 2 * precision * recall / max(1e-12, precision + recall)
    err = []
    for k, t in truth.items():
        p = got.get(k)
        if p:
            err += [abs(p["a_in_b"] - t["a_in_b"]), abs(p["b_in_a"] - t["b_in_a"])]
    missed = collections.Counter(t["kind"] for k, t in truth.items() if k not in got)
    print(json.dumps({
        "truth_pairs": len(truth), "listed": len(got), "precision": round(precision, 4),
        "recall": round(recall, 4), "f1": round(f1, 4),
        "share_mae": round(sum(err) / max(1, len(err)), 4), "missed_by_kind": missed,
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
