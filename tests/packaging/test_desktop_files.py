"""Desktop integration files: valid, and consistent with the app and with each other."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from bayling_desktop import APP_ID, __version__
from bayling_desktop.documents import supported_extensions

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / f"{APP_ID}.metainfo.xml"

#: the MIME type each extension the app opens is registered under (shared-mime-info names)
MIME_OF = {
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
    ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text", ".pdf": "application/pdf",
    ".srt": "application/x-subrip", ".vtt": "text/vtt", ".po": "text/x-gettext-translation",
    ".pot": "text/x-gettext-translation-template", ".xlf": "application/x-xliff+xml",
    ".xliff": "application/x-xliff+xml", ".epub": "application/epub+zip",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ass": "text/x-ssa", ".ssa": "text/x-ssa", ".tmx": "application/x-tmx+xml",
}


def desktop_entry() -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    return entry["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils; "
                           "dev.py test installs it)")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # hints are advice; errors and warnings are not accepted
    assert not re.search(r": (error|warning):", result.stdout), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (Debian: appstream; dev.py test "
                           "installs it)")
def test_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]: ", result.stdout, re.MULTILINE), result.stdout


def test_ids_and_commands_agree() -> None:
    section = desktop_entry()
    assert section["Icon"] == APP_ID
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    command, *args = section["Exec"].split()
    assert command in scripts and args == ["%F"]
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == command
    release = root.find("releases/release")
    assert release is not None and release.get("version") == __version__


def test_every_document_type_the_app_opens_is_associated() -> None:
    """Adding a format to bayling_desktop.documents must add its MIME type here too."""
    opened = set(supported_extensions())
    assert opened <= set(MIME_OF), f"no MIME type known for {sorted(opened - set(MIME_OF))}"
    wanted = {MIME_OF[ext] for ext in opened}
    declared = set(filter(None, desktop_entry()["MimeType"].split(";")))
    assert declared == wanted
    root = ElementTree.parse(METAINFO).getroot()
    media = {e.text for e in root.iterfind("provides/mediatype")}
    assert media == wanted - {"text/plain"}  # a translator is no text editor to advertise


def test_installers_list_the_same_extensions() -> None:
    opened = set(supported_extensions())
    iss = (ROOT / "packaging" / "windows" / "installer.iss").read_text(encoding="utf-8")
    assert set(re.findall(r"Classes\\(\.[a-z]+)\\OpenWithProgids", iss)) == opened
    spec = (ROOT / "packaging" / "bayling-desktop.spec").read_text(encoding="utf-8")
    block = re.search(r'"CFBundleTypeExtensions": \[(.*?)\]', spec, re.DOTALL)
    assert block is not None
    assert {f".{e}" for e in re.findall(r'"(\w+)"', block.group(1))} == opened


def test_screenshots_named_in_metainfo_are_in_the_repository() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    images = [e.text or "" for e in root.iterfind("screenshots/screenshot/image")]
    assert images
    prefix = "https://github.com/bayling-desktop/bayling-desktop/raw/main/"
    for url in images:
        assert url.startswith(prefix)
        assert (ROOT / url.removeprefix(prefix)).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
