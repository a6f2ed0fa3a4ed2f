"""Prompt formats: how a conversation becomes the exact string a model was trained on.

BayLing's two formats are rendered byte-exactly as upstream's ``conversation.py``
(REFERENCE.md §1a, §1b). A rendering is a list of :class:`Segment` so that the
format's own special tokens (``</s>``, ``<|eot_id|>``…) are tokenized as special
tokens while user text is never parsed for them (no prompt injection of control
tokens). Formats with a GGUF chat template render through a sandboxed Jinja.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jinja2 import TemplateError

from ..errors import ModelError
from .backend import Message
from .gguf_info import GGUFInfo
from .streaming import held_prefix
from .template_sandbox import BoundedSandbox, render_bounded

BAYLING_V1_SYSTEM = (
    "I am an intelligent language assistant developed by the NLP Group of ICT/CAS.\n"
    "Below is a dialog consisting of instructions and responses. "
    "Write a response that completes the request.\n"
)
BAYLING_V1_USER = "### Instruction:\n"
BAYLING_V1_ASSISTANT = "### Response:\n"

BAYLING3_SYSTEM = "I am BayLing developed by the NLP Group of ICT/CAS."
_L3_HEADER = "<|start_header_id|>{role}<|end_header_id|>"
_L3_EOT = "<|eot_id|>"

PLAIN_SYSTEM = "You are a helpful assistant and a careful translator."

#: the anonymised placeholders BayLing's released weights may emit (REFERENCE.md §1a)
BAYLING_PLACEHOLDERS: dict[str, str] = {
    "[NAME]": "BayLing",
    "[INSTITUTE]": "NLP group of Institute of Computing Technology, "
    "Chinese Academy of Sciences (ICT/CAS)",
    "[CREATE_TIME]": "2023",
    "[名字]": "百聆",
    "[机构]": "中国科学院计算技术研究所自然语言处理研究组",
    "[开发时间]": "2023年",
    "\\n": "\n",
}


@dataclass(frozen=True)
class Segment:
    text: str
    #: True for one of the format's own control tokens (exactly one token)
    special: bool = False
    #: True for a template's own markup, tokenized with special-token parsing; user and
    #: document text never is
    markup: bool = False


@dataclass
class Rendered:
    segments: list[Segment]
    #: token strings that end generation (tokenized as special tokens when they are)
    stop_tokens: tuple[str, ...] = ()
    #: plain strings that end generation when the model writes them
    stop_strings: tuple[str, ...] = ()
    add_bos: bool = True
    placeholders: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


class PromptFormat:
    name: str = ""
    label: str = ""

    def render(self, messages: Sequence[Message]) -> Rendered:
        raise NotImplementedError


def _split_system(messages: Sequence[Message], default: str) -> tuple[str, list[Message]]:
    system = default
    rest: list[Message] = []
    for message in messages:
        if message.role == "system":
            system = message.content
        else:
            rest.append(message)
    return system, rest


class BaylingV1Format(PromptFormat):
    """BayLing-7B/13B and BayLing-2-7B/13B (LLaMA / Llama-2 vocabularies)."""

    name = "bayling-v1"
    label = "BayLing v1 (### Instruction / ### Response)"

    def render(self, messages: Sequence[Message]) -> Rendered:
        system, turns = _split_system(messages, BAYLING_V1_SYSTEM)
        if not system.endswith("\n"):
            system += "\n"
        segments = [Segment(system + "\n")]
        for message in turns:
            if message.role == "user":
                segments.append(Segment(BAYLING_V1_USER + message.content + "\n"))
            else:
                segments.append(Segment(BAYLING_V1_ASSISTANT + message.content))
                segments.append(Segment("</s>", special=True))
                segments.append(Segment("\n"))
        segments.append(Segment(BAYLING_V1_ASSISTANT))
        return Rendered(_merge(segments), stop_tokens=("</s>",),
                        stop_strings=("\n### Instruction:",),
                        placeholders=dict(BAYLING_PLACEHOLDERS))


class Bayling3Format(PromptFormat):
    """BayLing-2-Llama-3-8B: Llama-3 headers, each message stripped and closed by <|eot_id|>."""

    name = "bayling-3"
    label = "BayLing-3 (Llama-3 headers)"

    def render(self, messages: Sequence[Message]) -> Rendered:
        system, turns = _split_system(messages, BAYLING3_SYSTEM)
        segments: list[Segment] = []
        for role, content in [("system", system)] + [(m.role, m.content) for m in turns]:
            segments.extend(_l3_header(role))
            segments.append(Segment(content.strip()))
            segments.append(Segment(_L3_EOT, special=True))
        segments.extend(_l3_header("assistant"))
        # Upstream also lists id 2, which is "#" in the Llama-3 vocabulary, not an end
        # token: honouring it would cut replies at the first Markdown heading.
        return Rendered(_merge(segments), stop_tokens=(_L3_EOT, "<|end_of_text|>"),
                        placeholders=dict(BAYLING_PLACEHOLDERS))


def _l3_header(role: str) -> list[Segment]:
    return [Segment("<|start_header_id|>", special=True), Segment(role),
            Segment("<|end_header_id|>", special=True), Segment("\n\n")]


class PlainFormat(PromptFormat):
    """For base models with no template of their own: a neutral transcript."""

    name = "plain"
    label = "Plain transcript (User / Assistant)"

    def render(self, messages: Sequence[Message]) -> Rendered:
        system, turns = _split_system(messages, PLAIN_SYSTEM)
        parts = [system.strip() + "\n\n"]
        for message in turns:
            speaker = "User" if message.role == "user" else "Assistant"
            parts.append(f"{speaker}: {message.content.strip()}\n\n")
        parts.append("Assistant:")
        return Rendered([Segment("".join(parts))], stop_strings=("\nUser:", "\n\nUser"))


class GGUFTemplateFormat(PromptFormat):
    """The model's own ``tokenizer.chat_template``, rendered in a sandbox."""

    name = "gguf"
    label = "The model's own chat template"

    def __init__(self, template: str, bos_token: str = "", eos_token: str = "",
                 stop_tokens: Sequence[str] = ()) -> None:
        env = BoundedSandbox(trim_blocks=True, lstrip_blocks=True)
        self._env = env
        env.globals["raise_exception"] = _raise_template_error
        env.globals["strftime_now"] = lambda fmt: _dt.datetime.now().strftime(fmt)
        try:
            self._template = env.from_string(template)
        except TemplateError as exc:
            raise ModelError("chat_template_broken", error=exc) from exc
        self._bos = bos_token
        self._eos = eos_token
        self._stop_tokens = tuple(dict.fromkeys(t for t in (eos_token, *stop_tokens) if t))

    def render(self, messages: Sequence[Message]) -> Rendered:
        """Render with every message's text replaced by a sentinel, then split on them.

        Only the template's own markup is tokenized with special-token parsing; each
        message's text goes in as plain text, so ``<|im_end|>`` typed by a user (or found
        in a document) stays ordinary characters instead of closing the turn.
        """
        marks = [f"{_SENTINEL_OPEN}{i}{_SENTINEL_CLOSE}" for i in range(len(messages))]
        # Spaces around each sentinel reveal whether the template trims message text.
        probe = [Message(m.role, f" {mark} ") for m, mark in zip(messages, marks, strict=True)]
        text = self._render_text(probe)
        segments: list[Segment] = []
        at = 0
        for match in _SENTINEL.finditer(text):
            segments.append(self._markup(text[at:match.start()]))
            content = messages[int(match.group(2))].content
            if not match.group(1):
                content = content.lstrip()  # the template trimmed the text
            if not match.group(3):
                content = content.rstrip()
            segments.append(Segment(content))
            at = match.end()
        segments.append(self._markup(text[at:]))
        if self._bos and segments and segments[0].markup and (
                segments[0].text.startswith(self._bos)):
            segments[0] = Segment(segments[0].text[len(self._bos):], markup=True)
        return Rendered(_merge(segments), stop_tokens=self._stop_tokens, add_bos=True)

    @staticmethod
    def _markup(text: str) -> Segment:
        if _SENTINEL_OPEN in text or _SENTINEL_CLOSE in text:
            raise ModelError("chat_template_rewrites")
        return Segment(text, markup=True)

    def _render_text(self, messages: Sequence[Message]) -> str:
        try:
            return render_bounded(self._env, self._template, {
                "messages": [m.to_dict() for m in messages], "add_generation_prompt": True,
                "bos_token": self._bos, "eos_token": self._eos})
        except TemplateError as exc:
            raise ModelError("chat_template_failed", error=exc) from exc


_SENTINEL_OPEN, _SENTINEL_CLOSE = "\ue000", "\ue001"
#: a sentinel with the one space we put on each side of it, where the template kept it
_SENTINEL = re.compile(f"( ?){_SENTINEL_OPEN}(\\d+){_SENTINEL_CLOSE}( ?)")


def _raise_template_error(message: str) -> None:
    raise TemplateError(message)


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring text segments so tokenization matches one-string tokenization."""
    merged: list[Segment] = []
    for segment in segments:
        last = merged[-1] if merged else None
        if (last is not None and not segment.special and not last.special
                and segment.markup == last.markup):
            merged[-1] = Segment(last.text + segment.text, markup=last.markup)
        elif segment.text or segment.special:
            merged.append(segment)
    return merged


FORMAT_NAMES = ("auto", "bayling-v1", "bayling-3", "gguf", "plain")


def make_format(name: str, chat_template: str | None = None, bos_token: str = "",
                eos_token: str = "", stop_tokens: Sequence[str] = ()) -> PromptFormat:
    if name == "bayling-v1":
        return BaylingV1Format()
    if name == "bayling-3":
        return Bayling3Format()
    if name == "plain":
        return PlainFormat()
    if name == "gguf":
        if not chat_template:
            raise ModelError("model_no_chat_template")
        return GGUFTemplateFormat(chat_template, bos_token, eos_token, stop_tokens)
    raise ModelError("unknown_prompt_format_choose", name=name,
                     format_names=', '.join(FORMAT_NAMES[1:]))


class PlaceholderFilter:
    """Replaces BayLing's anonymisation placeholders in a stream of text pieces.

    A placeholder can arrive split over several pieces ("[NA" + "ME]"), so text that
    could still become one is held back until it is decided.
    """

    def __init__(self, table: dict[str, str]) -> None:
        self._table = table
        self._pending = ""

    def feed(self, piece: str) -> str:
        if not self._table:
            return piece
        text = self._pending + piece
        for key, value in self._table.items():
            text = text.replace(key, value)
        hold = held_prefix(text, tuple(self._table))
        self._pending = text[len(text) - hold:] if hold else ""
        return text[: len(text) - hold]

    def flush(self) -> str:
        rest, self._pending = self._pending, ""
        return rest


def detect_format(name: str, file_name: str, chat_template: str | None, vocab_size: int,
                  known_tokens: frozenset[str]) -> str:
    """Pick a format from what the GGUF says about itself.

    Upstream BayLing chose by a path substring and so missed its own Llama-3 model;
    here the vocabulary decides between BayLing's two formats.
    """
    label = f"{name} {file_name}".lower().replace("_", "-")
    if "bayling" in label or "百聆" in label:
        llama3 = ("<|eot_id|>" in known_tokens or vocab_size >= 128_000
                  or "llama-3" in label or "llama3" in label)
        return "bayling-3" if llama3 else "bayling-v1"
    if chat_template:
        return "gguf"
    return "plain"


def format_for_model(info: GGUFInfo, requested: str = "auto") -> PromptFormat:
    """The format to use for a model: *requested*, or detected from its metadata."""
    name = requested
    if requested == "auto":
        name = detect_format(info.name, info.path.name, info.chat_template, info.vocab_size,
                             info.known_tokens)
    return make_format(name, info.chat_template, info.bos_token, info.eos_token)
