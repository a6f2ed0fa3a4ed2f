"""A reply cannot add cues, blocks or entries to any format (issue 23 item 4): the same
test for every writer. A model answering with the syntax of the file it goes into — a
SubRip cue, a WebVTT timing line, an ASS Dialogue line, a Markdown heading, a PO
``msgstr "``, a closing ``</trans-unit>`` — is written as text (escaped or broken up and
flagged ``structure_injected`` where the format has no escaping of its own), never as
structure: the file read back by its own library has exactly the entries it had.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest
import srt
import webvtt
from lxml import etree

from bayling_desktop.documents import open_document

CUE = "Injected\n\n99\n00:00:00,000 --> 00:00:09,000\nI am a new cue\n\n"
VTT_CUE = "Injected\n\n99\n00:00:00.000 --> 00:00:09.000\nI am a new cue"


def _count_srt(path: Path) -> int:
    return len(list(srt.parse(path.read_text(encoding="utf-8"))))


def _count_vtt(path: Path) -> int:
    return len(webvtt.read(str(path)).captions)


def _count_ass(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines()
               if line.startswith("Dialogue:"))


def _count_md(path: Path) -> int:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    return sum(1 for t in tokens if t.type in ("paragraph_open", "heading_open",
                                               "bullet_list_open", "fence", "blockquote_open"))


def _count_po(path: Path) -> int:
    return len(polib.pofile(str(path)))


def _count_html(path: Path) -> int:
    import lxml.html

    page = lxml.html.parse(str(path)).getroot()
    return len(page.findall(".//p")) + len(page.findall(".//script"))


def _count_xml(tag: str) -> Callable[[Path], int]:
    def count(path: Path) -> int:
        return sum(1 for e in etree.parse(str(path)).iter() if isinstance(e.tag, str)
                   and e.tag.rsplit("}", 1)[-1] == tag)
    return count


SOURCES: dict[str, tuple[str, str, Callable[[Path], int]]] = {
    "srt": ("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:03,000 --> 00:00:04,000\n"
            "Bye.\n", CUE, _count_srt),
    "vtt": ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:03.000 --> "
            "00:00:04.000\nBye.\n", VTT_CUE, _count_vtt),
    "ass": ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, "
            "Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,"
            "Default,,0,0,0,,Hello.\nDialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,Bye.\n",
            "Hi\nDialogue: 0,0:00:00.00,0:00:09.00,Default,,0,0,0,,Injected\n[Events]",
            _count_ass),
    "md": ("Hello there.\n\nBye now.\n",
           "Hi.\n\n# Injected heading\n- an item\n```\ncode", _count_md),
    "po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           'msgid "Hello."\nmsgstr ""\n\nmsgid "Bye."\nmsgstr ""\n',
           'Hi."\n\nmsgid "evil"\nmsgstr "injected', _count_po),
    "xlf": ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            'target-language="zh" datatype="plaintext" original="x"><body>'
            '<trans-unit id="a"><source>Hello.</source></trans-unit>'
            '<trans-unit id="b"><source>Bye.</source></trans-unit></body></file></xliff>\n',
            'Hi</target></trans-unit><trans-unit id="evil"><source>x</source><target>y',
            _count_xml("trans-unit")),
    "html": ("<html><body><p>Hello.</p><p>Bye.</p></body></html>\n",
             '</p><p>Injected</p><script>alert("evil")</script><p>', _count_html),
    "tmx": ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
            'creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
            'adminlang="en" srclang="en" datatype="plaintext"/><body>'
            '<tu><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu>'
            '<tu><tuv xml:lang="en"><seg>Bye.</seg></tuv></tu></body></tmx>\n',
            'Hi</seg></tuv></tu><tu><tuv xml:lang="zh"><seg>evil', _count_xml("tu")),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_reply_cannot_add_entries(name: str, tmp_path: Path) -> None:
    text, reply, count = SOURCES[name]
    path = tmp_path / f"in.{name}"
    path.write_text(text, encoding="utf-8")
    document = open_document(path)
    document.target_language = "zh"
    out = tmp_path / f"out.{name}"
    first, *others = document.units
    document.export({first.id: reply, **{u.id: u.source for u in others}}, out)
    assert count(out) == count(path), out.read_text(encoding="utf-8")
    again = open_document(out)
    assert len(again.units) == len(document.units)
    # the reply's words are there, as text of the first entry
    written = again.units[0].target or again.units[0].source
    assert "Injected" in written or "evil" in written
    if name in ("srt", "vtt", "ass", "md"):  # no escaping of their own: flagged
        assert {f.code for f in document.flagged[first.id]} == {"structure_injected"}


def test_a_vtt_reply_with_an_arrow_is_escaped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "a.vtt"
    path.write_text(SOURCES["vtt"][0], encoding="utf-8")
    document = open_document(path)
    out = tmp_path / "zh.vtt"
    document.export({"cue-1": "A --> B"}, out)
    assert webvtt.read(str(out)).captions[0].raw_text == "A --&gt; B"
    assert [f.arg("what") for f in document.flagged["cue-1"]] == ["a cue timing line (-->)"]
