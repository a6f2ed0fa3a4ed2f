"""Read a GGUF file's header without loading its weights.

The model list must show name, architecture, context and quantization for many
multi-gigabyte files instantly, and a truncated download must be refused before
llama.cpp sees it (llama.cpp's own error is a bare "failed to load model"). The
header is read through a small window of the file, not an mmap (a file cut while it is
read must be a short read and one sentence, never SIGBUS); token arrays are skipped, not
decoded.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import ModelError

GGUF_MAGIC = b"GGUF"
_SUPPORTED_VERSIONS = (2, 3)

# GGUF value types
_UINT8, _INT8, _UINT16, _INT16, _UINT32, _INT32, _FLOAT32, _BOOL, _STRING, _ARRAY = range(10)
_UINT64, _INT64, _FLOAT64 = 10, 11, 12
_SCALARS = {
    _UINT8: "<B", _INT8: "<b", _UINT16: "<H", _INT16: "<h", _UINT32: "<I", _INT32: "<i",
    _FLOAT32: "<f", _BOOL: "<?", _UINT64: "<Q", _INT64: "<q", _FLOAT64: "<d",
}

_LAYOUTS = {kind: struct.Struct(fmt) for kind, fmt in _SCALARS.items()}

#: ggml tensor types: (elements per block, bytes per block), to check the data is all there
_GGML_BLOCKS: dict[int, tuple[int, int]] = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34),
    9: (32, 36), 10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176),
    14: (256, 210), 15: (256, 292), 16: (256, 66), 17: (256, 74), 18: (256, 98),
    19: (256, 50), 20: (32, 18), 21: (256, 110), 22: (256, 82), 23: (256, 136),
    24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8), 29: (256, 56),
    30: (1, 2), 34: (256, 54), 35: (256, 66), 39: (32, 17),
}

#: general.file_type → the quantization name people know
_FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
    23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S",
    29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0",
    38: "MXFP4",
}

#: token strings we look for (without decoding the whole vocabulary)
_PROBE_TOKENS = ("<|eot_id|>", "<|im_end|>", "<end_of_turn>", "</s>", "<|end_of_text|>")


@dataclass
class GGUFInfo:
    path: Path
    file_size: int
    version: int
    tensor_count: int
    architecture: str = ""
    name: str = ""
    context_length: int = 0
    quantization: str = ""
    chat_template: str | None = None
    vocab_size: int = 0
    bos_token: str = ""
    eos_token: str = ""
    bos_token_id: int | None = None
    eos_token_id: int | None = None
    #: special tokens from _PROBE_TOKENS that exist in the vocabulary
    known_tokens: frozenset[str] = frozenset()
    metadata: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def display_name(self) -> str:
        return self.name or self.path.stem


class _FileWindow:
    """The file as read-only bytes, read a window at a time where the parser looks.

    ``len()`` is the size the file had when opened; bytes that are no longer there when
    read (the file was cut meanwhile) raise :class:`ModelError`.
    """

    _BLOCK = 1 << 20

    def __init__(self, handle: IO[bytes], size: int, name: str) -> None:
        self._handle = handle
        self._size = size
        self._name = name
        self._start = 0
        self._data = b""

    def __len__(self) -> int:
        return self._size

    def _load(self, pos: int, length: int) -> None:
        self._handle.seek(pos)
        self._data = self._handle.read(max(length, self._BLOCK))
        self._start = pos
        if len(self._data) < min(length, self._size - pos):
            raise ModelError("model_changed_while_reading", name=self._name)

    def read(self, pos: int, length: int) -> bytes:
        offset = pos - self._start
        if offset < 0 or offset + length > len(self._data):
            self._load(pos, length)
            offset = 0
        return self._data[offset:offset + length]

    def unpack(self, layout: struct.Struct, pos: int) -> tuple[Any, ...]:
        offset = pos - self._start
        if offset < 0 or offset + layout.size > len(self._data):
            self._load(pos, layout.size)
            offset = 0
        return layout.unpack_from(self._data, offset)


class _Reader:
    def __init__(self, buf: _FileWindow, name: str) -> None:
        self.buf = buf
        self.pos = 0
        self.name = name

    def _need(self, size: int) -> None:
        if self.pos + size > len(self.buf):
            if size > len(self.buf) // 2:  # a length no real header has: garbage, not a cut
                raise ModelError("corrupt_header_announces_bytes", name=self.name, size=f"{size:,}",
                                 count=f"{len(self.buf):,}")
            raise ModelError("truncated_header_ends_early", name=self.name)

    def scalar(self, kind: int) -> Any:
        layout = _LAYOUTS[kind]
        self._need(layout.size)
        (value,) = self.buf.unpack(layout, self.pos)
        self.pos += layout.size
        return value

    def u32(self) -> int:
        return int(self.scalar(_UINT32))

    def u64(self) -> int:
        return int(self.scalar(_UINT64))

    def raw_string(self) -> bytes:
        length = self.u64()
        self._need(length)
        data = self.buf.read(self.pos, length)
        self.pos += length
        return data

    def string(self) -> str:
        return self.raw_string().decode("utf-8", errors="replace")

    def value(self, kind: int, keep: bool = True) -> Any:
        if kind == _STRING:
            return self.string() if keep else self.skip_string()
        if kind == _ARRAY:
            item_kind = self.u32()
            count = self.u64()
            if item_kind == _STRING:
                if not keep:
                    self.skip_strings(count)
                    return count
                return [self.string() for _ in range(count)]
            if item_kind in _SCALARS:
                size = struct.calcsize(_SCALARS[item_kind])
                self._need(size * count)
                if not keep or count > 64:
                    self.pos += size * count
                    return count
                return [self.scalar(item_kind) for _ in range(count)]
            return [self.value(item_kind, keep) for _ in range(count)]
        if kind in _SCALARS:
            return self.scalar(kind)
        raise ModelError("unknown_metadata_type_file", name=self.name, kind=kind)

    def skip_string(self) -> None:
        length = self.u64()
        self._need(length)
        self.pos += length

    def skip_strings(self, count: int) -> None:
        """:meth:`skip_string` *count* times (a vocabulary: the hot loop of a header)."""
        u64, size, buf, pos = _LAYOUTS[_UINT64], len(self.buf), self.buf, self.pos
        done = 0
        while done < count and pos + 8 <= size:
            (length,) = buf.unpack(u64, pos)
            if pos + 8 + length > size:
                break
            pos += 8 + length
            done += 1
        self.pos = pos
        if done < count:
            self.skip_string()  # one that runs past the end: its checks say how


def read_gguf_info(path: str | Path) -> GGUFInfo:
    """Parse the header of *path*; raise :class:`ModelError` with a clear sentence if unusable."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ModelError("model_file_not_exist", path=path)
    if path.is_dir():
        raise ModelError("folder_not_model_file", path=path)
    try:
        size = path.stat().st_size
        if size < 24:
            raise ModelError("not_gguf_too_short", name=name, size=size)
        with path.open("rb") as handle:
            return _parse(path, _FileWindow(handle, size, name), size)
    except PermissionError:
        raise ModelError("permission_denied_cannot_read", path=path) from None
    except OSError as exc:
        raise ModelError("could_not_read", path=path, reason=exc.strerror or exc) from exc


def _parse(path: Path, buf: _FileWindow, size: int) -> GGUFInfo:
    name = path.name
    magic = buf.read(0, 4)
    if magic != GGUF_MAGIC:
        older = magic in (b"lmgg", b"tjgg", b"fmgg")
        raise ModelError("ggml_not_gguf" if older else "not_gguf_model_file", name=name)
    reader = _Reader(buf, name)
    reader.pos = 4
    version = reader.u32()
    if version not in _SUPPORTED_VERSIONS:
        raise ModelError("uses_gguf_version_cannot", name=name, version=version,
                         supported_versions=', '.join(map(str, _SUPPORTED_VERSIONS)))
    tensor_count = reader.u64()
    kv_count = reader.u64()
    if tensor_count > 1_000_000 or kv_count > 1_000_000:
        raise ModelError("implausible_header_file_corrupt", name=name)
    metadata: dict[str, Any] = {}
    known: set[str] = set()
    vocab_size = 0
    tokens_at = -1
    for _ in range(kv_count):
        key = reader.string()
        kind = reader.u32()
        if key == "tokenizer.ggml.tokens":
            start = reader.pos
            tokens_at = start
            vocab_size = int(reader.value(kind, keep=False))
            region = buf.read(start, reader.pos - start)
            for token in _PROBE_TOKENS:
                encoded = token.encode()
                if struct.pack("<Q", len(encoded)) + encoded in region:
                    known.add(token)
            continue
        keep = not key.startswith(("tokenizer.ggml.scores", "tokenizer.ggml.token_type",
                                   "tokenizer.ggml.merges"))
        metadata[key] = reader.value(kind, keep)
    _check_tensors(reader, tensor_count, metadata, size, name)
    arch = str(metadata.get("general.architecture", ""))
    info = GGUFInfo(
        path=path, file_size=size, version=version, tensor_count=tensor_count,
        architecture=arch, name=str(metadata.get("general.name", "") or ""),
        context_length=int(metadata.get(f"{arch}.context_length", 0) or 0),
        quantization=_FILE_TYPES.get(int(metadata.get("general.file_type", -1)), ""),
        chat_template=metadata.get("tokenizer.chat_template") or None,
        vocab_size=vocab_size, known_tokens=frozenset(known), metadata=metadata,
    )
    info.bos_token_id = _int_or_none(metadata.get("tokenizer.ggml.bos_token_id"))
    info.eos_token_id = _int_or_none(metadata.get("tokenizer.ggml.eos_token_id"))
    if tokens_at >= 0:
        wanted = {i for i in (info.bos_token_id, info.eos_token_id) if i is not None}
        found = _token_strings(reader, tokens_at, wanted)
        info.bos_token = found.get(info.bos_token_id, "") if info.bos_token_id is not None else ""
        info.eos_token = found.get(info.eos_token_id, "") if info.eos_token_id is not None else ""
    return info


def _token_strings(reader: _Reader, array_at: int, wanted: set[int]) -> dict[int, str]:
    """Decode just the vocabulary entries at *wanted* indexes (BOS/EOS for templates)."""
    found: dict[int, str] = {}
    if not wanted:
        return found
    reader.pos = array_at + 4  # skip the item type
    count = reader.u64()
    last = max(wanted)
    for index in range(min(count, last + 1)):
        if index in wanted:
            found[index] = reader.string()
        else:
            reader.skip_string()
    return found


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, int) else None


def _check_tensors(reader: _Reader, count: int, metadata: dict[str, Any], size: int,
                   name: str) -> None:
    """Walk the tensor table and make sure every tensor's bytes are inside the file."""
    end_of_data = 0
    for _ in range(count):
        reader.skip_string()
        n_dims = reader.u32()
        if n_dims > 8:
            raise ModelError("corrupt_tensor_table", name=name)
        elements = 1
        for _ in range(n_dims):
            elements *= reader.u64()
        ggml_type = reader.u32()
        offset = reader.u64()
        block = _GGML_BLOCKS.get(ggml_type)
        nbytes = elements // block[0] * block[1] if block else 0
        end_of_data = max(end_of_data, offset + nbytes)
    alignment = int(metadata.get("general.alignment", 32) or 32)
    data_start = -(-reader.pos // alignment) * alignment
    if end_of_data and data_start + end_of_data > size:
        missing = data_start + end_of_data - size
        raise ModelError("truncated_bytes_weights_missing", name=name, missing=f"{missing:,}")
