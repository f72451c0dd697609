#!/usr/bin/python3
"""Precision and recall of "did you mean" on a real archive.

  bench/relevance/suggestions.py SEARCHER DB [N]

From the archive's own vocabulary (DB, e.g. Reuters-21578 indexed by
bench/run or bench/load_corpus.py + bench/jsonl2rss.py + import), with a
fixed seed:
  misspelled  N words the archive has in 20 articles or more, each with one
              random edit (a letter dropped, added, changed, or two swapped)
              that makes a string neither the archive nor the system
              dictionary (/usr/share/dict/words) has: the right suggestion
              is the original word
  rare        N correctly spelled English words (/usr/share/dict/words)
              that the archive has in at most 2 articles: any suggestion is
              wrong
  common      N/3 words the archive has in 20 articles or more, as typed:
              any suggestion is wrong
Each query runs alone through SEARCHER --json --limit 10.  Precision: right
suggestions / all suggestions; recall: right suggestions / misspellings.
Right is the original word; "right by stem" also counts a suggestion with
the original's English stem ("union" for "unios", meant as "unions"),
which finds the same articles.
"""
import json
import random
import re
import subprocess
import sys

import xapian

searcher, db_path = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
db = xapian.Database(db_path)
rng = random.Random(7)
dictionary = {w.strip() for w in open("/usr/share/dict/words", encoding="utf-8")}
lower_dictionary = {w.lower() for w in dictionary}

vocab = {}
for t in db.allterms():
    term = t.term.decode("utf-8", "replace")
    if re.fullmatch(r"[a-z]+", term):
        vocab[term] = t.termfreq
common = sorted(w for w, f in vocab.items() if f >= 20 and len(w) >= 5)


def edit(word):
    letters = "abcdefghijklmnopqrstuvwxyz"
    i = rng.randrange(len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + rng.choice(letters) + word[i:]
    if kind == 2:
        return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1:]
    if i == len(word) - 1:
        i -= 1
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


misspelled = []
for word in rng.sample(common, min(len(common), n * 3)):
    typo = edit(word)
    if typo != word and typo not in vocab and typo not in lower_dictionary:
        misspelled.append((typo, word))
    if len(misspelled) == n:
        break
rare_words = sorted(w for w in lower_dictionary
                    if re.fullmatch(r"[a-z]{5,}", w) and vocab.get(w, 0) <= 2)
rare = rng.sample(rare_words, n)
right_words = rng.sample(common, n // 3)


def suggestion(q):
    p = subprocess.run([searcher, "--db", db_path, "--json", "--limit", "10", "--", q],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{q!r}: exit {p.returncode}: {p.stderr[:200]}")
    return json.loads(p.stdout)["corrected_query"]


stem = xapian.Stem("english")
made = right = by_stem = 0
wrong = []
for typo, word in misspelled:
    s = suggestion(typo)
    made += s is not None
    right += s is not None and s.lower() == word
    by_stem += s is not None and stem(s.lower()) == stem(word)
    if s is not None and s.lower() != word:
        wrong.append(f"misspelled {typo!r} ({word}) -> {s!r}")
false_rare = [(w, s) for w in rare if (s := suggestion(w)) is not None]
false_common = [(w, s) for w in right_words if (s := suggestion(w)) is not None]
made += len(false_rare) + len(false_common)
precision = right / made if made else 1.0
recall = right / len(misspelled)
print(f"misspelled {len(misspelled)}: {right} right suggestions, {len(wrong)} wrong, "
      f"{len(misspelled) - right - len(wrong)} none")
print(f"rare correct words {len(rare)}: {len(false_rare)} suggested")
print(f"common words {len(right_words)}: {len(false_common)} suggested")
print(f"precision {precision:.3f}   recall {recall:.3f}")
print(f"right by stem: precision {by_stem / made if made else 1.0:.3f}   "
      f"recall {by_stem / len(misspelled):.3f}")
for line in wrong[:10] + [f"rare {w!r} -> {s!r}" for w, s in false_rare[:10]] + \
        [f"common {w!r} -> {s!r}" for w, s in false_common[:5]]:
    print("  " + line)
