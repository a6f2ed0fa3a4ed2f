"""A Word package built by hand with every story part the issue names: footnotes, endnotes,
comments, a text box with its VML fallback, a content control, complex and simple fields,
tracked changes (an insertion and a deletion), first/even/default headers."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


TEXT_BOX = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
            + p("Text in a box.") + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
            "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            "<v:shape><v:textbox><w:txbxContent>" + p("Text in a box.")
            + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")

BODY = (
    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Annual report</w:t></w:r></w:p>"
    # a footnote reference in the middle of a sentence
    "<w:p><w:r><w:t xml:space=\"preserve\">Sales grew</w:t></w:r>"
    "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/>"
    "</w:r><w:r><w:t xml:space=\"preserve\"> this year.</w:t></w:r>"
    "<w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>"
    # a text box anchored in a paragraph that has text of its own
    "<w:p><w:r><w:t xml:space=\"preserve\">See the box. </w:t></w:r>" + TEXT_BOX + "</w:p>"
    # a content control (a block sdt) with two paragraphs
    "<w:sdt><w:sdtPr><w:alias w:val=\"Summary\"/></w:sdtPr><w:sdtContent>"
    + p("Inside a content control.") + p("Second controlled line.") + "</w:sdtContent></w:sdt>"
    # a complex field: instruction never touched, result translated
    "<w:p><w:r><w:t xml:space=\"preserve\">Printed on </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
    "<w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"MMMM d, yyyy\" </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
    "<w:r><w:t>March first</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "<w:r><w:t xml:space=\"preserve\"> by the office.</w:t></w:r></w:p>"
    # a simple field and a hyperlink field
    "<w:p><w:fldSimple w:instr=\" HYPERLINK &quot;https://example.org&quot; \"><w:r>"
    "<w:t>our site</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> is new.</w:t>"
    "</w:r></w:p>"
    # tracked changes: an insertion is current text, a deletion is not
    "<w:p><w:r><w:t xml:space=\"preserve\">The plan is </w:t></w:r>"
    "<w:del w:id=\"7\" w:author=\"A\"><w:r><w:delText>old</w:delText></w:r></w:del>"
    "<w:ins w:id=\"8\" w:author=\"A\"><w:r><w:t>approved</w:t></w:r></w:ins>"
    "<w:r><w:t>.</w:t></w:r></w:p>"
    # a comment anchored on a paragraph
    "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Check this figure.</w:t></w:r>"
    "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"
    # a nested table
    "<w:tbl><w:tr><w:tc>" + p("Outer cell") + "<w:tbl><w:tr><w:tc>" + p("Inner cell")
    + "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rH1\"/>"
    "<w:headerReference w:type=\"first\" r:id=\"rH2\"/>"
    "<w:footerReference w:type=\"even\" r:id=\"rF1\"/><w:titlePg/></w:sectPr>")

NOTES = ("<w:{kind}s " + NS + "><w:{kind} w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
         "<w:separator/></w:r></w:p></w:{kind}><w:{kind} w:id=\"1\">{body}</w:{kind}></w:{kind}s>")

PARTS = {
    "word/document.xml": f"<w:document {NS}><w:body>{BODY}</w:body></w:document>",
    "word/footnotes.xml": NOTES.format(kind="footnote", body=p("A footnote explains.")),
    "word/endnotes.xml": NOTES.format(kind="endnote", body=p("An endnote adds more.")),
    "word/comments.xml": f"<w:comments {NS}><w:comment w:id=\"0\" w:author=\"A\">"
                         + p("Is this right?") + "</w:comment></w:comments>",
    "word/header1.xml": f"<w:hdr {NS}>" + p("Default header") + "</w:hdr>",
    "word/header2.xml": f"<w:hdr {NS}>" + p("First page header") + "</w:hdr>",
    "word/footer1.xml": f"<w:ftr {NS}>" + p("Even page footer") + "</w:ftr>",
}
TYPES = {"word/document.xml": "document.main+xml", "word/footnotes.xml": "footnotes+xml",
         "word/endnotes.xml": "endnotes+xml", "word/comments.xml": "comments+xml",
         "word/header1.xml": "header+xml", "word/header2.xml": "header+xml",
         "word/footer1.xml": "footer+xml"}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RELS = {"rH1": ("header", "header1.xml"), "rH2": ("header", "header2.xml"),
        "rF1": ("footer", "footer1.xml"), "rFn": ("footnotes", "footnotes.xml"),
        "rEn": ("endnotes", "endnotes.xml"), "rC": ("comments", "comments.xml")}


def make_story_docx(path: Path, strict: bool = False) -> Path:
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://'
             'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels"'
             ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + "".join(f'<Override PartName="/{name}" ContentType="{WORD}{kind}"/>'
                       for name, kind in TYPES.items()) + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            + REL + 'officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                'openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"/>'
                          for rid, (kind, target) in RELS.items()) + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, xml in PARTS.items():
            if strict:
                xml = xml.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                  "http://purl.oclc.org/ooxml/wordprocessingml/main")
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                             + xml)
    return path
