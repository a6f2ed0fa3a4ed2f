"""Django's own catalogues (from its sdist, fetched once): what a translator's work looks
like in the wild — msgmerge's wrapping, Transifex headers, plural forms of every kind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

from bayling_desktop.documents import existing_translations, open_document

from .catalogs import needs_msgfmt
from .realfiles import sdist_files


def _admin() -> list[Path]:
    return [p for p in sdist_files("Django", ".po")
            if "/contrib/admin/locale/" in str(p) and p.name == "django.po"]


def _compiles(path: Path) -> bool:
    return subprocess.run(["msgfmt", "-c", "--check-format", "--use-fuzzy", "-o", "/dev/null",
                           str(path)], capture_output=True, check=False).returncode == 0


def test_the_chinese_admin_catalogue_comes_back_as_its_translators_wrote_it(
        tmp_path: Path) -> None:
    [zh] = [p for p in _admin() if p.parent.parent.name == "zh_Hans"]
    document = open_document(zh)
    existing = existing_translations(document, "zh")
    assert len(existing) == len(polib.pofile(str(zh)).translated_entries()) == 198
    document.target_language = "zh"
    out = tmp_path / "django.zh.po"
    document.export({unit_id: text for unit_id, (text, _status) in existing.items()}, out)
    assert out.read_bytes() == zh.read_bytes()


@needs_msgfmt
def test_every_admin_catalogue_survives_a_translation_and_still_compiles(
        tmp_path: Path) -> None:
    catalogues = _admin()
    assert len(catalogues) > 90
    for path in catalogues:
        document = open_document(path)
        language = document.declared_languages[1] or "en"
        document.target_language = language
        existing = existing_translations(document, language)
        out = tmp_path / "out.po"
        document.export({u: t for u, (t, _s) in existing.items()}, out)
        assert out.read_bytes() == path.read_bytes(), path
        document.export({u.id: existing[u.id][0] if u.id in existing else "译" + u.source
                         for u in document.units}, out)
        if _compiles(path):
            assert _compiles(out), path
        assert not document.flagged, (path, document.flagged)
