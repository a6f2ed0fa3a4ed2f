"""Read safetensors checkpoints tensor by tensor, without torch and without loading them.

A 13B checkpoint is 26 GB; the converter must never hold it in memory. A
safetensors file is an 8-byte little-endian header length, a JSON header that
gives each tensor's dtype, shape and byte range, and then the raw data. We map
only the rows being converted (``numpy.memmap`` of one slice at a time), so the
resident memory of a conversion stays near one slice, whatever the model size.
bf16 has no NumPy dtype: it is the top half of a float32, so widening is a shift.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...errors import ModelError

#: bytes of source data mapped at once while streaming a tensor
SLICE_BYTES = 16 * 1024 * 1024
_MAX_HEADER = 100 * 1024 * 1024
_DTYPES: dict[str, tuple[np.dtype, int]] = {
    "F16": (np.dtype("<f2"), 2),
    "BF16": (np.dtype("<u2"), 2),
    "F32": (np.dtype("<f4"), 4),
}
INDEX_NAME = "model.safetensors.index.json"
SINGLE_NAME = "model.safetensors"


@dataclass(frozen=True)
class TensorRef:
    """Where one tensor's bytes are: enough to map any rows of it later."""

    name: str
    path: Path
    dtype: str
    shape: tuple[int, ...]
    #: absolute byte offset of the tensor's first element in *path*
    offset: int

    @property
    def itemsize(self) -> int:
        return _DTYPES[self.dtype][1]

    @property
    def count(self) -> int:
        return math.prod(self.shape)

    @property
    def nbytes(self) -> int:
        return self.count * self.itemsize

    def rows(self, out: np.dtype, max_bytes: int = SLICE_BYTES,
             align: int = 1) -> Iterator[np.ndarray]:
        """The tensor in dtype *out*, a block of leading-axis rows at a time.

        Every block but the last holds a multiple of *align* rows (whole heads).
        """
        if not self.shape:
            yield self._read(0, 1, out).reshape(())
            return
        rows = self.shape[0]
        row_elems = math.prod(self.shape[1:])
        step = max(1, max_bytes // max(1, row_elems * self.itemsize))
        step = max(align, step - step % align)
        for start in range(0, rows, step):
            stop = min(rows, start + step)
            block = self._read(start * row_elems, (stop - start) * row_elems, out)
            yield block.reshape((stop - start, *self.shape[1:]))

    def _read(self, first: int, count: int, out: np.dtype) -> np.ndarray:
        dtype, size = _DTYPES[self.dtype]
        if count == 0:
            return np.zeros(0, dtype=out)
        mapped = np.memmap(self.path, dtype=dtype, mode="r", offset=self.offset + first * size,
                           shape=(count,))
        try:
            if self.dtype == "BF16":
                return (mapped.astype(np.uint32) << 16).view(np.float32).astype(out, copy=False)
            return np.array(mapped, dtype=out)
        finally:
            del mapped


def read_header(path: Path) -> dict[str, TensorRef]:
    """The tensors of one ``.safetensors`` file, checked against the file's size."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
            if len(head) < 8:
                raise ModelError("not_safetensors_file_too", path=path.name)
            (length,) = struct.unpack("<Q", head)
            if length > min(_MAX_HEADER, size - 8):
                raise ModelError("not_safetensors_file_header_length", path=path.name)
            header = json.loads(handle.read(length))
    except OSError as exc:
        raise ModelError("could_not_read", path=path, reason=exc.strerror or exc) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ModelError("not_safetensors_file_header", path=path.name) from exc
    if not isinstance(header, dict):
        raise ModelError("not_safetensors_file", path=path.name)
    base = 8 + length
    tensors: dict[str, TensorRef] = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype = str(spec["dtype"])
            shape = tuple(int(d) for d in spec["shape"])
            begin, end = (int(v) for v in spec["data_offsets"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError("malformed_entry", path=path.name, name=name) from exc
        if dtype not in _DTYPES:
            raise ModelError("stores_f16_bf16_f32", path=path.name, name=name, dtype=dtype)
        ref = TensorRef(name, path, dtype, shape, base + begin)
        if end - begin != ref.nbytes or base + end > size:
            raise ModelError("truncated_damaged_not_fit", path=path.name, name=name)
        tensors[name] = ref
    return tensors


def open_checkpoint(folder: Path) -> dict[str, TensorRef]:
    """All tensors of a checkpoint folder: one file, or shards listed by the index."""
    index = folder / INDEX_NAME
    if index.is_file():
        try:
            weight_map = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
            shards = sorted(set(weight_map.values()))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError("not_valid_safetensors_index", index=index) from exc
        tensors: dict[str, TensorRef] = {}
        for shard in shards:
            shard_path = folder / shard
            if not shard_path.is_file():
                raise ModelError("shard_listed_missing", shard=shard, index_name=INDEX_NAME,
                                 folder=folder)
            tensors.update(read_header(shard_path))
        missing = sorted(set(weight_map) - set(tensors))
        if missing:
            raise ModelError("checkpoint_index_lists_no", missing=missing[0])
        return tensors
    files = sorted(folder.glob("*.safetensors"))
    if not files:
        raise ModelError("no_safetensors_weights_pytorch_bin", folder=folder)
    tensors = {}
    for file in files:
        tensors.update(read_header(file))
    return tensors
