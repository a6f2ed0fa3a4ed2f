"""Spell checking marks unknown words of supported languages, never names from the source."""

from __future__ import annotations

from bayling_desktop.translation.spelling import misspelled, supported


def _words(text: str, language: str, source: str = "") -> list[str]:
    return [text[s:e] for s, e in misspelled(text, language, source)]


def test_unknown_words_are_found() -> None:
    assert _words("We recieve the <1>invoce</1> today.", "en-GB") == ["recieve", "invoce"]
    assert _words("Wir bezahlen die Rechnung morgen.", "de") == []
    assert _words("Nous payons la factur demain.", "fr") == ["factur"]


def test_names_codes_and_capitals_from_the_source_are_not_marked() -> None:
    source = "Send it to Zurich by ACME-42."
    assert _words("Schicken Sie es bis ACME-42 nach Zurich.", "de", source) == []


def test_languages_without_a_word_list_are_not_checked() -> None:
    assert not supported("zh") and supported("pt-BR")
    assert misspelled("供应商应在三十天内付款。", "zh") == []
