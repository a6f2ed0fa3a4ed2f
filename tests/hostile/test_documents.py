"""Hostile documents through the CLI (issue 15 items 3, 4 and the cases that already held):
XML entities in every XML-based format, XML and zip bombs, XXE, truncated archives,
a Latin-1 PO file, corrupt model files.

Each run: exit 2, one sentence, no traceback, no output file, the source untouched.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest

from .conftest import cli, digest, leftovers, one_sentence

pytestmark = pytest.mark.hostile

NO_MODEL = ("--model", "/nonexistent/model.gguf")
ENTITY_DECL = '<!DOCTYPE x [<!ENTITY company "ACME Corporation">]>'


def docx_bytes(tmp_path: Path) -> bytes:
    from tests.unit.documents.test_formats import make_docx

    return make_docx(tmp_path / "base.docx").read_bytes()


def replace_part(archive: bytes, name: str, change: object) -> bytes:
    """A copy of the zip *archive* with part *name* rewritten by *change* (or removed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == name:
                if change is None:
                    continue
                data = change(data) if callable(change) else change  # type: ignore[assignment]
            target.writestr(info, data)
    return out.getvalue()


def with_entity(xml: bytes, padding: int = 0, encoding: str = "utf-8") -> bytes:
    """*xml* (UTF-8) with an internal DTD and a reference to it in the first text node."""
    text = xml.decode("utf-8")
    text = re.sub(r"^<\?xml[^>]*\?>\s*", "", text)
    comment = f"<!--{'x' * padding}-->" if padding else ""
    text = re.sub(r"(<w:t(?: [^>]*)?>|<text:p(?: [^>]*)?>|<source>|<p>)", r"\1&company; ",
                  text, count=1)
    declared = "utf-16" if encoding.startswith("utf-16") else encoding
    head = f'<?xml version="1.0" encoding="{declared}"?>'
    out = (head + comment + ENTITY_DECL.replace("x", _root_name(text), 1) + text)
    return out.encode(encoding)


def _root_name(text: str) -> str:
    match = re.search(r"<([A-Za-z_][\w:.-]*)", re.sub(r"<!--.*?-->", "", text, flags=re.S))
    assert match
    return match.group(1)


def assert_refused(result: object, folder: Path, before: dict[Path, str],
                   words: tuple[str, ...] = ("entit",)) -> None:
    one_sentence(result, 2, words)  # type: ignore[arg-type]
    for path, value in before.items():
        assert digest(path) == value, f"{path} was changed"
    outputs = [p for p in folder.rglob("*") if ".zh." in p.name]
    assert outputs == [] and not leftovers(folder)


@pytest.mark.parametrize("variant", ["plain", "after-70kb-comment", "utf-16"])
def test_docx_with_entities_is_refused(tmp_path: Path, variant: str) -> None:
    padding = 70_000 if variant == "after-70kb-comment" else 0
    encoding = "utf-16" if variant == "utf-16" else "utf-8"
    source = tmp_path / "letter.docx"
    source.write_bytes(replace_part(docx_bytes(tmp_path), "word/document.xml",
                                    lambda xml: with_entity(xml, padding, encoding)))
    result = cli("translate", "--to", "zh", source, *NO_MODEL)
    assert_refused(result, tmp_path, {source: digest(source)})


@pytest.mark.parametrize("part", ["word/styles.xml", "[Content_Types].xml", "docProps/core.xml"])
def test_entities_in_any_part_of_a_docx(tmp_path: Path, part: str) -> None:
    source = tmp_path / "letter.docx"
    source.write_bytes(replace_part(docx_bytes(tmp_path), part, lambda xml: with_entity(xml)))
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)})


def test_odt_with_entities_is_refused(tmp_path: Path) -> None:
    from tests.unit.documents.test_odt_pdf import make_odt

    base = make_odt(tmp_path / "base.odt").read_bytes()
    source = tmp_path / "report.odt"
    source.write_bytes(replace_part(base, "content.xml", lambda xml: with_entity(xml, 70_000)))
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)})


XLIFF = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
         'source-language="en" target-language="zh" datatype="plaintext" original="a"><body>'
         '<trans-unit id="1"><source>Hello from &company; today.</source></trans-unit>'
         "</body></file></xliff>")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_xliff_with_entities_is_refused(tmp_path: Path, encoding: str) -> None:
    source = tmp_path / "app.xlf"
    comment = "<!--" + "x" * 70_000 + "-->"
    source.write_bytes((f'<?xml version="1.0" encoding="{encoding}"?>{comment}'
                        f'{ENTITY_DECL.replace("x", "xliff", 1)}{XLIFF}').encode(encoding))
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)})


def test_xhtml_with_entities_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!--' + "x" * 70_000 + "-->"
                      '<!DOCTYPE html [<!ENTITY company "ACME">]>'
                      '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello &company; '
                      "friends.</p></body></html>", encoding="utf-8")
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)})


def test_tbx_glossary_with_entities_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Hello.\n", encoding="utf-8")
    glossary = tmp_path / "terms.tbx"
    glossary.write_text('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY c "ACME">]>'
                        '<martif type="TBX"><text><body><termEntry><langSet xml:lang="en">'
                        "<tig><term>&c;</term></tig></langSet><langSet xml:lang=\"zh\"><tig>"
                        "<term>极品</term></tig></langSet></termEntry></body></text></martif>",
                        encoding="utf-8")
    assert_refused(cli("translate", "--to", "zh", "--glossary", glossary, source, *NO_MODEL),
                   tmp_path, {source: digest(source), glossary: digest(glossary)})


def test_tmx_memory_with_entities_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Hello.\n", encoding="utf-8")
    memory = tmp_path / "memory.tmx"
    memory.write_text('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY c "ACME">]>'
                      '<tmx version="1.4"><header srclang="en" datatype="plaintext" '
                      'segtype="sentence" adminlang="en" creationtool="t" '
                      'creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="en">'
                      '<seg>Hello &c;.</seg></tuv><tuv xml:lang="zh"><seg>你好。</seg></tuv>'
                      "</tu></body></tmx>", encoding="utf-8")
    assert_refused(cli("translate", "--to", "zh", "--from", "en", "--tm", memory, source,
                       *NO_MODEL), tmp_path, {source: digest(source)})


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)]
    source = tmp_path / "bomb.xlf"
    source.write_text(f'<?xml version="1.0"?><!DOCTYPE xliff [{"".join(levels)}]>'
                      + XLIFF.replace("&company;", "&l9;"), encoding="utf-8")
    result = cli("translate", "--to", "zh", source, *NO_MODEL, timeout=30)
    assert_refused(result, tmp_path, {source: digest(source)})


def test_xxe_never_reads_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    source = tmp_path / "letter.docx"
    source.write_bytes(replace_part(
        docx_bytes(tmp_path), "word/document.xml",
        lambda xml: with_entity(xml).replace(b'"ACME Corporation"',
                                             f'SYSTEM "file://{secret}"'.encode())))
    result = cli("translate", "--to", "zh", source, *NO_MODEL)
    assert_refused(result, tmp_path, {source: digest(source)})
    assert "TOP-SECRET" not in result.stderr + result.stdout


def test_zip_bomb_docx(tmp_path: Path) -> None:
    source = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (300 * 1024 * 1024))
    assert source.stat().st_size < 1024 * 1024
    result = cli("translate", "--to", "zh", source, *NO_MODEL, timeout=60)
    assert_refused(result, tmp_path, {source: digest(source)}, ("zip bomb",))


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    data = docx_bytes(tmp_path)
    source = tmp_path / "cut.docx"
    source.write_bytes(data[:int(len(data) * keep)])
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)}, ("cut.docx",))


def test_docx_without_its_main_part(tmp_path: Path) -> None:
    source = tmp_path / "hollow.docx"
    source.write_bytes(replace_part(docx_bytes(tmp_path), "word/document.xml", None))
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)}, ("hollow.docx",))


LATIN1_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=ISO-8859-1\\n"
"Language: zh\\n"

msgid "Good morning."
msgstr ""

msgid "Caf\xe9 au lait."
msgstr ""
"""


def test_a_latin1_po_translated_to_chinese_is_readable(tmp_path: Path) -> None:
    import polib

    source = tmp_path / "app.po"
    source.write_bytes(LATIN1_PO.encode("latin-1"))
    memory = tmp_path / "memory.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header '
                      'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                      'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
                      '<tu><tuv xml:lang="en"><seg>Good morning.</seg></tuv><tuv xml:lang="zh">'
                      "<seg>早上好。</seg></tuv></tu><tu><tuv xml:lang=\"en\"><seg>Café au lait."
                      '</seg></tuv><tuv xml:lang="zh"><seg>牛奶咖啡。</seg></tuv></tu>'
                      "</body></tmx>", encoding="utf-8")
    before = digest(source)
    result = cli("translate", "--to", "zh", "--from", "en", "--tm", memory, source, *NO_MODEL)
    assert "Traceback" not in result.stderr
    output = tmp_path / "app.zh.po"
    assert digest(source) == before
    if result.returncode == 2:  # refusing is allowed: keep the charset and say why
        one_sentence(result, 2, ["ISO-8859-1"])
        assert not output.exists()
        return
    assert result.returncode in (0, 3), result.stderr
    raw = output.read_bytes()
    declared = re.search(rb"charset=([\w-]+)", raw)
    assert declared is not None
    text = raw.decode(declared.group(1).decode())  # what every gettext tool does
    assert "早上好。" in text and "牛奶咖啡。" in text
    entries = {e.msgid: e.msgstr for e in polib.pofile(str(output))}
    assert entries["Good morning."] == "早上好。"


# -- model files --------------------------------------------------------------------------

def gguf_header(version: int = 3, tensors: int = 0, kvs: int = 0) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensors, kvs)


@pytest.mark.parametrize(("name", "content", "words"), [
    ("empty.gguf", b"", ()),
    ("text.gguf", b"this is not a model at all\n" * 100, ("not a GGUF",)),
    ("version.gguf", gguf_header(version=99) + b"\0" * 64, ()),
    ("tensors.gguf", gguf_header(tensors=2**62, kvs=1) + b"\0" * 64, ()),
    ("keys.gguf", gguf_header(kvs=2**40) + b"\0" * 64, ()),
    ("header-only.gguf", gguf_header(), ()),
])
def test_corrupt_model_files(tmp_path: Path, name: str, content: bytes,
                             words: tuple[str, ...]) -> None:
    model = tmp_path / name
    model.write_bytes(content)
    one_sentence(cli("chat", "--model", model, "hello", timeout=60), 2, (name, *words))


@pytest.mark.parametrize("keep", [0.001, 0.5, 0.999])
def test_truncated_model_is_caught_before_loading(tmp_path: Path, gemma_model_path: Path,
                                                  keep: float) -> None:
    model = tmp_path / "cut.gguf"
    size = gemma_model_path.stat().st_size
    with gemma_model_path.open("rb") as src, model.open("wb") as dst:
        remaining = int(size * keep)
        while remaining > 0:
            chunk = src.read(min(remaining, 1 << 22))
            dst.write(chunk)
            remaining -= len(chunk)
    one_sentence(cli("chat", "--model", model, "hello", timeout=120), 2, ("cut.gguf",))


# -- control characters (terminal colours, bells) in text that goes into XML -------------------

CONTROL_TEXT = "Hello \x1b[31mred\x1b[0m world.\n\nA bell \x07 rings.\n"


def test_control_characters_reach_a_docx_export(tmp_path: Path) -> None:
    source = tmp_path / "log.txt"
    source.write_text(CONTROL_TEXT, encoding="utf-8")
    result = cli("translate", "--to", "zh", "--from", "en", "--bilingual", "docx", source,
                 "--no-memory", "--model", "/nonexistent.gguf")
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr, (
        result.stderr)
    from bayling_desktop.documents import export_bilingual, open_document

    document = open_document(source)
    out = tmp_path / "log.bilingual.docx"
    export_bilingual(document, {u.id: u.source for u in document.units}, out)
    assert open_document(out).units


def test_control_characters_inside_inline_html(tmp_path: Path) -> None:
    from bayling_desktop.documents import open_document
    from tests.unit.documents.test_formats import FILES

    source = FILES["html"](tmp_path)  # the fuzzer's find: one byte of "world" became ESC
    source.write_bytes(source.read_bytes().replace(b"</b> world", b"</b> \x1borld", 1))
    assert b"\x1b" in source.read_bytes()
    document = open_document(source)
    out = tmp_path / "page.zh.html"
    document.export({u.id: f"\u00ab{u.source}\u00bb" for u in document.units}, out)
    assert open_document(out).units


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_tmx_document_with_entities_is_refused(tmp_path: Path, encoding: str) -> None:
    """A TMX opened as the document to translate (not as a memory) goes through the same
    safe parser."""
    source = tmp_path / "memory.tmx"
    source.write_bytes((f'<?xml version="1.0" encoding="{encoding}"?>'
                        '<!DOCTYPE tmx [<!ENTITY c SYSTEM "file:///etc/passwd">]>'
                        '<tmx version="1.4"><header srclang="en" datatype="plaintext" '
                        'segtype="sentence" adminlang="en" creationtool="t" '
                        'creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="en">'
                        "<seg>Hello &c;.</seg></tuv></tu></body></tmx>").encode(encoding))
    assert_refused(cli("translate", "--to", "zh", source, *NO_MODEL), tmp_path,
                   {source: digest(source)})


def test_an_unclosed_po_string_is_refused_not_silently_shortened(tmp_path: Path) -> None:
    """polib reads `msgid "Hello world` leniently and drops its last character; msgfmt
    calls it "end-of-line within string". So do we, before anything is translated."""
    from bayling_desktop.documents import open_document
    from bayling_desktop.errors import DocumentError

    po = tmp_path / "bad.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Hello world\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(DocumentError, match=r"^bad.po is not a valid PO file \(a string on "
                                            r"line 5 is not closed with a quote\)\.$"):
        open_document(po)
    fine = tmp_path / "fine.po"
    fine.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Say \\"hi\\""\nmsgstr ""\n', encoding="utf-8")
    assert [u.source for u in open_document(fine).units] == ['Say "hi"']
