"""Property-based fuzzing of every document parser with mutated real files (issue 15).

Seeds are real files of each format: the samples the format tests build with the real
writers (python-docx, odfpy, our PDF writer) and files shipped by installed packages
(python-docx's own Word template, a Markdown README of mdit-py-plugins). Each example
flips bytes, truncates, inserts junk, drops a zip entry or damages the XML inside one.
The promise: a clear DocumentError (any BaylingError), or a document whose
export succeeds and reopens — never another exception, never a hang.

Derandomized and bounded (``EXAMPLES`` per format) so CI is reproducible and quick.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import signal
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bayling_desktop.documents import open_document
from bayling_desktop.errors import BaylingError

pytestmark = pytest.mark.hostile

EXAMPLES = 60
#: one parse, export and re-parse may take this long before it counts as a hang
SECONDS = 20


def _installed(package: str, relative: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.glob(relative))
    return found[0] if found else None


def _copy(source: Path | None, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        if source is None:
            pytest.skip(f"the package file behind {name} is not installed")
        target = folder / name
        shutil.copyfile(source, target)
        return target

    return make


def _seeds() -> dict[str, Callable[[Path], Path]]:
    from tests.unit.documents.test_formats import FILES
    from tests.unit.documents.test_odt_pdf import make_odt, make_pdf

    seeds = dict(FILES)
    seeds["odt"] = lambda d: make_odt(d / "report.odt")
    seeds["pdf"] = lambda d: make_pdf(d / "paper.pdf", [["A first line of text.",
                                                         "A second line."], ["Page two."]])
    seeds["docx-word-template"] = _copy(_installed("docx", "templates/default.docx"),
                                        "template.docx")
    seeds["md-readme"] = _copy(_installed("mdit_py_plugins", "*/README.md"), "readme.md")
    return seeds


SEEDS = _seeds()


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            changed = change(info.filename, source.read(info.filename))
            if changed is not None:
                target.writestr(info, changed)
    return out.getvalue()


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """One hostile variant of *data*."""
    is_zip = data.startswith(b"PK\x03\x04")
    kinds = ["flip", "truncate", "insert"] + (["drop-entry", "damage-entry"] if is_zip else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "truncate":
        return data[:draw(st.integers(1, max(1, len(data) - 1)))]
    if kind == "insert":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 16))):
            out[draw(st.integers(0, len(out) - 1))] ^= draw(st.integers(1, 255))
        return bytes(out)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    victim = draw(st.sampled_from(names))
    if kind == "drop-entry":
        return _rezip(data, lambda name, body: None if name == victim else body)
    at = draw(st.integers(0, 10_000))
    junk = draw(st.sampled_from([b"<", b"&", b"\x00", b"</w:p>", b"<!DOCTYPE x>", b"\xff\xfe",
                                 b"]]>", b'"']))

    def damage(name: str, body: bytes) -> bytes:
        if name != victim:
            return body
        cut = min(at, len(body))
        return body[:cut] + junk + body[cut:]

    return _rezip(data, damage)


def check(path: Path, data: bytes, out_folder: Path) -> str:
    """Parse, export, re-parse; returns what happened ("refused" or "ok")."""
    path.write_bytes(data)
    with time_limit(SECONDS):
        try:
            document = open_document(path)
        except BaylingError as exc:
            assert str(exc).strip()  # the CLI folds it onto one line
            return "refused"
        out = out_folder / f"out{path.suffix}"  # a PDF is written back as a PDF too
        out.unlink(missing_ok=True)  # what an earlier example wrote is not this one's
        try:
            document.export({u.id: f"«{u.source}»" for u in document.units}, out)
        except BaylingError as exc:
            assert not out.exists(), "a failed export left a file"
            assert str(exc).strip()
            return "refused"
        open_document(out)  # what we write must be readable again
        return "ok"


#: what the fuzzer found that another helper owns; the lead flips these when fixed (the
#: first find, ESC in HTML text crashing the export, is fixed: d2e8385)
FOUND: dict[str, str] = {}  # pypdf's LimitReachedError: gone with PyMuPDF (issue 21)


@pytest.mark.parametrize("kind", [
    pytest.param(kind, marks=pytest.mark.xfail(reason=FOUND[kind], strict=False))
    if kind in FOUND else kind for kind in sorted(SEEDS)])
def test_mutated_files_are_refused_or_valid(kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        seed = SEEDS[kind](folder)
        data = seed.read_bytes()
        target = folder / f"fuzzed{seed.suffix}"
        outcomes: list[str] = []

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(mutated(data))
        def run(variant: bytes) -> None:
            outcomes.append(check(target, variant, folder))

        run()
        assert len(outcomes) >= EXAMPLES // 2, "hypothesis ran too few examples"


# -- the other parsers of outside files: memories, glossaries, model headers -----------------

TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
       'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
       'creationtoolversion="1" o-tmf="t"/><body>\n'
       '<tu><tuv xml:lang="en"><seg>Hello <b>world</b>.</seg></tuv><tuv xml:lang="zh-CN">'
       "<seg>你好，世界。</seg></tuv></tu>\n<tu><tuv xml:lang=\"en\"><seg>Good morning."
       '</seg></tuv><tuv xml:lang="zh"><seg>早上好。</seg></tuv></tu>\n</body></tmx>\n')
TBX = ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
       '<termEntry id="t1"><langSet xml:lang="en"><tig><term>invoice</term></tig></langSet>'
       '<langSet xml:lang="zh"><tig><term>发票</term></tig></langSet></termEntry>'
       "</body></text></martif>\n")
CSV = "source,target\ninvoice,发票\n\"due date\",到期日\n"


def _tiny_gguf(folder: Path) -> Path:
    """A real, complete GGUF written by llama.cpp's own gguf-py (two tiny tensors)."""
    import gguf
    import numpy as np

    path = folder / "tiny.gguf"
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_context_length(256)
    writer.add_block_count(1)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(["<unk>", "<s>", "</s>", "a", "b"])
    writer.add_tensor("token_embd.weight", np.zeros((5, 8), dtype=np.float32))
    writer.add_tensor("output_norm.weight", np.ones(8, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def _read_tmx(path: Path) -> object:
    from bayling_desktop.documents.formats.tmx import read_pairs

    return read_pairs(path, "en", "zh")


def _read_glossary(path: Path) -> object:
    from bayling_desktop.translation.glossary import load_glossary

    return load_glossary(path)


def _read_gguf(path: Path) -> object:
    from bayling_desktop.engine.gguf_info import read_gguf_info

    return read_gguf_info(path)


def _text(name: str, text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


OTHER: dict[str, tuple[Callable[[Path], Path], Callable[[Path], object]]] = {
    "tmx": (_text("memory.tmx", TMX), _read_tmx),
    "tbx": (_text("terms.tbx", TBX), _read_glossary),
    "csv-glossary": (_text("terms.csv", CSV), _read_glossary),
    "gguf": (_tiny_gguf, _read_gguf),
}


@pytest.mark.parametrize("kind", sorted(OTHER))
def test_mutated_memories_glossaries_and_models(kind: str) -> None:
    make, read = OTHER[kind]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        seed = make(folder)
        read(seed)  # the seed itself is valid
        data = seed.read_bytes()
        target = folder / f"fuzzed{seed.suffix}"
        outcomes: list[bool] = []

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(mutated(data))
        def run(variant: bytes) -> None:
            target.write_bytes(variant)
            with time_limit(SECONDS):
                try:
                    read(target)
                except BaylingError as exc:
                    assert str(exc).strip()  # the CLI folds it onto one line
            outcomes.append(True)

        run()
        assert len(outcomes) >= EXAMPLES // 2
