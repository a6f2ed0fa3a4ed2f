"""``translate`` on translation catalogues, as a user runs it: the translator's entries
stay theirs, the rest is translated, and the file still compiles.

The model is a stdlib OpenAI-compatible server answering with a fake "Chinese"
(one character per word; tags and protected placeholders kept, edge spaces dropped, as
real models do), so the whole CLI runs — projects, pipeline, export, validation.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polib
import pytest

from bayling_desktop.documents import open_document
from tests.e2e.test_cli import cli
from tests.e2e.test_remote_backend import OpenAIServer
from tests.unit.documents.catalogs import ZH_PO, needs_msgfmt, write
from tests.unit.translation.fakes import _INSTRUCTION, fake_translation

_NOTE = re.compile(r"^(?:Context for the translator|给译者的背景说明).*?\n\n", re.S)


def _reply(body: dict[str, Any]) -> list[str]:
    return [fake_translation(_text(body["messages"][-1]["content"]))]


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with OpenAIServer(_reply) as running:
        yield running


def translate(server: OpenAIServer, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return cli("translate", *args, "--from", "en", "--backend", "openai", "--base-url",
               server.base_url, "--api-model", "test-model")


def sources(server: OpenAIServer) -> set[str]:
    """The texts the model was asked to translate (retries ask again: counted once)."""
    return {_text(request["messages"][-1]["content"]) for request in server.requests}


def _text(content: str) -> str:
    content = _NOTE.sub("", content)  # the unit's context, said before the text
    match = _INSTRUCTION.match(content)  # else the instruction is the system message
    return match.group("text") if match else content


@needs_msgfmt
def test_only_the_untranslated_entries_are_translated(tmp_path: Path,
                                                      server: OpenAIServer) -> None:
    source = write(tmp_path / "django.po", ZH_PO)
    result = translate(server, source, "--to", "zh")
    assert result.returncode in (0, 3), result.stderr
    assert "6 translations the file already had were kept" in result.stderr  # 1 fuzzy
    assert "11/11" in result.stderr  # the kept ones count as done on the progress bar
    # msgctxt and comments reach the model as context (Mar./Apr. are months, not a verb)
    april = [r for r in server.requests if "Apr." in r["messages"][-1]["content"]]
    assert april and all("abbrev. month" in r["messages"][-1]["content"] for r in april)
    # placeholders protected, HTML as tags (no href to rewrite), context never as text
    assert sources(server) == {"By <x101/>", "<x101/> results", "Apr.",
                               "View function: <1><x101/></1>. Name: <2><x102/></2>.",
                               "View <1>release notes</1> for version <x101/>"}
    out = tmp_path / "django.zh.po"
    written = out.read_text(encoding="utf-8")
    for kept in ('msgid ""\n"Please enter the correct %(username)s and password for a staff '
                 'account. Note "\n"that both fields may be case-sensitive."\nmsgstr ""\n"请输入',
                 'msgid "Log out"\nmsgstr "退出"',
                 'msgstr[0] "总共 %(count)s 个 %(name)s 变更成功。"'):
        assert kept in written
    check = subprocess.run(["msgfmt", "-c", "--check-format", "--use-fuzzy", "-o", "/dev/null",
                            str(out)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    catalog = polib.pofile(str(out))
    view = next(e for e in catalog if "View function" in e.msgid)
    assert view.msgstr.startswith("\n    ") and view.msgstr.endswith("\n")
    assert catalog.find("%(counter)s result").msgstr_plural[0].startswith("%(counter)s")


def test_retranslate_and_fuzzy_make_them_new_work(tmp_path: Path,
                                                  server: OpenAIServer) -> None:
    source = write(tmp_path / "django.po", ZH_PO)
    result = translate(server, source, "--to", "zh", "--fuzzy")
    assert result.returncode in (0, 3), result.stderr
    assert "Log out" in sources(server)
    assert polib.pofile(str(tmp_path / "django.zh.po")).find("Log out").msgstr != "退出"
    server.requests.clear()
    # (the memory would serve what the first run translated)
    result = translate(server, source, "--to", "zh", "--retranslate", "--no-memory")
    assert result.returncode in (0, 3), result.stderr
    assert "already had were kept" not in result.stderr
    assert len(sources(server)) == len(open_document(source).units) == 11  # every unit


def test_a_catalogue_of_another_language_is_refused_before_the_model(
        tmp_path: Path, server: OpenAIServer) -> None:
    source = write(tmp_path / "django.po", ZH_PO)
    result = translate(server, source, "--to", "de")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "django.po holds translations into zh-CN" in lines[0]
    assert server.requests == [] and not (tmp_path / "django.de.po").exists()
