"""Fixtures shared by the storage and translation unit tests: a project store and a small
document project in the test's own folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.storage.projects import Project, ProjectStore

SENTENCES = ["The parcel arrives on Monday.", "It weighs 12 kilograms.",
             "The courier will call you first.", "Please sign the form.",
             "The parcel arrives on Monday.", "Thank you for your order."]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    opened = ProjectStore(tmp_path / "projects.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "order.txt"
    path.write_text("\n\n".join(SENTENCES) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def project(store: ProjectStore, doc_path: Path) -> Project:
    return store.create(open_document(doc_path), "en", "zh")
