"""The tokenizer of a Llama checkpoint, as the lists GGUF stores.

Llama-2 bases (BayLing-2-7B/13B) ship a SentencePiece ``tokenizer.model``: GGUF
keeps every piece with its score and type, and llama.cpp's SPM tokenizer merges by
those scores. Llama-3 bases (BayLing-2-Llama-3-8B) ship a byte-level BPE
``tokenizer.json``: GGUF keeps the byte-level token strings, the merge list and the
name of the pre-tokenizer regex llama.cpp must use. A tokenizer we cannot map
exactly is refused: a silently different tokenization ruins every output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gguf.constants import TokenType

from ...errors import ModelError

#: Llama-3's pre-tokenizer split pattern; llama.cpp knows it as "llama-bpe"
LLAMA3_PATTERN = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|"
    r" ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)


@dataclass
class Vocab:
    #: "llama" (SentencePiece) or "gpt2" (byte-level BPE), gguf's tokenizer.ggml.model
    model: str
    #: gguf's tokenizer.ggml.pre: which pre-tokenizer regex llama.cpp applies
    pre: str
    tokens: list[str]
    scores: list[float]
    types: list[int]
    merges: list[str] = field(default_factory=list)
    bos_id: int | None = None
    eos_id: int | None = None
    unk_id: int | None = None
    pad_id: int | None = None
    eot_id: int | None = None
    add_bos: bool = True

    def token_id(self, text: str) -> int | None:
        try:
            return self.tokens.index(text)
        except ValueError:
            return None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ModelError("not_valid_json_in", path=path.name, parent=path.parent) from exc


def _first_id(value: object) -> int | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _token_text(value: object) -> str | None:
    """tokenizer_config.json gives special tokens as strings or AddedToken dicts."""
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) else None


def _pad_to(vocab: Vocab, size: int) -> None:
    """Fill up to the embedding's row count: some checkpoints pad the vocabulary."""
    if len(vocab.tokens) > size:
        raise ModelError("tokenizer_tokens_model_embedding", count=len(vocab.tokens), size=size)
    for index in range(len(vocab.tokens), size):
        vocab.tokens.append(f"[PAD{index}]")
        vocab.scores.append(-1000.0)
        vocab.types.append(int(TokenType.UNUSED))


def load_sentencepiece(folder: Path, vocab_size: int, config: dict[str, Any]) -> Vocab:
    import sentencepiece

    path = folder / "tokenizer.model"
    processor = sentencepiece.SentencePieceProcessor()
    try:
        processor.LoadFromFile(str(path))
    except (OSError, RuntimeError) as exc:
        raise ModelError("not_sentencepiece_model", path=path) from exc
    tokens, scores, types = [], [], []
    for index in range(processor.GetPieceSize()):
        tokens.append(processor.IdToPiece(index))
        scores.append(float(processor.GetScore(index)))
        if processor.IsUnknown(index):
            kind = TokenType.UNKNOWN
        elif processor.IsControl(index):
            kind = TokenType.CONTROL
        elif processor.IsUnused(index):
            kind = TokenType.UNUSED
        elif processor.IsByte(index):
            kind = TokenType.BYTE
        else:
            kind = TokenType.NORMAL
        types.append(int(kind))
    vocab = Vocab("llama", "default", tokens, scores, types)
    added = _read_json(folder / "added_tokens.json") or {}
    for text, index in sorted(added.items(), key=lambda item: item[1]):
        if index < len(vocab.tokens):
            continue
        if index != len(vocab.tokens):
            raise ModelError("added_tokens_json_leaves")
        vocab.tokens.append(text)
        vocab.scores.append(-1000.0)
        vocab.types.append(int(TokenType.USER_DEFINED))
    _pad_to(vocab, vocab_size)

    def special(name: str, fallback: int) -> int | None:
        found = _first_id(config.get(name))
        found = fallback if found is None else found
        return found if 0 <= found < len(vocab.tokens) else None

    vocab.bos_id = special("bos_token_id", processor.bos_id())
    vocab.eos_id = special("eos_token_id", processor.eos_id())
    vocab.unk_id = processor.unk_id() if processor.unk_id() >= 0 else None
    pad = _first_id(config.get("pad_token_id"))
    vocab.pad_id = pad if pad is not None and 0 <= pad < len(vocab.tokens) else None
    return vocab


def _pre_tokenizer(spec: object) -> str:
    """Name llama.cpp gives the pre-tokenizer, or refuse an unknown one."""
    patterns: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Split":
                pattern = node.get("pattern")
                if isinstance(pattern, dict) and isinstance(pattern.get("Regex"), str):
                    patterns.append(pattern["Regex"])
            for child in node.get("pretokenizers") or []:
                walk(child)

    walk(spec)
    if patterns == [LLAMA3_PATTERN]:
        return "llama-bpe"
    raise ModelError("tokenizer_json_uses_pre")


def load_bpe(folder: Path, vocab_size: int, config: dict[str, Any]) -> Vocab:
    data = _read_json(folder / "tokenizer.json")
    if not isinstance(data, dict):
        raise ModelError("neither_tokenizer_model_nor_tokenizer_json", folder=folder)
    model = data.get("model") or {}
    if model.get("type") != "BPE" or not isinstance(model.get("vocab"), dict):
        raise ModelError("tokenizer_json_not_bpe")
    if model.get("byte_fallback"):
        raise ModelError("tokenizer_json_byte_fallback")
    pre = _pre_tokenizer(data.get("pre_tokenizer"))
    by_id: dict[int, str] = {int(i): t for t, i in model["vocab"].items()}
    added_types: dict[int, int] = {}
    for added in data.get("added_tokens") or []:
        index = int(added["id"])
        by_id[index] = str(added["content"])
        added_types[index] = int(TokenType.CONTROL if added.get("special")
                                 else TokenType.USER_DEFINED)
    size = max(vocab_size, max(by_id) + 1)
    tokens, scores, types = [], [], []
    for index in range(size):
        text = by_id.get(index)
        if text is None:
            tokens.append(f"[PAD{index}]")
            types.append(int(TokenType.UNUSED))
        else:
            tokens.append(text)
            types.append(added_types.get(index, int(TokenType.NORMAL)))
        scores.append(0.0)
    merges = [m if isinstance(m, str) else " ".join(m) for m in model.get("merges") or []]
    vocab = Vocab("gpt2", pre, tokens, scores, types, merges)
    _pad_to(vocab, vocab_size)
    tok_config = _read_json(folder / "tokenizer_config.json") or {}
    bos_text = _token_text(tok_config.get("bos_token"))
    vocab.bos_id = (vocab.token_id(bos_text) if bos_text else None)
    if vocab.bos_id is None:
        vocab.bos_id = _first_id(config.get("bos_token_id"))
    generation = _read_json(folder / "generation_config.json") or {}
    vocab.eos_id = _first_id(config.get("eos_token_id"))
    if vocab.eos_id is None:
        vocab.eos_id = _first_id(generation.get("eos_token_id"))
    vocab.eot_id = vocab.token_id("<|eot_id|>")
    pad_text = _token_text(tok_config.get("pad_token"))
    vocab.pad_id = vocab.token_id(pad_text) if pad_text else None
    vocab.add_bos = bool(tok_config.get("add_bos_token", True))
    return vocab


def load_vocab(folder: Path, vocab_size: int, config: dict[str, Any]) -> Vocab:
    """SentencePiece when the checkpoint has ``tokenizer.model``, else BPE."""
    if (folder / "tokenizer.model").is_file():
        return load_sentencepiece(folder, vocab_size, config)
    if (folder / "tokenizer.json").is_file():
        return load_bpe(folder, vocab_size, config)
    raise ModelError("neither_tokenizer_model_nor_tokenizer", folder=folder)
