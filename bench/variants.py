"""Name-variant merge decisions against the ECB+ cross-document entity chains.

    .venv/bin/python bench/variants.py [--topics train|dev|all] [--examples N]

What is measured: for every topic, the proper-name mentions of people, organisations and places
(ECB+ tags HUMAN_PART_PER, HUMAN_PART_ORG, HUMAN_PART_GPE, LOC_GEO, LOC_FAC, LOC_OTHER) go into
one :class:`newsfuse.resolve.EntityIndex` with the topic as scope (so bare surnames are resolved
within the topic, as within an event cluster), and every pair of distinct surface forms of the
topic is a merge decision: merged when both forms belong to the same entity.

Gold: two surface forms corefer when some mention of each is in the same annotated chain
(cross-document ``x:`` or within-document ``i:``). Forms seen only in singleton chains (``s:``,
mentions the annotators linked to nothing) are left out of the pairs by default, since an
unlinked name is not evidence of a different entity; ``--with-singletons`` keeps them (as
never coreferring).

Proper names: the mention text (detokenised, a leading "the" and a possessive "'s" cut) has every
content word capitalised, does not start with a pronoun or determiner, and is not a common noun
written with a capital at a sentence start: a one-word mention whose lower-case form occurs in
the topic's texts is a common noun ("Lawyer", "Police").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from newsfuse.resolve import EntityIndex, Occurrence  # noqa: E402
from newsfuse.resolve.aliases import find_definitions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "ecbplus"
TAGS = {"HUMAN_PART_PER": "PERSON", "HUMAN_PART_ORG": "ORG", "HUMAN_PART_GPE": "GPE", "LOC_GEO": "GPE",
        "LOC_FAC": "FAC", "LOC_OTHER": "LOC"}
_FUNCTION = {"of", "the", "for", "and", "de", "del", "la", "le", "al", "el", "van", "von", "da", "bin", "in", "on", "at", "&"}
_NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "that",
              "these", "those", "both", "all", "some", "many", "a", "an", "who", "which", "one", "two", "each"}


def detokenise(text: str) -> str:
    text = re.sub(r"\s+([.,'’])", r"\1", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['’]s?$", "", text).strip()


def is_proper(text: str, lower_words: set[str]) -> bool:
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    if not words or words[0].lower() in _NOT_NAMES or not words[0][:1].isupper():
        return False
    if any(not w[:1].isupper() and w.lower() not in _FUNCTION and not w[:1].isdigit() for w in words):
        return False
    return not (len(words) == 1 and words[0].lower() in lower_words)


def load(split: str):
    articles = {}
    for line in (ROOT / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        if split == "all" or a.get("split") == split:
            articles[a["id"]] = a
    mentions = []
    for line in (ROOT / "mentions.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        if m["kind"] == "entity" and m["tag"] in TAGS and m["doc_id"] in articles:
            mentions.append(m)
    return articles, mentions


def evaluate(articles: dict, mentions: list, with_singletons: bool = False, examples: int = 0) -> dict:
    """Pairwise precision and recall of the merge decisions, over all topics."""
    by_topic = defaultdict(list)
    for m in mentions:
        by_topic[m["topic"]].append(m)
    tp = fp = fn = 0
    fps, fns = [], []
    for topic in sorted(by_topic):
        for a, b, gold, pred in topic_pairs(articles, by_topic[topic], str(topic), with_singletons):
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
            if pred != gold:
                (fps if pred else fns).append((topic, a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall,
            "false_merges": fps[:examples], "missed_merges": fns[:examples]}


def topic_pairs(articles: dict, mentions: list, scope: str, with_singletons: bool):
    """(form, form, gold same entity, predicted same entity) for the distinct forms of a topic."""
    texts = [articles[d]["text"] for d in sorted({m["doc_id"] for m in mentions})]
    lower_words = set(re.findall(r"\b[a-z][a-z'\-]+\b", " ".join(texts)))
    chains = defaultdict(set)
    occs = []
    for m in mentions:
        form = detokenise(m["text"])
        if not is_proper(form, lower_words):
            continue
        occs.append(Occurrence(form, TAGS[m["tag"]], m["doc_id"], scope))
        singleton = m["chain_id"].startswith("s:")
        if with_singletons or not singleton:
            chains[form].add(m["chain_id"] + ("#" if singleton else ""))
    index = EntityIndex(occs, [d for t in texts for d in find_definitions(t)])
    for a, b in combinations(sorted(chains), 2):
        ea, eb = index.entity_of(a, scope), index.entity_of(b, scope)
        yield a, b, bool(chains[a] & chains[b]), ea is not None and ea is eb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", choices=("train", "dev", "all"), default="all")
    parser.add_argument("--with-singletons", action="store_true")
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args(argv)
    if not ROOT.is_dir():
        print(f"no corpus at {ROOT}", file=sys.stderr)
        return 1
    articles, mentions = load(args.topics)
    result = evaluate(articles, mentions, args.with_singletons, args.examples)
    print(f"ecbplus variants ({args.topics}, singletons {'kept' if args.with_singletons else 'left out'}): "
          f"pairs merged correctly {result['tp']}, wrongly {result['fp']}, missed {result['fn']}")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    for label in ("false_merges", "missed_merges"):
        for topic, a, b in result[label]:
            print(f"  {label[:-1]}: topic {topic}: {a!r} ~ {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
