"""Sentence splitting (lossless, CJK-aware, tag-safe) and the tag repair helpers."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bayling_desktop.documents.model import Unit
from bayling_desktop.documents.segment import join_sentences, split_sentences, split_units
from bayling_desktop.documents.tags import fallback_text, repair_tags, strip_tags, validate_tags

from .test_tags_protect import tagged

PIECES = st.sampled_from(["Hello", "world", "Mr.", "Dr.", "e.g.", "3.14", "J.", "。", "！", "？",
                          ".", "!", "?", "...", "”", " ", "  ", "\n", "你好", "它", "The", "a",
                          "<1>", "</1>", "<x2/>", "(", ")"])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_splitting_is_lossless(text: str) -> None:
    sentences = split_sentences(text)
    assert "".join(sentences) == text
    assert all(sentences)


@given(tagged())
def test_sentences_of_well_tagged_text_are_well_tagged(text: str) -> None:
    for sentence in split_sentences(text):
        assert validate_tags(sentence, sentence) == []


def test_english_abbreviations_initials_and_numbers_do_not_split() -> None:
    assert split_sentences("Mr. Smith met Dr. Jones at 3 p.m. today. J. K. Rowling came too. "
                           "Pi is 3.14! Is it? Yes.") == [
        "Mr. Smith met Dr. Jones at 3 p.m. today. ", "J. K. Rowling came too. ",
        "Pi is 3.14! ", "Is it? ", "Yes."]
    assert split_sentences("See e.g. the manual. Then stop.") == [
        "See e.g. the manual. ", "Then stop."]


def test_cjk_full_stops_split_without_spaces_and_keep_closing_quotes() -> None:
    assert split_sentences("今天天气很好。我们去公园吧！他说：“好。”然后走了？") == [
        "今天天气很好。", "我们去公园吧！", "他说：“好。”", "然后走了？"]
    assert split_sentences("今日は晴れです。散歩しましょう。") == [
        "今日は晴れです。", "散歩しましょう。"]


def test_no_cut_inside_a_tag_pair() -> None:
    assert split_sentences("<1>One. Two.</1> Three.") == ["<1>One. Two.</1> ", "Three."]


def test_split_and_join_round_trip() -> None:
    units = [Unit("p1", "First one. Second one."), Unit("p2", "Alone."),
             Unit("c1", "Cue one. Cue two.", "cue")]
    split = split_units(units)
    assert [u.id for u in split] == ["p1#s1", "p1#s2", "p2", "c1"]
    assert [u.source for u in split][:2] == ["First one.", "Second one."]
    assert join_sentences(split, {u.id: u.source for u in split}) == {
        u.id: u.source for u in units}
    chinese = join_sentences(split, {"p1#s1": "第一句。", "p1#s2": "第二句。", "c1": "提示。"})
    assert chinese == {"p1": "第一句。第二句。", "c1": "提示。"}
    partial = join_sentences(split, {"p1#s2": "Zweiter."})
    assert partial == {"p1": "First one. Zweiter."}  # untranslated sentence keeps its source


def test_repair_normalises_bent_tags_and_never_guesses_a_lost_tags_place() -> None:
    source = "Click <1>Save</1> or see <x2/> now."
    bent = "点击< 1 >保存</ 1 >或查看＜x2/＞。"
    assert repair_tags(source, bent) == "点击<1>保存</1>或查看<x2/>。"
    # an invented tag is dropped; a lost void tag (a link) is not appended at the end
    invented = "点击<1>保存</1>或<x2/><3>现在</3>。"
    assert repair_tags(source, invented) == "点击<1>保存</1>或<x2/>现在。"
    assert repair_tags(source, "点击<1>保存</1><3>现在</3>。") is None
    assert repair_tags(source, "点击保存。") is None  # a lost pair cannot be placed by guessing
    assert repair_tags(source, "点击<1>保存</1>查看<x2/>。") == "点击<1>保存</1>查看<x2/>。"


@given(tagged(), st.text(max_size=20))
def test_fallback_keeps_all_text_and_every_void_tag_once(source: str, noise: str) -> None:
    target = strip_tags(source) + noise.replace("<", "")
    result = fallback_text(source, target + source)
    assert strip_tags(result) == strip_tags(target + source)
    for tag in {t for t in (f"<x{n}/>" for n in range(1, 12)) if t in source}:
        assert result.count(tag) == 1
    assert re.search(r"</?\d+>", result) is None  # paired tags are gone


def test_no_cut_just_before_a_closing_tag() -> None:
    from bayling_desktop.documents.tags import validate_tags

    for text in ("<2>. </2>", "<1>It works. </1>Next one.", "A <1>b. </1>"):
        pieces = split_sentences(text)
        assert "".join(pieces) == text
        assert all(validate_tags(p, p) == [] for p in pieces), pieces
