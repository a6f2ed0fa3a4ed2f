"""A deterministic stand-in for a model, for testing the logic around it.

It answers BayLing's translation instruction with a fake "Chinese" rendering (one
CJK character per word; numbers, punctuation and tags kept), answers any other
request by appending a mark to the previous answer, and can be told to misbehave
for a given source (empty answer, loop). It counts calls and remembers what it was
sent, and reports how much of each prompt repeats the previous one, the way the
llama backend's KV prefix reuse does.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Generator, Sequence

from bayling_desktop.engine.backend import (
    CancelToken,
    Completion,
    GenerationParams,
    GenerationStats,
    Message,
)

_INSTRUCTION = re.compile(r"^(?:Provide the .+? translation for this sentence: "
                          r"|提供这句话的.+?翻译：)"
                          r"(?P<text>.*?)(?:\n(?:Make sure to include these words|确保包含这些词)"
                          r"[:：](?P<terms>.*))?$", re.S)
_WORD = re.compile(r"<[^>]*>|[A-Za-z]+")


def fake_translation(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        token = match.group()
        if token.startswith("<"):
            return token
        return chr(0x4E00 + zlib.crc32(token.lower().encode()) % 5000)

    return _WORD.sub(word, text).replace(" ", "")


def render(messages: Sequence[Message]) -> str:
    return "".join(f"<{m.role}>{m.content}</{m.role}>" for m in messages) + "<assistant>"


class FakeBackend:
    description = "fake · deterministic"
    context_length = 4096

    def __init__(self, delay: float = 0.0) -> None:
        self.calls: list[list[Message]] = []
        self.params: list[GenerationParams] = []
        #: source text -> answers to give (in order) instead of the normal one
        self.script: dict[str, list[str]] = {}
        #: instruction -> the revised text to answer with
        self.revisions: dict[str, str] = {}
        self.delay = delay
        self._previous = ""

    @property
    def translated_sources(self) -> list[str]:
        """The text of every translation request, in order."""
        found = []
        for messages in self.calls:
            match = _INSTRUCTION.match(messages[-1].content)
            if match:
                found.append(match.group("text"))
        return found

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return len(render(messages)) // 3 + 1

    def _answer(self, messages: Sequence[Message]) -> str:
        request = messages[-1].content
        match = _INSTRUCTION.match(request)
        if match:
            text = match.group("text")
            if self.script.get(text):
                return self.script[text].pop(0)
            answer = fake_translation(text)
            if match.group("terms"):
                answer += "（" + match.group("terms").strip() + "）"
            return answer
        if request in self.revisions:
            return self.revisions[request]
        previous = next((m.content for m in reversed(messages) if m.role == "assistant"), "")
        return previous + "【改】"

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        self.calls.append(list(messages))
        self.params.append(params)
        prompt = render(messages)
        shared = 0
        for a, b in zip(prompt, self._previous, strict=False):
            if a != b:
                break
            shared += 1
        self._previous = prompt
        answer = self._answer(messages)

        def pieces() -> Generator[str, None, GenerationStats]:
            stats = GenerationStats(prompt_tokens=len(prompt) // 3 + 1,
                                    reused_prompt_tokens=shared // 3)
            started = time.perf_counter()
            if answer == "LOOP":
                stats.stop_reason = "repetition"
                yield "好" * 40
                return stats
            for index in range(0, len(answer), 3):
                if cancel is not None and cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    return stats
                if self.delay:
                    time.sleep(self.delay)
                piece = answer[index:index + 3]
                stats.completion_tokens += 1
                yield piece
                if stats.completion_tokens >= params.max_tokens:
                    stats.stop_reason = "length"
                    break
            stats.generation_seconds = max(time.perf_counter() - started, 1e-6)
            return stats

        return Completion(pieces())

    def close(self) -> None:
        pass
