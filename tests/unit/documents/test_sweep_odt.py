"""ODF as LibreOffice writes it with change tracking on: the text of a recorded deletion
lives in <text:tracked-changes> and is not in the document any more."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bayling_desktop.documents import open_document

from .test_odt_pdf import make_odt

DELETION = (b'<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
            b"<office:change-info><dc:creator>Ann</dc:creator><dc:date>2024-01-01T10:00:00"
            b"</dc:date></office:change-info><text:p>A sentence someone deleted.</text:p>"
            b"</text:deletion></text:changed-region></text:tracked-changes>")


def test_deleted_text_is_not_a_unit(tmp_path: Path) -> None:
    source = make_odt(tmp_path / "plain.odt")
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w") as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                data = data.replace(b"<office:text>", b"<office:text>" + DELETION, 1)
                if b"xmlns:dc=" not in data:
                    data = data.replace(b"<office:document-content ", b'<office:document-content'
                                        b' xmlns:dc="http://purl.org/dc/elements/1.1/" ', 1)
            target.writestr(info, data)
    path = tmp_path / "tracked.odt"
    path.write_bytes(buffer.getvalue())
    document = open_document(path)
    assert "A sentence someone deleted." not in [u.source for u in document.units]
    assert document.units[0].source == "Annual report"
