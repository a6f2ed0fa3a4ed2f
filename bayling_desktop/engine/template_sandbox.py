"""A Jinja sandbox for GGUF chat templates that is bounded in time and size, too.

A GGUF file is downloaded from strangers, and its ``tokenizer.chat_template`` runs on
every request. Jinja's sandbox already blocks attribute tricks; this one also bounds
what a template can cost: ``range()`` yields lazily and checks a deadline (two nested
``range(100000)`` loops hung ``chat --dry-run``), ``*``, ``+`` and ``**`` refuse results
over the size limit (``"x" * 10000000000`` raised MemoryError), the output is collected
piece by piece within the same limits, and ``{% include %}`` names what a chat template
cannot do. Every failure is a :class:`jinja2.TemplateError` the caller words.
"""

from __future__ import annotations

import operator
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import BaseLoader, Environment, Template, TemplateError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: seconds one rendering may take (real chat templates take milliseconds)
RENDER_SECONDS = 2.0
#: the most characters a rendering, or any string or list made while rendering, may hold
RENDER_CHARS = 4 * 1024 * 1024
#: the longest range() a template may loop over
RANGE_ITEMS = 1_000_000


class TemplateLimitError(TemplateError):
    """The template went past a time or size limit."""


class _NoIncludes(BaseLoader):
    def get_source(self, environment: Environment, template: str) -> tuple[str, None, None]:
        raise TemplateError(f"it tries to include another template ({template!r}), which a "
                            "model's chat template cannot do")


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a call the environment can bound (Jinja joins it directly)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with a deadline and size limits (see the module docstring)."""

    intercepted_binops = frozenset({"*", "+", "**"})
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(loader=_NoIncludes(), **options)
        self._local = threading.local()  # lanes may render with one format at once
        self.globals["range"] = self._range

    @property
    def deadline(self) -> float:
        return float(getattr(self._local, "deadline", float("inf")))

    @deadline.setter
    def deadline(self, value: float) -> None:
        self._local.deadline = value

    def _check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"it ran for more than {RENDER_SECONDS:g} seconds")

    def _range(self, *args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > RANGE_ITEMS:
            raise TemplateLimitError(f"it loops over more than {RANGE_ITEMS:,} numbers")
        return self._timed(numbers)

    def _timed(self, numbers: range) -> Iterator[int]:
        for count, number in enumerate(numbers):
            if count % 256 == 0:
                self._check_time()
            yield number

    def bounded_join(self, parts: tuple[Any, ...]) -> str:
        """``a ~ b ~ …`` (chat templates do not autoescape: a plain join)."""
        self._check_time()
        texts = [str(part) for part in parts]
        if sum(len(t) for t in texts) > RENDER_CHARS:
            raise TemplateLimitError(f"it makes a text of more than {RENDER_CHARS:,} "
                                     "characters")
        return "".join(texts)

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        self._check_time()
        if operator_ == "**":
            if isinstance(right, int) and abs(right) > 4096 and not (
                    isinstance(left, int) and abs(left) <= 1):
                raise TemplateLimitError("it computes a number too large to use")
            return operator.pow(left, right)
        if operator_ == "*":
            for sized, times in ((left, right), (right, left)):
                if isinstance(sized, str | list | tuple) and isinstance(times, int) and (
                        len(sized) * times > RENDER_CHARS):
                    raise TemplateLimitError(f"it makes a text of more than {RENDER_CHARS:,} "
                                             "characters")
            return operator.mul(left, right)
        result = operator.add(left, right)
        if isinstance(result, str | list | tuple) and len(result) > RENDER_CHARS:
            raise TemplateLimitError(f"it makes a text of more than {RENDER_CHARS:,} "
                                     "characters")
        return result


def render_bounded(environment: BoundedSandbox, template: Template,
                   variables: Mapping[str, Any]) -> str:
    """Render *template* within :data:`RENDER_SECONDS` and :data:`RENDER_CHARS`."""
    environment.deadline = time.monotonic() + RENDER_SECONDS
    pieces: list[str] = []
    size = 0
    try:
        for piece in template.generate(**variables):
            size += len(piece)
            if size > RENDER_CHARS:
                raise TemplateLimitError(f"its output exceeds {RENDER_CHARS:,} characters")
            environment._check_time()
            pieces.append(piece)
    except (MemoryError, OverflowError, RecursionError) as exc:
        raise TemplateLimitError(f"it needs more memory or depth than a chat template may "
                                 f"({type(exc).__name__})") from None
    finally:
        environment.deadline = float("inf")
    return "".join(pieces)

