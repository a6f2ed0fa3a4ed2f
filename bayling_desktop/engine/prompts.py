"""The words we say to the model — all of them live here.

Translation requests use the exact instructions of BayLing's paper experiments
(REFERENCE.md §1c) because that is what the model was tuned on; revision turns are
ordinary follow-up messages, as in BayLing's interactive-translation demo.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..languages import Language, is_chinese
from .backend import Message

EN_INSTRUCTION = "Provide the {language} translation for this sentence: {text}"
ZH_INSTRUCTION = "提供这句话的{language}翻译：{text}"
EN_CONSTRAINT = "\nMake sure to include these words: {terms}"
ZH_CONSTRAINT = "\n确保包含这些词：{terms}"


def use_chinese_phrasing(source: Language | None, target: Language) -> bool:
    """Chinese wording when the text being translated is Chinese, as in the paper's zh→X runs."""
    return source is not None and is_chinese(source) and not is_chinese(target)


def translation_instruction(text: str, target: Language, source: Language | None = None,
                            terms: Sequence[str] = (), chinese: bool | None = None) -> str:
    if chinese is None:
        chinese = use_chinese_phrasing(source, target)
    template, constraint = (ZH_INSTRUCTION, ZH_CONSTRAINT) if chinese else (
        EN_INSTRUCTION, EN_CONSTRAINT)
    instruction = template.format(language=target.name(chinese), text=text)
    if terms:
        separator = "、" if chinese else ", "
        instruction += constraint.format(terms=separator.join(dict.fromkeys(terms)))
    return instruction


def translation_messages(text: str, target: Language, source: Language | None = None,
                         terms: Sequence[str] = (), system: str | None = None,
                         chinese: bool | None = None) -> list[Message]:
    messages = [Message("system", system)] if system else []
    messages.append(Message("user", translation_instruction(text, target, source, terms,
                                                             chinese)))
    return messages


def revision_messages(history: Sequence[Message], instruction: str) -> list[Message]:
    """Append a natural-language revision request to a translation conversation.

    Earlier messages are kept byte-identical so the engine reuses their KV cache.
    """
    if not history or history[-1].role != "assistant":
        raise ValueError("a revision follows a translation: the history must end with the "
                         "assistant's reply")
    return [*history, Message("user", instruction.strip())]
