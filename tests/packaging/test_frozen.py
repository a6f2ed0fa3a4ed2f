"""The frozen app (PyInstaller onedir) works on its own: CLI, every format, a real
translation, the GUI offscreen, and nothing heavy it does not use.

Runs when a bundle exists: ``python3 packaging/build.py`` makes dist/bayling-desktop/, or
$BAYLING_FROZEN_APP names the executable of another build; ``python3 dev.py test`` builds
one before running the suite.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bayling_desktop import APP_NAME, __version__
from bayling_desktop.documents import default_output_path, supported_extensions
from bayling_desktop.documents.formats.tmx import write_pairs

from .samples import SENTENCES, WRITERS, write_samples

ROOT = Path(__file__).resolve().parents[2]
_EXE = "bayling-desktop.exe" if sys.platform == "win32" else "bayling-desktop"
FROZEN = Path(os.environ.get("BAYLING_FROZEN_APP") or ROOT / "dist" / "bayling-desktop" / _EXE)
#: the bundle's size limit; a GPU build of llama.cpp (CUDA) needs a higher one
#: PyMuPDF (PDF in and out: 53 MiB) and the spell checker's word lists (7 MiB) raised it from
#: 320; OCR of scanned PDF pages to 720: OpenCV 282 MiB (its wheel bundles Qt 5, FFmpeg and
#: OpenBLAS; opencv-python-headless would be 172), onnxruntime 35, RapidOCR's models 16
BUDGET_MIB = int(os.environ.get("BAYLING_BUNDLE_BUDGET_MIB", "720"))
CJK = re.compile(r"[\u4e00-\u9fff]")

pytestmark = pytest.mark.skipif(
    not FROZEN.is_file(),
    reason=f"no frozen build at {FROZEN}: run `python3 packaging/build.py` "
           "(or set BAYLING_FROZEN_APP to a built executable)")


def run(*args: str | Path, timeout: float = 180, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the frozen executable with the test's private home (set by conftest)."""
    return subprocess.run([str(FROZEN), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=dict(os.environ, **env), timeout=timeout)


def internal_files() -> list[Path]:
    internal = FROZEN.parent / "_internal"
    return [p for p in internal.rglob("*") if p.is_file()]


def test_version_names_the_app_and_llama_cpp() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert f"{APP_NAME} {__version__}" in result.stdout
    assert re.search(r"llama-cpp-python \d+\.\d+", result.stdout), result.stdout


def test_every_document_format_is_read_and_written(tmp_path: Path) -> None:
    """Readers are imported by name at run time: a format left out of the bundle fails here.

    The translations come from an imported translation memory, so no model is needed; the
    model path given does not exist, so any miss fails loudly instead of loading one.
    """
    assert set(WRITERS) | {".text", ".markdown", ".htm", ".pot", ".xlf", ".ssa"} == set(
        supported_extensions())
    chinese = ("会议九点开始。", "请带上签好的合同。")
    memory = tmp_path / "memory.tmx"
    write_pairs(memory, [("en", "zh", s, t) for s, t in zip(SENTENCES, chinese, strict=True)])
    samples = write_samples(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    result = run("translate", *samples, "--from", "en", "--to", "zh", "--tm", memory,
                 "-o", out, "--model", tmp_path / "absent.gguf")
    assert result.returncode == 0, result.stderr
    for sample in samples:
        written = out / default_output_path(sample, "zh").name
        if zipfile.is_zipfile(written):
            with zipfile.ZipFile(written) as archive:
                text = "".join(archive.read(n).decode("utf-8", "replace")
                               for n in archive.namelist()
                               if n.endswith((".xml", ".xhtml", ".ncx", ".opf")))
        elif written.suffix == ".pdf":  # a PDF is written back as a PDF: read its text
            import pymupdf

            with pymupdf.open(written) as pdf:
                text = "".join(page.get_text() for page in pdf)
        else:
            text = written.read_text(encoding="utf-8")
        assert all(t in text for t in chinese), f"{written.name}: {text[:300]!r}"


def test_a_scanned_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    """RapidOCR's models and onnxruntime are in the bundle: a scan's lines are read and
    translated (from a translation memory: OCR of clean type reads it exactly)."""
    import pymupdf

    sheet = pymupdf.open()
    typeset = sheet.new_page(width=400, height=300)
    typeset.insert_text((40, 80), "Hello world.", fontsize=24, fontname="helv")
    scan = pymupdf.open()
    scan.new_page(width=400, height=300).insert_image(
        pymupdf.Rect(0, 0, 400, 300), stream=typeset.get_pixmap(dpi=150).tobytes("png"))
    scan.save(str(tmp_path / "scan.pdf"))
    memory = tmp_path / "memory.tmx"
    write_pairs(memory, [("en", "zh", "Hello world.", "你好，世界。")])
    result = run("translate", tmp_path / "scan.pdf", "--from", "en", "--to", "zh", "--tm",
                 memory, "--model", tmp_path / "absent.gguf")
    assert result.returncode == 0, result.stderr
    assert "read by OCR" in result.stderr
    with pymupdf.open(tmp_path / "scan.zh.pdf") as pdf:
        assert "你好，世界。" in pdf[0].get_text()


@pytest.mark.model
def test_translates_one_sentence_with_the_model(tmp_path: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "s.txt"
    source.write_text("The weather is nice today.\n", encoding="utf-8")
    result = run("translate", source, "--to", "zh", "--from", "en", "--model", qwen_model_path,
                 "--max-tokens", "48")
    assert result.returncode == 0, result.stderr
    translated = (tmp_path / "s.zh.txt").read_text(encoding="utf-8")
    assert CJK.search(translated) and "weather" not in translated.lower(), translated


def test_gui_starts_offscreen_and_exits_cleanly() -> None:
    result = run(QT_QPA_PLATFORM="offscreen", BAYLING_DESKTOP_QUIT_AFTER_MS="2000", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.model
def test_gui_loads_the_model_on_its_thread_and_exits_cleanly(qwen_model_path: Path) -> None:
    """The window closes by timer while (or after) the worker thread loads the weights."""
    result = run("--verbose", "--model", qwen_model_path, QT_QPA_PLATFORM="offscreen",
                 BAYLING_DESKTOP_QUIT_AFTER_MS="3000", timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    # llama.cpp's own log, forwarded at debug level: the weights were really loaded
    assert "llama_context" in result.stderr


def test_bundle_holds_what_the_app_loads_at_run_time() -> None:
    names = {p.name for p in internal_files()}
    relative = {p.relative_to(FROZEN.parent).as_posix() for p in internal_files()}
    assert any(re.fullmatch(r"(lib)?llama\.(so|dll|dylib)", n) for n in names)
    assert "bayling-desktop-256.png" in names and "bayling-desktop.svg" in names
    compiled = {p.name for p in (ROOT / "bayling_desktop" / "resources" / "i18n").glob("*.qm")}
    assert compiled <= names, f"missing translations {compiled - names}"
    platforms = {"offscreen", "xcb", "wayland"} if sys.platform.startswith("linux") else {
        "offscreen"}
    for platform in platforms:
        assert any(re.search(rf"plugins/platforms/(lib)?q{platform}\.", r) for r in relative), (
            f"Qt platform plugin {platform} missing")
    assert any("plugins/imageformats/" in r and "qsvg" in r for r in relative)
    assert any(n.startswith("qtbase_zh_CN") for n in names), "Qt's own Chinese strings missing"


def test_bundle_is_lean() -> None:
    files = internal_files()
    unwanted = re.compile(r"WebEngine|Qt6?Quick|Qt6?Qml|Qt63D|Qt6?Multimedia|Qt6?Pdf|"
                          r"_tkinter|libtk\d|libtcl\d|Qt6?Designer", re.IGNORECASE)
    assert not [p.name for p in files if unwanted.search(p.name)]
    test_folders = {p.parent for p in files if "tests" in p.relative_to(FROZEN.parent).parts}
    assert not test_folders, f"test suites bundled: {sorted(map(str, test_folders))[:5]}"
    size = sum(p.stat().st_size for p in [*files, FROZEN] if not p.is_symlink())
    print(f"bundle size: {size / 2**20:.0f} MiB")
    assert size < BUDGET_MIB * 2**20, (f"the bundle grew to {size / 2**20:.0f} MiB "
                                       f"(budget {BUDGET_MIB} MiB)")
