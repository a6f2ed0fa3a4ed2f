"""One module per file format, each with the private companions only it uses.

A format module (``docx``, ``pdf``, ``po``, ``subtitles``…) exposes ``load(path) ->
Document``; :func:`bayling_desktop.documents.open_document` picks it by extension. Its
companions sit beside it (``pdf_layout``/``pdf_write``/``pdf_ocr``/``pdf_check``,
``po_check``/``po_text``/``stringmarkup``, ``xlsxparts``/``xlsxguard``, ``charts``,
``mdinline``, ``cuetext``). What several formats share (the model, tags, runs,
encodings, zip and XML safety…) stays one level up in :mod:`bayling_desktop.documents`,
so a module here imports downward into it and never the other way round.
"""
