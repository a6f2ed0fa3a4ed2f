"""A deterministic stand-in for a model, for testing the logic around it.

It answers BayLing's translation instruction (and the generic profile's) with a fake
"Chinese" rendering (one CJK character per word; numbers, punctuation and tags kept),
answers any other request by appending a mark to the previous answer, and can be told
to misbehave for a given source the way small models do: an empty answer, a loop
("LOOP"), the source echoed back ("ECHO"), or the instruction echoed ("INSTRUCTION").
It may be called from several threads at once, like the scheduler-backed engine.
It counts calls and remembers what it was sent, and reports how much of each prompt
repeats the previous one, the way the llama backend's KV prefix reuse does.
"""

from __future__ import annotations

import re
import threading
import time
import zlib
from collections.abc import Generator, Sequence

from bayling_desktop.engine.backend import (
    Backend,
    CancelToken,
    Completion,
    GenerationParams,
    GenerationStats,
    Message,
)

_INSTRUCTION = re.compile(r"^(?:(?:Context for the translator \(do not translate it\)|"
                          r"给译者的背景说明（不要翻译这段说明）)[:：] ?.*?\n\n)?"
                          r"(?:Provide the .+? translation for this sentence: "
                          r"|提供这句话的.+?翻译："
                          r"|(?:请使用以下术语译法：\n(?P<gterms>.*?)\n\n)?将以下文本翻译为.+?，注意只需要"
                          r"输出翻译后的结果，不要额外解释：\n\n"
                          r"|(?:Use these term translations:\n(?P<eterms>.*?)\n\n)?Translate the "
                          r"following text into .+?\. Output only the .+? translation, with no "
                          r"explanation or notes\.\n\n)"
                          r"(?P<text>.*?)(?:\n(?:Make sure to include these words|确保包含这些词)"
                          r"[:：](?P<terms>.*))?$", re.S)
_WORD = re.compile(r"<[^>]*>|[A-Za-z]+")
_TRANSLATOR = re.compile(r"^(?:You are a professional translator|你是一名专业翻译)")
_TERMS = re.compile(r"^(?:请使用以下术语译法：|Use these term translations:)\n.*?\n\n", re.S)


def fake_translation(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        token = match.group()
        if token.startswith("<"):
            return token
        return chr(0x4E00 + zlib.crc32(token.lower().encode()) % 5000)

    return _WORD.sub(word, text).replace(" ", "")


def render(messages: Sequence[Message]) -> str:
    return "".join(f"<{m.role}>{m.content}</{m.role}>" for m in messages) + "<assistant>"


class FakeBackend(Backend):
    description = "fake · deterministic"
    context_length = 4096
    parallel = 1  # a plain attribute here, so __init__ may set it (the protocol's is read-only)
    #: the chat format it pretends to be, which makes the pipeline pick BayLing's profile
    format_name = "bayling-v1"

    def __init__(self, delay: float = 0.0, parallel: int = 1) -> None:
        self.parallel = parallel
        self._lock = threading.Lock()
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
        if messages[0].role == "system" and _TRANSLATOR.search(messages[0].content):
            # the generic profile: a translator's system prompt, then the bare text
            request = "Provide the Chinese translation for this sentence: " + _TERMS.sub(
                "", request)
        match = _INSTRUCTION.match(request)
        if match:
            text = match.group("text")
            with self._lock:
                scripted = self.script[text].pop(0) if self.script.get(text) else None
            if scripted == "ECHO":
                return text
            if scripted == "INSTRUCTION":
                return request
            if scripted is not None:
                return scripted
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
        prompt = render(messages)
        with self._lock:
            self.calls.append(list(messages))
            self.params.append(params)
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
