#!/usr/bin/env python3
"""Draws the 400 Dân Trí sentences of the entity annotation set (see GUIDELINE.md) and splits them.

Reproducible: python3 draw.py ../shared/data/news/unc-dantri/unc_dantri_2020_2021.jsonl.gz
prints one line per drawn sentence: doc_id, sentence index, split. Python 3.2 or newer (random.Random with
an integer seed, shuffle and random() have been stable since then). Nothing of the corpus is written.

Procedure
1. Articles sorted by doc_id, shuffled with random.Random(SEED).
2. Each article in that order gives at most one sentence, until 400 are drawn. Its candidates are the
   sentences of 6 to 80 syllables (a syllable: a maximal run of letters, marks and digits) whose text
   was not drawn before. With probability P_CAPITAL (a draw from the same generator) the sentence is
   chosen uniformly among the candidates with a capitalised syllable after the first one (so that the
   set is not mostly empty), otherwise uniformly among all candidates (so that some have no entity).
3. The 400 are split by a second generator, random.Random(SEED + 1): a shuffle of their positions,
   the first 200 "dev" (rules are measured and changed on these), the other 200 "heldout" (never
   looked at while changing rules).
"""
import gzip
import json
import random
import re
import sys

SEED = 13
COUNT = 400
P_CAPITAL = 0.85
SYLLABLE = re.compile(r"[^\W_]+")  # letters (with their marks, in NFC) and digits


def syllables(text):
    return SYLLABLE.findall(text)


def capitalised_after_first(text):
    return any(s[0].isupper() for s in syllables(text)[1:])


def draw(docs):
    rng = random.Random(SEED)
    docs = sorted(docs, key=lambda d: d["doc_id"])
    rng.shuffle(docs)
    seen, drawn = set(), []
    for doc in docs:
        if len(drawn) == COUNT:
            break
        candidates = [i for i, s in enumerate(doc["sentences"]) if 6 <= len(syllables(s)) <= 80 and s not in seen]
        if not candidates:
            continue
        capital = [i for i in candidates if capitalised_after_first(doc["sentences"][i])]
        pool = capital if capital and rng.random() < P_CAPITAL else candidates
        i = pool[rng.randrange(len(pool))]
        seen.add(doc["sentences"][i])
        drawn.append((doc["doc_id"], i))
    order = list(range(len(drawn)))
    random.Random(SEED + 1).shuffle(order)
    split = {}
    for rank, k in enumerate(order):
        split[k] = "dev" if rank < COUNT // 2 else "heldout"
    return [(doc_id, i, split[k]) for k, (doc_id, i) in enumerate(drawn)]


def main(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    for doc_id, i, split in draw(docs):
        print(f"{doc_id}\t{i}\t{split}")


if __name__ == "__main__":
    main(sys.argv[1])
