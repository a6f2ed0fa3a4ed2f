"""Subtitles come back in their own form (issue 19 item 6): encoding, byte-order mark, line
endings, WebVTT cue ids, NOTE/STYLE/REGION blocks and timestamp forms; unpaired tags stay
where they were or are flagged; a reply's line count is put right or flagged.

Fixtures are excerpts of webvtt-py's and srt's own sample files (comments.vtt,
using_identifiers.vtt, regions.vtt, styles_with_comments.vtt, netflix_chicas_del_cable.vtt).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import srt
import webvtt

from bayling_desktop.documents import open_document

VTT = """WEBVTT - Translation of that film I like

NOTE
This translation was done by Kyle so that
some friends can watch it with their parents.

STYLE
::cue(b) {
  color: peachpuff;
}

REGION
id:fred
width:40%
lines:3

intro
00:15.000 --> 00:16.500 region:fred align:left
- Ta en kopp varmt te.
- Det är inte varmt.

2
00:02:20.000 --> 00:02:25.000
<v Fred>Har en kopp te.

NOTE This last line may not translate well.

00:02:25.000 --> 00:02:30.000  position:50.00%,middle  align:middle
<i>las mujeres éramos</i>
<i>algo así como adornos</i>
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
Café au lait, s'il vous plaît.

2
00:00:04,000 --> 00:00:06,000
{\\an8}Où est la gare ?
"""


def upper(tagged: str) -> str:
    """A translator that keeps every tag where it was (the text changes, nothing else)."""
    return re.sub(r"(<[^<>]*>)|([^<]+)", lambda m: m.group(1) or m.group(2).upper(), tagged)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8",
           newline: str = "\n", bom: bytes = b"") -> Path:
    path = tmp_path / name
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    return path


def test_vtt_keeps_header_notes_styles_regions_ids_and_timestamps(tmp_path: Path) -> None:
    document = open_document(_write(tmp_path, "film.vtt", VTT))
    out = tmp_path / "out.vtt"
    document.export({u.id: upper(u.source) for u in document.units}, out)
    text = out.read_text(encoding="utf-8")
    # everything but the cue text is byte for byte the source
    expected = VTT
    for line in ("- Ta en kopp varmt te.", "- Det är inte varmt.", "Har en kopp te.",
                 "las mujeres éramos", "algo así como adornos"):
        expected = expected.replace(line, line.upper())
    assert text == expected and not document.flagged
    assert "intro\n00:15.000 --> 00:16.500 region:fred align:left\n" in text  # not 00:00:15
    # and the format's own library reads the same cues, ids, comments, styles, regions
    before, after = webvtt.from_string(VTT), webvtt.from_string(text)
    assert [(c.identifier, c.start, c.end) for c in after] == [
        (c.identifier, c.start, c.end) for c in before]
    assert after.captions[0].identifier == "intro"
    assert [s.text for s in after.styles] == [s.text for s in before.styles]
    assert len(after.regions) == 1 and after.header_comments == before.header_comments


def test_vtt_identity_is_byte_identical_with_bom_and_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.vtt", VTT, newline="\r\n", bom=codecs.BOM_UTF8)
    document = open_document(path)
    out = tmp_path / "same.vtt"
    document.export({u.id: u.source for u in document.units}, out)
    assert out.read_bytes() == path.read_bytes()


def test_cp1252_srt_stays_cp1252_with_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path, "fr.srt", SRT, encoding="cp1252", newline="\r\n")
    document = open_document(path)
    out = tmp_path / "de.srt"
    document.export({"cue-1": "Milchkaffee, bitte schön.", "cue-2": "<x1/>Wo ist der Bahnhof?"},
                    out)
    data = out.read_bytes()
    assert "schön".encode("cp1252") in data and b"\r\n2\r\n" in data and b"\n\n" not in data
    assert not document.notices
    cues = list(srt.parse(data.decode("cp1252")))
    assert [c.content for c in cues] == ["Milchkaffee, bitte schön.",
                                         "{\\an8}Wo ist der Bahnhof?"]


def test_cp1252_srt_that_cannot_hold_chinese_becomes_utf8_with_one_notice(
        tmp_path: Path) -> None:
    path = _write(tmp_path, "fr.srt", SRT, encoding="cp1252", newline="\r\n")
    document = open_document(path)
    out = tmp_path / "zh.srt"
    document.export({"cue-1": "请来一杯牛奶咖啡。", "cue-2": "<x1/>火车站在哪里？"}, out)
    document.export({"cue-1": "请来一杯牛奶咖啡。", "cue-2": "<x1/>火车站在哪里？"}, out)
    assert list(map(str, document.notices)) == [
        "fr.srt was in cp1252, which cannot hold the translation; it was written as UTF-8."]
    text = out.read_bytes().decode("utf-8")
    assert "\r\n" in text and [c.content for c in srt.parse(text)][1] == "{\\an8}火车站在哪里？"


def test_utf16_srt_with_bom_round_trips_in_utf16(tmp_path: Path) -> None:
    path = _write(tmp_path, "w.srt", SRT, encoding="utf-16-le", newline="\r\n",
                  bom=codecs.BOM_UTF16_LE)
    document = open_document(path)
    out = tmp_path / "zh.srt"
    document.export({"cue-1": "请来一杯牛奶咖啡。"}, out)
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE) and not document.notices
    text = data[2:].decode("utf-16-le")
    assert text.startswith("1\r\n00:00:01,000 --> 00:00:03,000\r\n请来一杯牛奶咖啡。\r\n")
    same = tmp_path / "same.srt"
    document.export({}, same)
    assert same.read_bytes() == path.read_bytes()


def test_unpaired_tags_are_void_tags_at_their_place(tmp_path: Path) -> None:
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
            "<v Fred>Never drink <00:00:02.000>liquid <s>nitrogen.\n")
    document = open_document(_write(tmp_path, "k.vtt", text))
    assert document.units[0].source == "<x1/>Never drink <x2/>liquid <x3/>nitrogen."
    out = tmp_path / "zh.vtt"
    document.export({"cue-1": "<x1/>千万别喝<x2/>液<x3/>氮。"}, out)
    assert "<v Fred>千万别喝<00:00:02.000>液<s>氮。\n" in out.read_text(encoding="utf-8")
    assert not document.flagged
    # a reply that pushed them all to the end is written, and named tag by tag
    document.export({"cue-1": "千万别喝液氮。<x1/><x2/><x3/>"}, out)
    assert [(f.code, f.arg("tag")) for f in document.flagged["cue-1"]] == [
        ("tag_moved", "<x1/>"), ("tag_moved", "<x2/>"), ("tag_moved", "<x3/>")]


def test_an_override_the_reply_lost_opens_the_cue_again(tmp_path: Path) -> None:
    document = open_document(_write(tmp_path, "a.srt", SRT))
    out = tmp_path / "zh.srt"
    document.export({"cue-2": "火车站<x7/>在哪里？"}, out)  # a tag it never had, the override lost
    assert [c.content for c in srt.parse(out.read_text(encoding="utf-8"))][1] == (
        "{\\an8}火车站在哪里？")


FIVE = ("1\n00:00:01,000 --> 00:00:09,000\nOne fish,\ntwo fish,\nred fish,\nblue fish,\n"
        "and a very old fish.\n")


def test_written_out_breaks_become_lines_again(tmp_path: Path) -> None:
    document = open_document(_write(tmp_path, "five.srt", FIVE))
    out = tmp_path / "zh.srt"
    reply = "一条鱼，<br>两条鱼，<br>红鱼，<br>蓝鱼，<br>还有一条很老的鱼。"
    document.export({"cue-1": reply}, out)
    content = next(srt.parse(out.read_text(encoding="utf-8"))).content
    assert content == "一条鱼，\n两条鱼，\n红鱼，\n蓝鱼，\n还有一条很老的鱼。"
    assert not document.flagged and "<br>" not in out.read_text(encoding="utf-8")


def test_one_line_for_five_is_rewrapped_to_five_and_flagged(tmp_path: Path) -> None:
    document = open_document(_write(tmp_path, "five.srt", FIVE))
    out = tmp_path / "zh.srt"
    merged = "One fish, two fish, red fish, blue fish, and a very old fish (merged)."
    document.export({"cue-1": merged}, out)
    lines = next(srt.parse(out.read_text(encoding="utf-8"))).content.split("\n")
    assert len(lines) == 5 and " ".join(lines) == merged
    assert [str(f) for f in document.flagged["cue-1"]] == [
        "The translation came back as 1 of 5 lines; it was re-wrapped to 5 lines."]


def test_a_reply_spread_over_many_lines_is_joined_to_the_source_count(tmp_path: Path) -> None:
    document = open_document(_write(tmp_path, "five.srt", FIVE))
    out = tmp_path / "zh.srt"
    document.export({"cue-1": "\n".join("一条两条红色蓝色还有很老的鱼")}, out)  # one char a line
    lines = next(srt.parse(out.read_text(encoding="utf-8"))).content.split("\n")
    assert len(lines) == 5 and "".join(lines) == "一条两条红色蓝色还有很老的鱼"
    assert [f.code for f in document.flagged["cue-1"]] == ["lines_rewrapped"]
