"""BayLing's own chat templates, embedded in every GGUF the builder writes.

The stock Llama-2 / Llama-3 templates are wrong for BayLing (REFERENCE.md §1), so a
GGUF without BayLing's template makes LM Studio, Ollama or llama-server prompt it
badly. These Jinja templates render byte-for-byte what upstream's
``conversation.py`` produces (the same strings ``engine/formats.py`` renders); no BOS
in the text, because the tokenizer adds it. Each template is one line of Jinja
tags, so neither ``trim_blocks`` nor ``lstrip_blocks`` changes its output.
"""

from __future__ import annotations

from ...engine.formats import (
    BAYLING3_SYSTEM,
    BAYLING_V1_ASSISTANT,
    BAYLING_V1_SYSTEM,
    BAYLING_V1_USER,
)


def _jinja_string(text: str) -> str:
    """A Jinja string literal for *text* (Jinja unescapes like Python)."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
    return f"'{escaped}'"


BAYLING_V1_TEMPLATE = (
    "{%- if messages and messages[0]['role'] == 'system' -%}"
    "{%- set system = messages[0]['content'] -%}"
    "{%- set turns = messages[1:] -%}"
    "{%- else -%}"
    "{%- set system = " + _jinja_string(BAYLING_V1_SYSTEM) + " -%}"
    "{%- set turns = messages -%}"
    "{%- endif -%}"
    "{%- if not system.endswith('\\n') -%}{%- set system = system + '\\n' -%}{%- endif -%}"
    "{{- system + '\\n' -}}"
    "{%- for message in turns -%}"
    "{%- if message['role'] == 'user' -%}"
    "{{- " + _jinja_string(BAYLING_V1_USER) + " + message['content'] + '\\n' -}}"
    "{%- else -%}"
    "{{- " + _jinja_string(BAYLING_V1_ASSISTANT) + " + message['content'] + '</s>\\n' -}}"
    "{%- endif -%}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt is not defined or add_generation_prompt -%}"
    "{{- " + _jinja_string(BAYLING_V1_ASSISTANT) + " -}}"
    "{%- endif -%}"
)

BAYLING3_TEMPLATE = (
    "{%- if messages and messages[0]['role'] == 'system' -%}"
    "{%- set system = messages[0]['content'] -%}"
    "{%- set turns = messages[1:] -%}"
    "{%- else -%}"
    "{%- set system = " + _jinja_string(BAYLING3_SYSTEM) + " -%}"
    "{%- set turns = messages -%}"
    "{%- endif -%}"
    "{{- '<|start_header_id|>system<|end_header_id|>\\n\\n' + system | trim + '<|eot_id|>' -}}"
    "{%- for message in turns -%}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
    " + message['content'] | trim + '<|eot_id|>' -}}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt is not defined or add_generation_prompt -%}"
    "{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' -}}"
    "{%- endif -%}"
)


def template_for(prompt_format: str) -> str:
    """The template for ``bayling-v1`` or ``bayling-3``."""
    return BAYLING3_TEMPLATE if prompt_format == "bayling-3" else BAYLING_V1_TEMPLATE
