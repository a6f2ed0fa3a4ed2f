"""Property tests: tags parse back to what produced them; protection is lossless."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bayling_desktop.documents.protect import protect, restore
from bayling_desktop.documents.tags import Node, parse, strip_tags, validate_tags

WORDS = st.text(alphabet=st.characters(blacklist_characters="<>", blacklist_categories=["Cs"]),
                max_size=12)


@st.composite
def tagged(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    counter = draw(st.integers(min_value=1, max_value=5))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        parts.append(draw(WORDS))
        choice = draw(st.integers(min_value=0, max_value=2))
        counter += 1
        if choice == 1:
            parts.append(f"<x{counter}/>")
        elif choice == 2 and depth < 2:
            parts.append(f"<{counter}>{draw(WORDS)}</{counter}>")
    return "".join(parts)


def flatten(node: Node) -> str:
    return "".join(p if isinstance(p, str) else flatten(p) for p in node.parts)


@given(tagged())
def test_valid_tagging_validates_and_parses(text: str) -> None:
    assert validate_tags(text, text) == []
    assert flatten(parse(text)) == strip_tags(text)  # no text lost or moved by parsing


@given(tagged())
def test_dropping_a_tag_is_always_noticed(text: str) -> None:
    tags = [t for t in ("<1>", "</1>", "<x2/>", "<2>", "</2>", "<3>", "</3>") if t in text]
    for tag in tags:
        assert validate_tags(text, text.replace(tag, "", 1))


def test_misnested_tags_are_reported() -> None:
    assert validate_tags("<1>a <2>b</2></1>", "<1>a <2>b</1></2>")
    assert validate_tags("<1>a</1>", "<1>a</1><1>b</1>")


ATOMS = st.sampled_from(["%s", "%(name)s", "{count}", "{{user}}", "https://example.org/x?y=1",
                         "me@example.com", "`code`", "&amp;", "&#169;", "{0}"])


@given(st.lists(st.tuples(WORDS, ATOMS), max_size=6), WORDS)
def test_protection_round_trips_exactly(pairs: list[tuple[str, str]], tail: str) -> None:
    text = "".join(word + " " + atom + " " for word, atom in pairs) + tail
    protected, spans = protect(text)
    for _word, atom in pairs:
        assert atom not in protected.replace("<x", "")
    restored, missing = restore(protected, spans)
    assert restored == text and missing == []


def test_lost_placeholders_are_reported_not_appended() -> None:
    """A placeholder put at the end looks fine and means nothing: it is named instead."""
    _protected, spans = protect("Hello %(name)s, you have {count} messages")
    restored, missing = restore("你好，你有消息 <x102/>", spans)
    assert missing == ["%(name)s"]
    assert restored == "你好，你有消息 {count}"


def test_double_backtick_code_is_one_protected_span() -> None:
    """RST and Markdown write ``code`` with two backticks (Django's docs do, everywhere): a
    pattern that knew only one backtick split each span in two and handed the prose between
    two spans to the model as code, and the backticks to the model as text."""
    text = "Only if ``connection.queries`` is set, :setting:`DEBUG` is ``True``."
    protected, spans = protect(text)
    assert protected == "Only if <x101/> is set, :setting:<x102/> is <x103/>."
    assert list(spans.values()) == ["``connection.queries``", "`DEBUG`", "``True``"]
    assert protect("a ``` b and `` c")[1] == {}  # unclosed runs are text, not code


def test_a_placeholder_or_bracket_inside_a_url_stays_in_it() -> None:
    """Django's own catalogue: the URL must not stop at the ')' of '%(version)s'."""
    text = 'View <a href="https://docs.djangoproject.com/en/%(version)s/releases/">notes</a>'
    protected, spans = protect(text)
    # markup inside a string is protected whole, its attributes byte for byte
    assert protected == "View <x101/>notes<x102/>"
    assert spans["<x101/>"] == text[5:text.index(">") + 1]
    assert protect("See https://en.wikipedia.org/wiki/Foo_(bar).")[0] == "See <x101/>."
    assert protect("(see https://example.org/a).")[1] == {"<x101/>": "https://example.org/a"}


@pytest.mark.parametrize(("text", "spans"), [
    ("Try again in %minutes% minutes.", ["%minutes%"]),
    ("Use %1$s and %2$d, then %5.2f%%", ["%1$s", "%2$d", "%5.2f", "%%"]),
    ("Wait %dm then %ld", ["%d", "%ld"]),
    ("Hi %{name}, {{ user.name }} {% if x %}{# note #}", ["%{name}", "{{ user.name }}",
                                                          "{% if x %}", "{# note #}"]),
    ("{count, plural, one {# item} other {# items}} left", [
        "{count, plural, one {# item} other {# items}}"]),
    ("Open ${name} or {0} or {name!r:>10}", ["${name}", "{0}", "{name!r:>10}"]),
    ('Read <a href="x.html" target="_blank">this</a><br/>', [
        '<a href="x.html" target="_blank">', "</a>", "<br/>"]),
    ("if a<b and c>d then 100% done", []),
    # Django flatpages: file names and URL paths are not words to translate
    ("Example: “flatpages/contact_page.html”. Else “flatpages/default.html”.", [
        "flatpages/contact_page.html", "flatpages/default.html"]),
    ("Example: “/about/contact/”. See ./setup.py", ["/about/contact/", "./setup.py"]),
    ("and/or at 50 km/h, 24/7, in /tmp or 1/2/3", []),
])
def test_placeholder_syntaxes_are_protected(text: str, spans: list[str]) -> None:
    assert list(protect(text)[1].values()) == spans


def test_gnu_quotes_are_prose_and_handles_are_names() -> None:
    """Sphinx writes `source_suffix' (GNU quoting): the words between two such quotes
    were taken for one code span and never translated; @handles are names."""
    text = "The config value `source_suffix' expects a string. But `%r' is given."
    assert list(protect(text)[1].values()) == ["%r"]
    assert list(protect("Fix typo by @jwilk in #230, mail a@b.org")[1].values()) == [
        "@jwilk", "a@b.org"]
    assert list(protect("Use `it's` here")[1].values()) == ["`it's`"]
