"""Subtitles (issue 14 item 3): line breaks inside a cue travel as tags the model must keep;
<i>, <b>, <font> and {\\an8} survive or the cue is flagged; a cue that lost a line is
re-wrapped to its line count and flagged."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.subtitles import CueText
from bayling_desktop.errors import DocumentError

SRT = """1
00:00:01,000 --> 00:00:03,000
{\\an8}<i>Where are you going</i>
at this <font color="#ffff00">hour</font>?

2
00:00:04,000 --> 00:00:05,000
<b>Home.</b>

3
00:00:06,000 --> 00:00:08,000
The first line of three,
the second line,
and the last one.

"""

VTT = """WEBVTT

00:00:01.000 --> 00:00:02.000 line:0
<v Anna>Hello <i>there</i></v>
<c.yellow>second line</c>
"""


def _srt(tmp_path: Path) -> Path:
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    return path


def test_cue_markup_becomes_tags(tmp_path: Path) -> None:
    sources = [u.source for u in open_document(_srt(tmp_path)).units]
    assert sources == ["<x1/><2>Where are you going</2><x3/>at this <4>hour</4>?",
                       "<1>Home.</1>",
                       "The first line of three,<x1/>the second line,<x2/>and the last one."]


def test_units_say_which_tags_are_line_breaks(tmp_path: Path) -> None:
    units = open_document(_srt(tmp_path)).units
    assert [u.meta["line_breaks"] for u in units] == [["<x3/>"], [], ["<x1/>", "<x2/>"]]


def test_identity_round_trip_is_byte_identical(tmp_path: Path) -> None:
    for name, text in (("a.srt", SRT), ("a.vtt", VTT)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        document = open_document(path)
        out = tmp_path / f"same-{name}"
        document.export({u.id: u.source for u in document.units}, out)
        assert out.read_text(encoding="utf-8") == text and not document.flagged


def test_translation_with_tags_keeps_lines_and_formatting(tmp_path: Path) -> None:
    document = open_document(_srt(tmp_path))
    out = tmp_path / "zh.srt"
    document.export({"cue-1": "<x1/><2>这么晚了</2><x3/>你要去<4>哪里</4>？",
                     "cue-2": "<1>回家。</1>",
                     "cue-3": "第一行，<x1/>第二行，<x2/>最后一行。"}, out)
    text = out.read_text(encoding="utf-8")
    assert '{\\an8}<i>这么晚了</i>\n你要去<font color="#ffff00">哪里</font>？\n' in text
    assert "<b>回家。</b>" in text and "第一行，\n第二行，\n最后一行。\n" in text
    assert not document.flagged


def test_a_lost_line_is_rewrapped_and_flagged(tmp_path: Path) -> None:
    document = open_document(_srt(tmp_path))
    out = tmp_path / "zh.srt"
    document.export({"cue-3": "第一行，第二行，<x2/>最后一行。"}, out)
    cue = out.read_text(encoding="utf-8").split("\n\n")[2].splitlines()[2:]
    assert len(cue) == 3 and "".join(cue) == "第一行，第二行，最后一行。"
    assert [str(f) for f in document.flagged["cue-3"]] == [
        "The translation came back as 2 of 3 lines; it was re-wrapped to 3 lines."]


def test_lost_formatting_is_flagged_and_the_override_kept(tmp_path: Path) -> None:
    document = open_document(_srt(tmp_path))
    out = tmp_path / "zh.srt"
    document.export({"cue-1": "这么晚了，你要去哪里？"}, out)
    cue = out.read_text(encoding="utf-8").split("\n\n")[0].splitlines()[2:]
    assert cue[0].startswith("{\\an8}") and len(cue) == 2
    assert "".join(cue).replace("{\\an8}", "") == "这么晚了，你要去哪里？"
    flags = document.flagged["cue-1"]
    # italics and colour lost (named once), the two lines re-wrapped; the override stayed
    assert [f.code for f in flags] == ["formatting_lost", "lines_rewrapped"]


def test_real_newlines_from_the_model_count_as_the_tags() -> None:
    cue = CueText("Hello there,\nmy friend.")
    assert cue.rebuild("你好，\n我的朋友。") == ("你好，\n我的朋友。", [])


def test_vtt_voice_and_class_spans_survive(tmp_path: Path) -> None:
    path = tmp_path / "a.vtt"
    path.write_text(VTT, encoding="utf-8")
    document = open_document(path)
    assert document.units[0].source == "<1>Hello <2>there</2></1><x3/><4>second line</4>"
    out = tmp_path / "zh.vtt"
    document.export({"cue-1": "<1>你好<2>呀</2></1><x3/><4>第二行</4>"}, out)
    assert "<v Anna>你好<i>呀</i></v>\n<c.yellow>第二行</c>\n" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("content", ["a < b and c > d", "<3 you", "x</i> y"])
def test_stray_markup_round_trips(content: str) -> None:
    cue = CueText(content)
    assert cue.rebuild(cue.tagged) == (content, [])


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    """Subtitle Edit and other Windows tools write UTF-8 with a BOM (webvtt-py's
    captions_with_bom.vtt); the translation keeps it, as the ASS module does."""
    for name, text in (("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n"),
                       ("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n")):
        path = tmp_path / name
        path.write_bytes(codecs.BOM_UTF8 + text.encode())
        document = open_document(path)
        out = tmp_path / f"zh-{name}"
        document.export({document.units[0].id: "你好。"}, out)
        assert out.read_bytes().startswith(codecs.BOM_UTF8 + text[:6].encode())
        plain = tmp_path / f"plain-{name}"
        plain.write_text(text, encoding="utf-8")
        open_document(plain).export({}, out)
        assert not out.read_bytes().startswith(codecs.BOM_UTF8)


def test_a_broken_srt_names_the_line_not_the_parser_offsets(tmp_path: Path) -> None:
    path = tmp_path / "broken.srt"
    path.write_text("\n\nsome stray text\n\n1\n00:00:01,000 --> 00:00:02,000\nHello.\n",
                    encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        open_document(path)
    assert str(caught.value) == ("broken.srt is not a valid SubRip file (no cue starts on "
                                 "line 3: 'some stray text').")
