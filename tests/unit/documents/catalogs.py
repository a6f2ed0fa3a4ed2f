# ruff: noqa: E501  (catalogue lines are kept as the tools write them)
"""Translation catalogues shaped like the ones projects ship: a Django-style zh_Hans
catalogue (msgmerge's wrapping, python-format flags, one plural form, HTML inside
msgids, a fuzzy entry, entries still to do), its template, a Symfony-style XLIFF 1.2
whose targets carry no state, an XLIFF 2.0 with notes, and a TMX with a zh variant.
Written for these tests in the shape of those files (the strings are ordinary UI text),
so nothing is vendored; the real catalogues are tried in ``test_catalogs_real.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None,
                                  reason="gettext's msgfmt is not installed (dev.py installs it)")

ZH_PO = r'''# This file is distributed under the same license as the package.
#
# Translators:
# Someone <someone@example.org>, 2023
msgid ""
msgstr ""
"Project-Id-Version: demo\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2025-03-19 11:30-0500\n"
"PO-Revision-Date: 2025-04-25 07:05+0000\n"
"Last-Translator: Someone <someone@example.org>, 2023\n"
"Language-Team: Chinese (China) (http://app.transifex.com/demo/demo/"
"language/zh_CN/)\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Language: zh_CN\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#, python-format
msgid "Successfully deleted %(count)d %(items)s."
msgstr "成功删除了 %(count)d 个 %(items)s"

#, python-format
msgid ""
"Please enter the correct %(username)s and password for a staff account. Note "
"that both fields may be case-sensitive."
msgstr ""
"请输入一个正确的工作人员账户 %(username)s 和密码. 注意他们都是区分大小写的."

#, python-format
msgid "%(count)s %(name)s was changed successfully."
msgid_plural "%(count)s %(name)s were changed successfully."
msgstr[0] "总共 %(count)s 个 %(name)s 变更成功。"

#, python-format
msgid "Enter a new password for the user <strong>%(username)s</strong>."
msgstr "为用户 <strong>%(username)s</strong> 输入一个新的密码。"

msgctxt "abbrev. month"
msgid "Mar."
msgstr "三月"

#, fuzzy
msgid "Log out"
msgstr "退出"

#. Translators: a filter's title follows; keep the spaces around it
#, python-format
msgid " By %(filter_title)s "
msgstr ""

#, python-format
msgid "%(counter)s result"
msgid_plural "%(counter)s results"
msgstr[0] ""

#, python-format
msgid ""
"\n"
"    View function: <code>%(full_name)s</code>. Name: <code>%(url_name)s</code>.\n"
msgstr ""

#, python-format
msgid ""
"View <a href=\"https://docs.example.org/%(version)s/releases/\" target=\"_blank\" "
"rel=\"noopener\">release notes</a> for version %(version)s"
msgstr ""

msgctxt "abbrev. month"
msgid "Apr."
msgstr ""
'''

#: the template the catalogue came from: no language, the placeholders msginit fills
POT = r'''# SOME DESCRIPTIVE TITLE.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: PACKAGE VERSION\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
"Language-Team: LANGUAGE <LL@li.org>\n"
"Language: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=CHARSET\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"

#: admin/filters.py:70
#, python-format
msgid " By %(filter_title)s "
msgstr ""

#: admin/views/main.py:12
#, python-format
msgid "%(counter)s result"
msgid_plural "%(counter)s results"
msgstr[0] ""
msgstr[1] ""

#: utils/dates.py:30
msgctxt "abbrev. month"
msgid "Mar."
msgstr ""
'''

#: Symfony's shape: numeric ids, no state, {{ placeholders }}, pipe-separated plurals
SYMFONY_XLF = '''<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
    <file source-language="en" datatype="plaintext" original="file.ext">
        <body>
            <trans-unit id="1">
                <source>This value should be false.</source>
                <target>该值应为 false。</target>
            </trans-unit>
            <trans-unit id="2">
                <source>You must select at least {{ limit }} choice.|You must select at least {{ limit }} choices.</source>
                <target>您至少要选择 {{ limit }} 个选项。</target>
            </trans-unit>
            <trans-unit id="3">
                <source>This value is not a valid date.</source>
                <target state="needs-translation">This value is not a valid date.</target>
            </trans-unit>
            <trans-unit id="4">
                <source>The file could not be found.</source>
                <note>Shown under the upload field.</note>
            </trans-unit>
            <trans-unit id="5">
                <source>This field is missing.</source>
                <target state="needs-review-translation">缺少字段。</target>
            </trans-unit>
        </body>
    </file>
</xliff>
'''

XLF20 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
  <file id="f1">
    <unit id="u1">
      <notes><note category="context">Button on the toolbar</note></notes>
      <segment><source>Save</source></segment>
    </unit>
    <unit id="u2">
      <segment state="final"><source>Cancel</source><target>取消</target></segment>
    </unit>
  </file>
</xliff>
'''

TMX = '''<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu tuid="a"><tuv xml:lang="en"><seg>Open the file</seg></tuv><tuv xml:lang="de"><seg>Datei öffnen</seg></tuv><tuv xml:lang="zh-CN"><seg>打开文件</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="en"><seg>Close the file</seg></tuv><tuv xml:lang="de"><seg>Datei schließen</seg></tuv></tu>
</body></tmx>
'''


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
