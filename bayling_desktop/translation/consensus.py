"""Which of several passing translations to keep: the one the others agree with most.

The repair round decodes several candidates at once (sampled answers, other phrasings).
More than one may pass every check, and the first that passes is not the best: a sampled
answer that drops a clause ("for parallel reading", "programmable") passes the checks as
well as a faithful one. Minimum-Bayes-risk selection keeps the candidate closest to all
the others — an omission or an invented detail is idiosyncratic, the meaning is shared —
with character n-gram F-score (chrF) as the closeness, which needs no word segmentation
for Chinese or Japanese.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: character n-gram orders compared (chrF uses 1..6; short UI strings are served by 1..3)
ORDERS = (1, 2, 3)


def _grams(text: str, order: int) -> Counter[str]:
    squeezed = "".join(text.split())
    return Counter(squeezed[i:i + order] for i in range(len(squeezed) - order + 1))


def chrf(hypothesis: str, reference: str) -> float:
    """Character n-gram F1 of *hypothesis* against *reference*, 0..1."""
    scores = []
    for order in ORDERS:
        hyp, ref = _grams(hypothesis, order), _grams(reference, order)
        if not hyp or not ref:
            continue
        common = sum((hyp & ref).values())
        precision, recall = common / sum(hyp.values()), common / sum(ref.values())
        scores.append(0.0 if common == 0 else 2 * precision * recall / (precision + recall))
    return sum(scores) / len(scores) if scores else 0.0


def most_agreed(texts: Sequence[str], eligible: Sequence[int]) -> int:
    """Of the *eligible* indices into *texts*, the one whose text has the highest mean
    chrF against every other text the model gave (eligible or not: a failed answer still
    carries the meaning). Ties go to the earlier index."""
    best, best_score = eligible[0], -1.0
    for index in eligible:
        rest = [text for other, text in enumerate(texts) if other != index]
        score = sum(chrf(texts[index], text) for text in rest) / len(rest) if rest else 0.0
        if score > best_score + 1e-9:
            best, best_score = index, score
    return best
