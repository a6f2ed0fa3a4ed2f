"""Translation catalogues: the translator's work stays theirs, and what is written compiles.

A "translation" here is a marker (``译`` + the unit's text), which keeps the unit's tags
and placeholders as a good model does; the misbehaving ones drop a placeholder or a
tag, as small models do.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from lxml import etree

from bayling_desktop.documents import check_target_language, existing_translations, open_document
from bayling_desktop.documents.formats import po_check
from bayling_desktop.errors import DocumentError

from .catalogs import POT, SYMFONY_XLF, TMX, XLF20, ZH_PO, needs_msgfmt, write

NS = "{urn:oasis:names:tc:xliff:document:1.2}"


def marker(document, keep_existing: bool = True) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What a run gives export: the file's own translations, the marker for the rest."""
    existing = existing_translations(document, "zh")
    return {u.id: existing[u.id][0] if keep_existing and u.id in existing else "译" + u.source
            for u in document.units}


def msgfmt(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["msgfmt", "--check", "--check-format", "--use-fuzzy", "-o",
                           "/dev/null", str(path)], capture_output=True, text=True, check=False)


def blocks(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if "msgstr" in b]


# -- PO: existing translations -----------------------------------------------------------

def test_translated_entries_are_the_translators_and_stay_byte_for_byte(tmp_path: Path) -> None:
    source = write(tmp_path / "django.po", ZH_PO)
    document = open_document(source)
    existing = existing_translations(document, "zh")
    assert {status for _text, status in existing.values()} == {"approved", "draft"}
    assert sum(status == "approved" for _t, status in existing.values()) == 5
    assert existing[next(u.id for u in document.units if u.source == "Log out")] == (
        "退出", "draft")  # fuzzy: kept for review, not the translator's final word
    document.target_language = "zh"
    untouched = tmp_path / "same.po"
    document.export({k: text for k, (text, _s) in existing.items()}, untouched)
    assert untouched.read_bytes() == source.read_bytes()
    out = tmp_path / "django.zh.po"
    document.export(marker(document), out)
    written = out.read_text(encoding="utf-8")
    translated_before = [b for b in blocks(ZH_PO) if 'msgstr ""\n\n' not in b + "\n\n"
                         and not b.rstrip().endswith('msgstr ""')
                         and not b.rstrip().endswith('msgstr[0] ""')]
    assert len(translated_before) == 1 + 6  # the header and six entries
    for block in translated_before:
        assert block in written  # not re-wrapped, not marked fuzzy, not touched
    catalog = polib.pofile(str(out))
    assert len(catalog.translated_entries()) == 5  # the marker's entries are fuzzy drafts
    assert len(catalog.fuzzy_entries()) == 1 + 5


def test_a_language_declaring_file_in_another_language_is_refused(tmp_path: Path) -> None:
    po = open_document(write(tmp_path / "django.po", ZH_PO))
    check_target_language(po, "zh")  # zh_CN holds Chinese
    check_target_language(po, "zh-CN")
    with pytest.raises(DocumentError, match=r"^django\.po holds translations into zh-CN"):
        check_target_language(po, "de")
    with pytest.raises(DocumentError):
        check_target_language(po, "zh-TW")  # another script
    template = open_document(write(tmp_path / "messages.pot", POT))
    check_target_language(template, "ja")  # a template takes any language
    xliff = open_document(write(tmp_path / "v.cs.xlf",
                                SYMFONY_XLF.replace('source-language="en"',
                                                    'source-language="en" target-language="cs"')))
    with pytest.raises(DocumentError, match="cs"):
        check_target_language(xliff, "zh")
    tmx = open_document(write(tmp_path / "m.tmx", TMX))
    check_target_language(tmx, "ja")  # a memory is multilingual


# -- PO: what reaches the model ----------------------------------------------------------

def test_msgctxt_and_comments_are_context_never_text(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "django.po", ZH_PO))
    april = next(u for u in document.units if u.source == "Apr.")
    assert april.context == "abbrev. month"
    by = next(u for u in document.units if "filter_title" in u.source)
    assert by.context == "Translators: a filter's title follows; keep the spaces around it"
    assert all("Translators" not in u.source and "abbrev" not in u.source
               for u in document.units)


def test_edge_whitespace_is_cut_off_and_put_back_exactly(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "django.po", ZH_PO))
    by = next(u for u in document.units if "filter_title" in u.source)
    view = next(u for u in document.units if "View function" in u.source)
    assert by.source == "By %(filter_title)s" and view.source.startswith("View function")
    document.target_language = "zh"
    out = tmp_path / "out.po"
    # a model returns no edge whitespace, or its own
    document.export({by.id: "按 %(filter_title)s", view.id: "  视图函数：<1>%(full_name)s</1>。"
                     "名称：<2>%(url_name)s</2>。\n"}, out)
    catalog = polib.pofile(str(out))
    assert catalog.find(" By %(filter_title)s ").msgstr == " 按 %(filter_title)s "
    entry = next(e for e in catalog if "View function" in e.msgid)
    assert entry.msgstr == ("\n    视图函数：<code>%(full_name)s</code>。"
                            "名称：<code>%(url_name)s</code>。\n")


def test_html_inside_a_msgid_travels_as_tags_and_comes_back_intact(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "django.po", ZH_PO))
    link = next(u for u in document.units if "release notes" in u.source)
    assert link.source == "View <1>release notes</1> for version %(version)s"
    strong = next(u for u in document.units if "new password" in u.source)
    # the translator's own translation, in the same tagged form
    assert strong.target == "为用户 <1>%(username)s</1> 输入一个新的密码。"
    document.target_language = "zh"
    out = tmp_path / "out.po"
    document.export({link.id: "查看版本 %(version)s 的<1>发布说明</1>"}, out)
    msgstr = next(e for e in polib.pofile(str(out)) if "release notes" in e.msgid).msgstr
    assert msgstr == ('查看版本 %(version)s 的<a href="https://docs.example.org/%(version)s/'
                      'releases/" target="_blank" rel="noopener">发布说明</a>')
    # a model that loses the tag: the entry is left as it was, and named
    document.export({link.id: "查看版本 %(version)s 的发布说明"}, out)
    assert next(e for e in polib.pofile(str(out)) if "release notes" in e.msgid).msgstr == ""
    assert [f.code for f in document.flagged[link.id]] == ["markup_lost"]


# -- PO: plural forms ----------------------------------------------------------------------

@needs_msgfmt
def test_one_plural_form_is_translated_from_the_plural_msgid(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "django.po", ZH_PO))
    forms = [u for u in document.units if "counter" in u.source]
    assert [u.source for u in forms] == ["%(counter)s results"]
    document.target_language = "zh"
    out = tmp_path / "django.zh.po"
    document.export(marker(document), out)
    entry = next(e for e in polib.pofile(str(out)) if e.msgid == "%(counter)s result")
    assert entry.msgstr_plural == {0: "译%(counter)s results"}
    assert msgfmt(out).returncode == 0, msgfmt(out).stderr


@needs_msgfmt
def test_a_template_becomes_a_catalogue_of_the_target_with_its_forms(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "messages.pot", POT))
    assert [u.source for u in document.units if "counter" in u.source] == [
        "%(counter)s result", "%(counter)s results"]  # the target decides which one is used
    for target, forms in (("zh", {0: "译%(counter)s results"}),
                          ("de", {0: "译%(counter)s result", 1: "译%(counter)s results"})):
        document.target_language = target
        out = tmp_path / f"messages.{target}.po"
        document.export(marker(document), out)
        catalog = polib.pofile(str(out))
        assert catalog.metadata["Language"] == target
        assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert catalog.find("%(counter)s result").msgstr_plural == forms
        assert msgfmt(out).returncode == 0, msgfmt(out).stderr
        text = out.read_text(encoding="utf-8")
        assert text.startswith("# SOME DESCRIPTIVE TITLE.\nmsgid")  # the header's fuzzy went
        assert '"Language-Team: LANGUAGE <LL@li.org>\\n"\n"Language: ' in text
        # the template's placeholder date becomes the date it was translated (msgfmt -c
        # warns about the placeholder), and the catalogue says what wrote it
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d[+-]\d{4}",
                            catalog.metadata["PO-Revision-Date"])
        assert catalog.metadata["X-Generator"].startswith("BayLing Desktop ")
        assert "PO-Revision-Date" not in msgfmt(out).stderr


# -- PO: the file still compiles -----------------------------------------------------------

@needs_msgfmt
def test_a_translation_that_breaks_the_catalogue_is_left_out_and_named(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "django.po", ZH_PO))
    counter = next(u for u in document.units if "counter" in u.source)
    april = next(u for u in document.units if u.source == "Apr.")
    document.target_language = "zh"
    out = tmp_path / "out.po"
    # a placeholder lost (the verifier flags it too; the file must compile whatever comes)
    document.export({counter.id: "结果", april.id: "四月"}, out)
    assert msgfmt(out).returncode == 0
    catalog = polib.pofile(str(out))
    assert catalog.find("%(counter)s result").msgstr_plural == {0: ""}
    assert catalog.find("Apr.", msgctxt="abbrev. month").msgstr == "四月"
    [flag] = document.flagged[counter.id]
    assert flag.code == "catalog_reverted" and flag.blocking
    assert flag.arg("msgid") == "%(counter)s result" and "counter" in flag.arg("detail")


@pytest.mark.parametrize("with_msgfmt", [True, False])
def test_validate_names_the_entries_that_do_not_compile(tmp_path: Path, with_msgfmt: bool,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if with_msgfmt and shutil.which("msgfmt") is None:
        pytest.skip("msgfmt is not installed")
    if not with_msgfmt:  # the packaged app: polib and the placeholder checks
        monkeypatch.setattr(po_check.shutil, "which", lambda _name: None)
    broken = ZH_PO.replace('msgstr[0] "总共 %(count)s 个 %(name)s 变更成功。"',
                           'msgstr[0] "变更成功。"').replace(
        'msgid " By %(filter_title)s "\nmsgstr ""', 'msgid " By %(filter_title)s "\n'
        'msgstr "按 %(filter_title)s \\n"')
    path = write(tmp_path / "broken.po", broken)
    flags = po_check.validate(path)
    assert sorted(f.arg("msgid") for f in flags) == [
        " By %(filter_title)s ", "%(count)s %(name)s was changed successfully."]
    assert all(f.code == "catalog_check" and f.blocking for f in flags)
    lines = broken.splitlines()
    for flag in flags:
        line = int(flag.arg("line"))
        assert 0 < line <= len(lines)
    assert po_check.validate(write(tmp_path / "fine.po", ZH_PO)) == []


# -- XLIFF ---------------------------------------------------------------------------------

def test_xliff_targets_by_state_and_notes_as_context(tmp_path: Path) -> None:
    document = open_document(write(tmp_path / "validators.xlf", SYMFONY_XLF))
    existing = existing_translations(document, "zh")
    assert existing == {"1": ("该值应为 false。", "approved"),
                        "2": ("您至少要选择 {{ limit }} 个选项。", "approved"),
                        "5": ("缺少字段。", "draft")}
    assert document.unit("3").target is None  # needs-translation: a copy of the source
    assert document.unit("4").context == "Shown under the upload field."
    two = open_document(write(tmp_path / "app.xliff", XLF20))
    assert two.units[0].context == "Button on the toolbar"
    assert existing_translations(two, "zh") == {two.units[1].id: ("取消", "approved")}


def test_xliff_keeps_its_targets_and_declares_the_target_language(tmp_path: Path) -> None:
    source = write(tmp_path / "validators.xlf", SYMFONY_XLF)
    document = open_document(source)
    document.target_language = "zh-CN"
    out = tmp_path / "validators.zh.xlf"
    document.export(marker(document), out)
    root = etree.parse(str(out)).getroot()
    assert root.find(f"{NS}file").get("target-language") == "zh-CN"
    units = {u.get("id"): u for u in root.iter(f"{NS}trans-unit")}
    for kept in ("1", "2", "5"):  # the file's targets, attributes and all
        before = etree.fromstring(SYMFONY_XLF.encode()).find(
            f".//{NS}trans-unit[@id='{kept}']")
        assert etree.tostring(units[kept], method="c14n") == etree.tostring(before,
                                                                            method="c14n")
    assert units["3"].find(f"{NS}target").text == "译This value is not a valid date."
    assert units["4"].find(f"{NS}target").get("state") == "needs-review-translation"
    # nothing new: the file is left as it was, its declaration too
    document.target_language = "zh-CN"
    document.export({k: t for k, (t, _s) in existing_translations(document, "zh").items()}, out)
    assert etree.parse(str(out)).getroot().find(f"{NS}file").get("target-language") is None


# -- TMX -----------------------------------------------------------------------------------

def test_tmx_variants_of_the_target_language_are_kept(tmp_path: Path) -> None:
    source = write(tmp_path / "memory.tmx", "\ufeff" + TMX)
    document = open_document(source)
    assert existing_translations(document, "zh") == {"a": ("打开文件", "approved")}
    assert existing_translations(document, "de") == {"a": ("Datei öffnen", "approved"),
                                                     "b": ("Datei schließen", "approved")}
    assert existing_translations(document, "ja") == {}
    document.target_language = "zh"
    out = tmp_path / "memory.zh.tmx"
    document.export(marker(document), out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf<?xml")  # the byte order mark stays
    root = etree.fromstring(data[3:])
    tus = root.findall("body/tu")
    assert [v.get("{http://www.w3.org/XML/1998/namespace}lang") for v in tus[0]] == [
        "en", "de", "zh-CN"]  # untouched: not renamed to "zh", not rewritten
    assert tus[1].findall("tuv")[-1].find("seg").text == "译Close the file"


# -- sentences and the project -------------------------------------------------------------

def test_units_with_a_translation_are_never_cut_into_sentences(tmp_path: Path) -> None:
    from bayling_desktop.documents import split_units

    text = ZH_PO.replace('msgid "Log out"\nmsgstr "退出"',
                         'msgid "Log out. Then log in."\nmsgstr "退出。再登录。"')
    document = open_document(write(tmp_path / "django.po", text))
    split = [u.id for u in split_units(document.units)]
    translated = {u.id for u in document.units if u.target}
    assert len(translated) == 6 and translated <= set(split)
    # a unit still to translate is split as before
    view = next(u.id for u in document.units if "View function" in u.source)
    assert f"{view}#s1" in split and f"{view}#s2" in split


@needs_msgfmt
def test_a_form_for_1_21_31_is_translated_from_the_plural_msgid(tmp_path: Path) -> None:
    """Bosnian form 0 is for 1, 21, 31…: "a second ago" cannot serve it; a catalogue that
    carries a third form under ``nplurals=2`` (Django's fr/es/it/pt) is written with two."""
    bosnian = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
               '"Language: bs\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 '
               ': n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
               '#, python-format\nmsgid "a second ago"\nmsgid_plural "%(count)s seconds ago"\n'
               'msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n')
    document = open_document(write(tmp_path / "bs.po", bosnian))
    assert [u.source for u in document.units] == ["%(count)s seconds ago"] * 3
    document.target_language = "bs"
    document.export({u.id: "prije %(count)s sekundi" for u in document.units},
                    tmp_path / "out.po")
    assert msgfmt(tmp_path / "out.po").returncode == 0
    french = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
              '#, python-format\nmsgid "%(counter)s result"\nmsgid_plural "%(counter)s results"\n'
              'msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n')
    document = open_document(write(tmp_path / "fr.po", french))
    # form 0 is for 0 and 1: the singular serves, it has every placeholder
    assert [u.source for u in document.units] == ["%(counter)s result", "%(counter)s results"]
    document.target_language = "fr"
    document.export({u.id: "%(counter)s résultat" for u in document.units}, tmp_path / "f.po")
    assert len(polib.pofile(str(tmp_path / "f.po")).find("%(counter)s result")
               .msgstr_plural) == 2
    assert msgfmt(tmp_path / "f.po").returncode == 0
