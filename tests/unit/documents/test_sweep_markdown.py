"""Markdown as real READMEs write it (found by scripts/document_sweep.py on markdown-it-py's
own README and CHANGELOG): reference links by label, emphasis that opens with code."""

from __future__ import annotations

from pathlib import Path

from bayling_desktop.documents import open_document

README = """A Python port of [markdown-it], see [Markdown  It][] and [the spec][spec] or [sic].

**`SyntaxTreeNode.to_tokens()` follows the tree.**
Next line.

[markdown-it]: https://github.com/markdown-it/markdown-it
[markdown it]: https://example.org/it
[spec]: https://spec.commonmark.org/
"""


def test_a_shortcut_reference_link_keeps_its_label(tmp_path: Path) -> None:
    """``[markdown-it]`` is found by its text: a translated label is a link no more. A full
    reference's text is translatable, its label is not; a bracket no definition names is
    prose."""
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    document = open_document(path)
    assert document.units[0].source == (
        "A Python port of <x1/>, see <x2/> and <3>the spec</3> or [sic].")
    out = tmp_path / "zh.md"
    translated = "Python 移植 <x1/>，见 <x2/> 与 <3>规范</3> 或 [原文]。"
    document.export({document.units[0].id: translated}, out)
    assert out.read_text(encoding="utf-8").splitlines()[0] == (
        "Python 移植 [markdown-it]，见 [Markdown  It][] 与 [规范][spec] 或 [原文]。")


def test_emphasis_that_opens_with_code_is_one_tag(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    path.write_text(README, encoding="utf-8")
    unit = open_document(path).units[1]
    assert unit.source == "<1>`SyntaxTreeNode.to_tokens()` follows the tree.</1>\nNext line."


def test_html_blocks_with_words_are_said_not_silently_left(tmp_path: Path) -> None:
    """READMEs centre their logo and title in raw HTML, or fold text into <details>: that
    HTML is copied as it is, and the user is told."""
    path = tmp_path / "README.md"
    path.write_text("<!-- badges -->\n\n# Title\n\nText.\n", encoding="utf-8")
    assert list(map(str, open_document(path).notices)) == []
    path.write_text('<div align="center">\n<img src="logo.png">\n<h3>A fast parser</h3>\n'
                    "</div>\n\n# Title\n\nText.\n", encoding="utf-8")
    assert list(map(str, open_document(path).notices)) == [
        "This document has text in HTML blocks that is not translated; it was left as it was."]
