"""Find and replace in translations: the plan is computed first, shown, then applied.

Only targets are touched (the source is the client's text), only segments that have a
translation, and the plan lists every segment with its text before and after, so the
GUI can show a preview and apply it as one undo step. Plain text, not regular
expressions: a translator replacing "e-mail" by "email" should not have to escape a dot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Replacement:
    index: int
    before: str
    after: str
    #: how many occurrences were replaced in this segment
    count: int


def pattern(find: str, *, match_case: bool = False, whole_words: bool = False) -> re.Pattern[str]:
    """The compiled search for *find* (literal text)."""
    text = re.escape(find)
    if whole_words:
        text = rf"(?<!\w){text}(?!\w)"
    return re.compile(text, 0 if match_case else re.IGNORECASE)


def plan_replacements(targets: Iterable[tuple[int, str]], find: str, replace: str, *,
                      match_case: bool = False, whole_words: bool = False
                      ) -> list[Replacement]:
    """Every (index, target) whose text changes, with the text it would get.

    An empty *find* plans nothing; a replacement that leaves a text as it was (say
    "Email" by "Email" without case) is not a change and is left out.
    """
    if not find:
        return []
    search = pattern(find, match_case=match_case, whole_words=whole_words)
    plan = []
    for index, target in targets:
        if not target:
            continue
        after, count = search.subn(lambda _m: replace, target)
        if count and after != target:
            plan.append(Replacement(index, target, after, count))
    return plan
