"""XLIFF 1.2 as CAT tools write it: trans-units segmented into <mrk mtype="seg"> (Trados
SDLXLIFF, memoQ, Okapi Rainbow), groups that say translate="no"."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bayling_desktop.documents import open_document

NS = "{urn:oasis:names:tc:xliff:document:1.2}"
SEGMENTED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="help.html" source-language="en-US" target-language="zh-CN" datatype="html">
  <body>
   <trans-unit id="1">
    <source>Open the file. Then press <g id="b">Save</g>.</source>
    <seg-source><mrk mtype="seg" mid="1">Open the file.</mrk> <mrk mtype="seg" mid="2">\
Then press <g id="b">Save</g>.</mrk></seg-source>
    <target xml:lang="zh-CN"><mrk mtype="seg" mid="1">打开文件。</mrk> \
<mrk mtype="seg" mid="2"></mrk></target>
   </trans-unit>
   <trans-unit id="2">
    <source>Close it.</source>
    <seg-source><mrk mtype="seg" mid="3">Close it.</mrk></seg-source>
   </trans-unit>
   <group id="g" translate="no">
    <trans-unit id="3"><source>Product name: ACME</source></trans-unit>
   </group>
   <trans-unit id="4"><source>Plain unit.</source></trans-unit>
  </body>
 </file>
</xliff>
"""


def test_one_unit_per_segment_and_the_target_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "help.xlf"
    path.write_text(SEGMENTED, encoding="utf-8")
    document = open_document(path)
    assert [(u.id, u.source, u.target) for u in document.units] == [
        ("1:1", "Open the file.", "打开文件。"), ("1:2", "Then press <1>Save</1>.", None),
        ("2:3", "Close it.", None), ("4", "Plain unit.", None)]  # the translate="no" group: none
    out = tmp_path / "zh.xlf"
    document.export({"1:1": "打开该文件。", "1:2": "然后按<1>保存</1>。", "2:3": "关闭它。",
                     "4": "普通单元。"}, out)
    assert document.flagged == {}
    root = etree.parse(str(out)).getroot()
    units = {u.get("id"): u for u in root.iter(f"{NS}trans-unit")}
    first = units["1"].find(f"{NS}target")
    assert first.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"  # kept
    assert first.get("state") == "needs-review-translation"
    assert etree.tostring(first, encoding="unicode", with_tail=False).split(">", 1)[1] == (
        '<mrk mtype="seg" mid="1">打开该文件。</mrk> <mrk mtype="seg" mid="2">然后按'
        '<g id="b">保存</g>。</mrk></target>')
    second = units["2"].find(f"{NS}target")  # built from the seg-source, after it
    assert second.getprevious().tag == f"{NS}seg-source"
    assert [(m.get("mid"), m.text) for m in second] == [("3", "关闭它。")]
    assert units["3"].find(f"{NS}target") is None
    assert "".join(units["4"].find(f"{NS}target").itertext()) == "普通单元。"
    again = open_document(out)
    assert [u.target for u in again.units] == ["打开该文件。", "然后按<1>保存</1>。", "关闭它。",
                                               "普通单元。"]
