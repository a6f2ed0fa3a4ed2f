"""Tiny random-weight Llama checkpoints written at test time, and a NumPy forward pass.

The converter is checked against what a real checkpoint looks like: safetensors
written byte by byte from NumPy (fp16, bf16 or fp32, optionally sharded with an
index), a SentencePiece ``tokenizer.model`` trained here for the Llama-2 kind and a
byte-level BPE ``tokenizer.json`` (Llama-3's pre-tokenizer) for the Llama-3 kind.
``reference_logits`` is the Hugging Face Llama forward pass written out in NumPy,
so a wrong rotary permutation, norm epsilon or tensor mapping shows in the logits.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bayling_desktop.models.build.vocab import LLAMA3_PATTERN

CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "Machine translation turns text in one language into another language.",
    "BayLing is an instruction-following large language model.",
    "Please translate this sentence into Chinese, and keep the names unchanged.",
    "我们今天在北京开会，讨论机器翻译的质量。",
    "百聆是一个多语言的大语言模型，可以进行交互式翻译。",
    "请把下面的句子翻译成英文。",
    "Numbers like 2024 and 3.14 appear in documents too!",
    "Die Katze sitzt auf der Matte, und der Hund schläft.",
    "Le modèle traduit du français vers l'anglais.",
]
SAMPLE = "Hello world! 你好，世界。Translation 2024 🙂 naïve café\n  two  spaces"
L3_SPECIALS = ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>",
               "<|end_header_id|>", "<|eot_id|>"]


@dataclass(frozen=True)
class Shape:
    hidden: int = 256
    ffn: int = 512
    layers: int = 2
    heads: int = 4
    kv_heads: int = 4
    rope_theta: float = 10000.0
    rms_eps: float = 1e-5
    context: int = 256


def train_sentencepiece(folder: Path, vocab_size: int = 400) -> Path:
    """A Llama-2 style SentencePiece BPE model (identity normaliser, byte fallback)."""
    import sentencepiece

    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / "tokenizer"
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS * 20), model_prefix=str(prefix), vocab_size=vocab_size,
        model_type="bpe", byte_fallback=True, character_coverage=1.0,
        normalization_rule_name="identity", add_dummy_prefix=True,
        remove_extra_whitespaces=False, split_digits=True, allow_whitespace_only_pieces=True,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1, num_threads=1, minloglevel=2)
    prefix.with_suffix(".vocab").unlink()
    return prefix.with_suffix(".model")


def build_bpe(folder: Path, vocab_size: int = 600) -> int:
    """A Llama-3 style byte-level BPE ``tokenizer.json``; returns its size."""
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, processors
    from tokenizers.trainers import BpeTrainer

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(LLAMA3_PATTERN), behavior="isolated", invert=False),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tokenizer.decoder = decoders.ByteLevel()
    trainer = BpeTrainer(vocab_size=vocab_size, initial_alphabet=pre_tokenizers.ByteLevel
                         .alphabet(), show_progress=False)
    tokenizer.train_from_iterator(CORPUS * 20, trainer)
    tokenizer.add_special_tokens(L3_SPECIALS)
    bos = tokenizer.token_to_id("<|begin_of_text|>")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<|begin_of_text|> $A", special_tokens=[("<|begin_of_text|>", bos)])
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(folder / "tokenizer.json"))
    (folder / "tokenizer_config.json").write_text(json.dumps({
        "bos_token": "<|begin_of_text|>", "eos_token": "<|end_of_text|>"}), encoding="utf-8")
    return int(tokenizer.get_vocab_size())


def random_weights(shape: Shape, vocab: int, seed: int = 0,
                   tied: bool = False) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    head_dim = shape.hidden // shape.heads

    def matrix(rows: int, cols: int, scale: float) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * scale).astype(np.float32)

    def norm() -> np.ndarray:
        return (1.0 + 0.1 * rng.standard_normal(shape.hidden)).astype(np.float32)

    weights = {"model.embed_tokens.weight": matrix(vocab, shape.hidden, 1.0)}
    for i in range(shape.layers):
        p = f"model.layers.{i}."
        weights[p + "input_layernorm.weight"] = norm()
        weights[p + "self_attn.q_proj.weight"] = matrix(shape.heads * head_dim, shape.hidden,
                                                        0.08)
        weights[p + "self_attn.k_proj.weight"] = matrix(shape.kv_heads * head_dim,
                                                        shape.hidden, 0.08)
        weights[p + "self_attn.v_proj.weight"] = matrix(shape.kv_heads * head_dim,
                                                        shape.hidden, 0.06)
        weights[p + "self_attn.o_proj.weight"] = matrix(shape.hidden, shape.heads * head_dim,
                                                        0.06)
        weights[p + "post_attention_layernorm.weight"] = norm()
        weights[p + "mlp.gate_proj.weight"] = matrix(shape.ffn, shape.hidden, 0.06)
        weights[p + "mlp.up_proj.weight"] = matrix(shape.ffn, shape.hidden, 0.06)
        weights[p + "mlp.down_proj.weight"] = matrix(shape.hidden, shape.ffn, 0.05)
    weights["model.norm.weight"] = norm()
    if not tied:
        weights["lm_head.weight"] = matrix(vocab, shape.hidden, 0.05)
    return weights


def _encode(array: np.ndarray, dtype: str) -> tuple[bytes, np.ndarray]:
    """Bytes in *dtype* and the float32 values they decode to (what the model really is)."""
    if dtype == "F16":
        half = array.astype("<f2")
        return half.tobytes(), half.astype(np.float32)
    if dtype == "BF16":
        top = (array.astype("<f4").view(np.uint32) >> 16).astype("<u2")
        return top.tobytes(), (top.astype(np.uint32) << 16).view(np.float32)
    return array.astype("<f4").tobytes(), array.astype(np.float32)


def write_safetensors(path: Path, tensors: dict[str, np.ndarray], dtype: str) -> dict[str,
                                                                                      np.ndarray]:
    header: dict[str, object] = {"__metadata__": {"format": "pt"}}
    blobs, decoded, offset = [], {}, 0
    for name in sorted(tensors):
        data, values = _encode(tensors[name], dtype)
        header[name] = {"dtype": dtype, "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        decoded[name] = values
        offset += len(data)
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    with path.open("wb") as out:
        out.write(struct.pack("<Q", len(raw)))
        out.write(raw)
        for blob in blobs:
            out.write(blob)
    return decoded


def write_checkpoint(folder: Path, kind: str = "llama2", dtype: str = "F16", shards: int = 1,
                     shape: Shape | None = None, seed: int = 0,
                     tied: bool = False, pad_vocab_to: int = 0) -> dict[str, np.ndarray]:
    """A complete checkpoint folder; returns the float32 weights it really holds.

    *pad_vocab_to* gives the embedding more rows than the tokenizer has tokens, as
    checkpoints padded for tensor parallelism do.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "llama2":
        shape = shape or Shape()
        import sentencepiece

        model = train_sentencepiece(folder)
        vocab = sentencepiece.SentencePieceProcessor(model_file=str(model)).GetPieceSize()
        bos, eos = 1, 2
    else:
        shape = shape or Shape(kv_heads=2, rope_theta=500000.0, rms_eps=1e-6)
        vocab = build_bpe(folder)
        data = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        ids = {t["content"]: t["id"] for t in data["added_tokens"]}
        bos, eos = ids["<|begin_of_text|>"], ids["<|end_of_text|>"]
    vocab = max(vocab, pad_vocab_to)
    config = {
        "architectures": ["LlamaForCausalLM"], "model_type": "llama",
        "hidden_size": shape.hidden, "intermediate_size": shape.ffn,
        "num_hidden_layers": shape.layers, "num_attention_heads": shape.heads,
        "num_key_value_heads": shape.kv_heads, "rms_norm_eps": shape.rms_eps,
        "rope_theta": shape.rope_theta, "max_position_embeddings": shape.context,
        "vocab_size": vocab, "bos_token_id": bos, "eos_token_id": eos,
        "tie_word_embeddings": tied, "hidden_act": "silu",
        "torch_dtype": {"F16": "float16", "BF16": "bfloat16", "F32": "float32"}[dtype],
    }
    (folder / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    weights = random_weights(shape, vocab, seed, tied)
    names = sorted(weights)
    decoded: dict[str, np.ndarray] = {}
    if shards == 1:
        decoded = write_safetensors(folder / "model.safetensors", weights, dtype)
    else:
        weight_map = {}
        for index in range(shards):
            part = names[index::shards]
            file = f"model-{index + 1:05d}-of-{shards:05d}.safetensors"
            decoded.update(write_safetensors(folder / file, {n: weights[n] for n in part},
                                             dtype))
            weight_map.update({n: file for n in part})
        (folder / "model.safetensors.index.json").write_text(json.dumps(
            {"metadata": {"total_size": 0}, "weight_map": weight_map}), encoding="utf-8")
    return decoded


# -- the reference forward pass (Hugging Face's LlamaModel, in NumPy) ----------------------


def _rms_norm(x: np.ndarray, weight: np.ndarray, eps: float) -> np.ndarray:
    x64 = x.astype(np.float64)
    return (x64 / np.sqrt(np.mean(x64 * x64, axis=-1, keepdims=True) + eps)) * weight


def _rotate_half(x: np.ndarray) -> np.ndarray:
    half = x.shape[-1] // 2
    return np.concatenate([-x[..., half:], x[..., :half]], axis=-1)


def reference_logits(weights: dict[str, np.ndarray], config: dict[str, object],
                     tokens: list[int]) -> np.ndarray:
    hidden = int(config["hidden_size"])  # type: ignore[call-overload]
    heads = int(config["num_attention_heads"])  # type: ignore[call-overload]
    kv_heads = int(config["num_key_value_heads"])  # type: ignore[call-overload]
    layers = int(config["num_hidden_layers"])  # type: ignore[call-overload]
    eps = float(config["rms_norm_eps"])  # type: ignore[arg-type]
    theta = float(config["rope_theta"])  # type: ignore[arg-type]
    dim = hidden // heads
    w = {k: v.astype(np.float64) for k, v in weights.items()}
    n = len(tokens)
    x = w["model.embed_tokens.weight"][tokens]
    inv_freq = 1.0 / theta ** (np.arange(0, dim, 2, dtype=np.float64) / dim)
    freqs = np.arange(n, dtype=np.float64)[:, None] * inv_freq[None, :]
    emb = np.concatenate([freqs, freqs], axis=-1)
    cos, sin = np.cos(emb)[:, None, :], np.sin(emb)[:, None, :]
    mask = np.triu(np.full((n, n), -np.inf), k=1)
    for i in range(layers):
        p = f"model.layers.{i}."
        h = _rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = (h @ w[p + "self_attn.q_proj.weight"].T).reshape(n, heads, dim)
        k = (h @ w[p + "self_attn.k_proj.weight"].T).reshape(n, kv_heads, dim)
        v = (h @ w[p + "self_attn.v_proj.weight"].T).reshape(n, kv_heads, dim)
        q = q * cos + _rotate_half(q) * sin
        k = k * cos + _rotate_half(k) * sin
        group = heads // kv_heads
        k = np.repeat(k, group, axis=1)
        v = np.repeat(v, group, axis=1)
        scores = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(dim) + mask
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        attn = np.einsum("hqk,khd->qhd", probs, v).reshape(n, heads * dim)
        x = x + attn @ w[p + "self_attn.o_proj.weight"].T
        h = _rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = h @ w[p + "mlp.gate_proj.weight"].T
        up = h @ w[p + "mlp.up_proj.weight"].T
        x = x + ((gate / (1.0 + np.exp(-gate))) * up) @ w[p + "mlp.down_proj.weight"].T
    x = _rms_norm(x, w["model.norm.weight"], eps)
    head = w.get("lm_head.weight", w["model.embed_tokens.weight"])
    return np.asarray(x @ head.T)
