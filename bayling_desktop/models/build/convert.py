"""safetensors → GGUF for Llama-architecture checkpoints (BayLing 2's three models).

Metadata keys and tensor names come from gguf-py (``gguf.constants``,
``gguf.tensor_mapping``), the llama.cpp project's own definitions, never typed by
hand. Two layout facts matter for correct output:

* Hugging Face stores the Q and K projections for "rotate half" rotary embeddings
  (the two halves of each head's dimensions pair up); llama.cpp's Llama graph rotates
  adjacent pairs. So the rows of each head are reordered: head-major, then
  (half, index) → (index, half). K uses the number of KV heads (GQA).
* 1-D tensors (the RMS norms) stay float32; matrices become F16 (or F32 on request).

Tensors are streamed one block of rows at a time from memory-mapped safetensors
straight into the output file; the output appears under its name only when it is
complete, and a cancel or a failure removes the partial file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from gguf.constants import MODEL_ARCH, MODEL_ARCH_NAMES, LlamaFileType
from gguf.gguf_writer import GGUFWriter
from gguf.tensor_mapping import get_tensor_name_map

from .common import (
    BuildCallback,
    BuildCancelled,
    BuildError,
    BuildProgress,
    Cancel,
    Eta,
    is_cancelled,
)
from .safetensors import TensorRef, open_checkpoint
from .templates import template_for
from .vocab import Vocab, load_vocab

OUT_TYPES = ("f16", "f32")
_SKIPPED = re.compile(r"rotary_emb\.inv_freq$")


@dataclass(frozen=True)
class LlamaConfig:
    hidden: int
    ffn: int
    layers: int
    heads: int
    kv_heads: int
    head_dim: int
    rms_eps: float
    rope_theta: float
    context: int
    vocab_size: int
    tied: bool
    torch_dtype: str


def _int(config: dict[str, Any], key: str) -> int:
    value = config.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise BuildError("config_json_no_valid", key=key)
    return value


def read_config(folder: Path) -> tuple[LlamaConfig, dict[str, Any]]:
    path = folder / "config.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BuildError("no_config_json_point", folder=folder) from exc
    except (OSError, ValueError) as exc:
        raise BuildError("not_valid_json", path=path) from exc
    if not isinstance(raw, dict):
        raise BuildError("not_model_configuration", path=path)
    arch = raw.get("architectures") or []
    if "LlamaForCausalLM" not in arch:
        raise BuildError("checkpoint_llamaforcausallm_converted", folder=folder.name,
                         arch=', '.join(map(str, arch)) or 'unknown')
    if raw.get("rope_scaling"):
        raise BuildError("checkpoint_uses_rope_scaling")
    heads = _int(raw, "num_attention_heads")
    hidden = _int(raw, "hidden_size")
    kv_heads = raw.get("num_key_value_heads") or heads
    head_dim = raw.get("head_dim") or hidden // heads
    if not isinstance(kv_heads, int) or heads % kv_heads or head_dim % 2:
        raise BuildError("config_json_gives_impossible", heads=heads, kv_heads=kv_heads)
    return LlamaConfig(
        hidden=hidden, ffn=_int(raw, "intermediate_size"),
        layers=_int(raw, "num_hidden_layers"), heads=heads, kv_heads=kv_heads,
        head_dim=int(head_dim), rms_eps=float(raw.get("rms_norm_eps", 1e-6)),
        rope_theta=float(raw.get("rope_theta", 10000.0)),
        context=int(raw.get("max_position_embeddings", 2048)),
        vocab_size=_int(raw, "vocab_size"), tied=bool(raw.get("tie_word_embeddings", False)),
        torch_dtype=str(raw.get("torch_dtype", "float16")),
    ), raw


def permute_rotary(weight: np.ndarray, heads: int) -> np.ndarray:
    """Reorder Q/K projection rows from HF's rotate-half layout to llama.cpp's pairs."""
    rows = weight.shape[0]
    return (weight.reshape(heads, 2, rows // heads // 2, *weight.shape[1:])
            .swapaxes(1, 2).reshape(weight.shape))


@dataclass(frozen=True)
class _Planned:
    source: TensorRef
    name: str
    dtype: np.dtype
    #: number of heads when the rows must be permuted for llama.cpp's rotary layout
    permute_heads: int | None

    @property
    def out_bytes(self) -> int:
        return self.source.count * self.dtype.itemsize


@dataclass(frozen=True)
class Checkpoint:
    folder: Path
    config: LlamaConfig
    raw_config: dict[str, Any]
    vocab: Vocab
    tensors: dict[str, TensorRef]
    #: "bayling-v1" (Llama-2 base, SentencePiece) or "bayling-3" (Llama-3 base, BPE)
    prompt_format: str

    @property
    def parameters(self) -> int:
        return sum(t.count for t in self.tensors.values())


def inspect(folder: Path) -> Checkpoint:
    """Everything about a checkpoint folder that can be known without reading weights."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise BuildError("not_folder", folder=folder)
    config, raw = read_config(folder)
    vocab = load_vocab(folder, config.vocab_size, raw)
    tensors = {n: t for n, t in open_checkpoint(folder).items() if not _SKIPPED.search(n)}
    fmt = "bayling-v1" if vocab.model == "llama" else "bayling-3"
    return Checkpoint(folder, config, raw, vocab, tensors, fmt)


def _plan(checkpoint: Checkpoint, out_type: str) -> list[_Planned]:
    config = checkpoint.config
    names = get_tensor_name_map(MODEL_ARCH.LLAMA, config.layers)
    matrix = np.dtype(np.float16 if out_type == "f16" else np.float32)
    planned = []
    for hf_name, ref in checkpoint.tensors.items():
        name = names.get_name(hf_name, try_suffixes=(".weight", ".bias"))
        if name is None:
            raise BuildError("checkpoint_tensor_llama_model", hf_name=hf_name)
        heads = None
        if hf_name.endswith("q_proj.weight"):
            heads = config.heads
        elif hf_name.endswith("k_proj.weight"):
            heads = config.kv_heads
        dtype = matrix if len(ref.shape) > 1 else np.dtype(np.float32)
        planned.append(_Planned(ref, name, dtype, heads))
    wanted = {"token_embd.weight", "output_norm.weight", "blk.0.attn_q.weight"}
    missing = wanted - {p.name for p in planned}
    if missing:
        raise BuildError("checkpoint_lacks_incomplete", missing=sorted(missing)[0])
    if not config.tied and "output.weight" not in {p.name for p in planned}:
        raise BuildError("checkpoint_no_lm_head")

    def order(item: _Planned) -> tuple[int, str]:
        match = re.match(r"blk\.(\d+)\.", item.name)
        return (int(match.group(1)) + 1 if match else (0 if "token_embd" in item.name
                                                        else 1_000_000)), item.name

    return sorted(planned, key=order)


def output_size(checkpoint: Checkpoint, out_type: str = "f16") -> int:
    """Bytes of the tensor data the conversion writes (the header adds a few MB)."""
    return sum(p.out_bytes for p in _plan(checkpoint, out_type))


def _add_metadata(writer: GGUFWriter, checkpoint: Checkpoint, name: str, out_type: str) -> None:
    config, vocab = checkpoint.config, checkpoint.vocab
    writer.add_name(name)
    writer.add_basename(name)
    writer.add_file_type(LlamaFileType.MOSTLY_F16 if out_type == "f16" else
                         LlamaFileType.ALL_F32)
    writer.add_vocab_size(len(vocab.tokens))
    writer.add_context_length(config.context)
    writer.add_embedding_length(config.hidden)
    writer.add_block_count(config.layers)
    writer.add_feed_forward_length(config.ffn)
    writer.add_head_count(config.heads)
    writer.add_head_count_kv(config.kv_heads)
    writer.add_rope_dimension_count(config.head_dim)
    if config.head_dim * config.heads != config.hidden:
        writer.add_key_length(config.head_dim)
        writer.add_value_length(config.head_dim)
    writer.add_rope_freq_base(config.rope_theta)
    writer.add_layer_norm_rms_eps(config.rms_eps)
    writer.add_tokenizer_model(vocab.model)
    writer.add_tokenizer_pre(vocab.pre)
    writer.add_token_list(vocab.tokens)
    writer.add_token_scores(vocab.scores)
    writer.add_token_types(vocab.types)
    if vocab.merges:
        writer.add_token_merges(vocab.merges)
    for value, add in ((vocab.bos_id, writer.add_bos_token_id),
                       (vocab.eos_id, writer.add_eos_token_id),
                       (vocab.unk_id, writer.add_unk_token_id),
                       (vocab.pad_id, writer.add_pad_token_id),
                       (vocab.eot_id, writer.add_eot_token_id)):
        if value is not None:
            add(value)
    writer.add_add_bos_token(vocab.add_bos)
    writer.add_add_eos_token(False)
    writer.add_chat_template(template_for(checkpoint.prompt_format))


def _blocks(item: _Planned, head_dim: int) -> Iterator[np.ndarray]:
    if item.permute_heads is None:
        yield from item.source.rows(item.dtype)
        return
    # The permutation stays within each head's rows, so whole heads stream in blocks.
    for block in item.source.rows(np.dtype(np.float32), align=head_dim):
        yield permute_rotary(block, block.shape[0] // head_dim).astype(item.dtype)


def convert(source: Path | Checkpoint, output: Path, *, out_type: str = "f16",
            name: str | None = None, progress: BuildCallback | None = None,
            cancel: Cancel | None = None) -> Path:
    """Write *source* as a GGUF file at *output*; return *output*."""
    if out_type not in OUT_TYPES:
        raise BuildError("unknown_output_type_f16", out_type=out_type)
    checkpoint = source if isinstance(source, Checkpoint) else inspect(Path(source))
    plan = _plan(checkpoint, out_type)
    output = Path(output)
    partial = output.with_name(f".{output.name}.part")
    total = sum(p.source.nbytes for p in plan)
    eta = Eta(total)
    done = 0
    writer = GGUFWriter(partial, MODEL_ARCH_NAMES[MODEL_ARCH.LLAMA])
    try:
        _add_metadata(writer, checkpoint, name or checkpoint.folder.name, out_type)
        for item in plan:
            writer.add_tensor_info(item.name, item.source.shape, item.dtype, item.out_bytes)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        assert writer.fout is not None
        out = writer.fout[0]
        for item in plan:
            writer.write_padding(out, out.tell())
            written = 0
            for block in _blocks(item, checkpoint.config.head_dim):
                if is_cancelled(cancel):
                    raise BuildCancelled("conversion_cancelled_nothing_kept")
                block.tofile(out)
                written += block.nbytes
                done += block.size * item.source.itemsize
                if progress is not None:
                    progress(BuildProgress("convert", done, total, eta.left(done), item.name))
            if written != item.out_bytes:
                raise BuildError("internal_error_came_out", item=item.name)
            writer.write_padding(out, item.out_bytes)
        out.flush()
        os.fsync(out.fileno())
        writer.close()
        os.replace(partial, output)
    except OSError as exc:
        writer.close()
        partial.unlink(missing_ok=True)
        raise BuildError("could_not_write_partial", output=output,
                         reason=exc.strerror or exc) from exc
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(BuildProgress("convert", total, total, 0.0, ""))
    return output

