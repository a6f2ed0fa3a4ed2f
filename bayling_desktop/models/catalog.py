"""What BayLing models exist, and which of them can be downloaded ready to run.

Users struggle most with finding a model file (REFERENCE.md §4), so the catalog
states plainly which BayLing releases have a published GGUF and, for the rest, the
exact steps to make one. Sizes of files we have not downloaded are the publisher's
figures or typical quantized sizes, so they are marked as estimates.
"""

from __future__ import annotations

from dataclasses import dataclass

GB = 1_000_000_000
_GIB = 1024**3
#: runtime overhead beyond weights and KV cache (llama.cpp buffers, the app itself)
_OVERHEAD_BYTES = 600 * 1024**2

_CONVERT_STEPS = (
    "No GGUF file of this model is published. To make one: download the safetensors from "
    "https://huggingface.co/{repo}, convert them with llama.cpp's converter "
    "(python convert_hf_to_gguf.py {local} --outtype f16 --outfile {stem}-f16.gguf), "
    "quantize the result (llama-quantize {stem}-f16.gguf {stem}-q4_k_m.gguf Q4_K_M; "
    "llama-cpp-python exposes the same function as llama_model_quantize), then import the "
    "quantized .gguf in the model manager."
)


def kv_cache_bytes(layers: int, kv_width: int, context_length: int) -> int:
    """Keys and values in f16 for every layer and position of the context window."""
    return 2 * layers * kv_width * 2 * context_length


def estimate_ram(file_size: int, layers: int, kv_width: int, context_length: int) -> int:
    """Memory to run the model: mapped weights, the KV cache, and a fixed overhead."""
    return file_size + kv_cache_bytes(layers, kv_width, context_length) + _OVERHEAD_BYTES


@dataclass(frozen=True)
class CatalogEntry:
    key: str
    title: str
    #: the Hub repository holding the GGUF, or the original weights when none is published
    repo_id: str
    #: GGUF file name inside *repo_id*; None when no GGUF is published
    file_name: str | None
    base_model: str
    parameters: str
    quantization: str
    #: bytes of the GGUF (published or typical for the quantization)
    size: int
    size_is_estimate: bool
    ram: int
    context_length: int
    prompt_format: str
    licence: str
    notes: str

    @property
    def downloadable(self) -> bool:
        return self.file_name is not None

    @property
    def how_to_get(self) -> str:
        if self.file_name is not None:
            return (f"Download {self.file_name} from https://huggingface.co/{self.repo_id} "
                    "(bayling-desktop models download "
                    f"{self.repo_id} {self.file_name}).")
        stem = self.repo_id.split("/")[-1]
        return _CONVERT_STEPS.format(repo=self.repo_id, local=stem, stem=stem)

    @property
    def size_label(self) -> str:
        prefix = "about " if self.size_is_estimate else ""
        return f"{prefix}{self.size / GB:.1f} GB"

    @property
    def ram_label(self) -> str:
        return f"about {self.ram / _GIB:.0f} GiB"


def _entry(key: str, title: str, repo_id: str, file_name: str | None, base: str,
           parameters: str, quantization: str, size: int, estimate: bool, layers: int,
           kv_width: int, context: int, prompt_format: str, notes: str) -> CatalogEntry:
    return CatalogEntry(
        key=key, title=title, repo_id=repo_id, file_name=file_name, base_model=base,
        parameters=parameters, quantization=quantization, size=size, size_is_estimate=estimate,
        ram=estimate_ram(size, layers, kv_width, context), context_length=context,
        prompt_format=prompt_format, licence="GPL-3.0", notes=notes)


# Layer counts and KV widths are those of the base architectures: LLaMA/Llama-2 7B
# (32 x 4096), 13B (40 x 5120); Llama-3-8B uses grouped-query attention (32 x 1024).
CATALOG: tuple[CatalogEntry, ...] = (
    _entry("bayling-13b-v1.1-q8_0", "BayLing-13B v1.1 (Q8_0)",
           "RealTruth/bayling-13b-v1.1-Q8_0-GGUF", "bayling-13b-v1.1-q8_0.gguf",
           "LLaMA-13B", "13B", "Q8_0", int(13.8 * GB), True, 40, 5120, 2048, "bayling-v1",
           "The only BayLing GGUF published on the Hub; the file has no chat template, so "
           "the app uses BayLing's own v1 prompt format."),
    _entry("bayling-2-7b", "BayLing-2-7B", "ICTNLP/bayling-2-7b", None, "Llama-2-7B", "7B",
           "Q4_K_M", int(4.1 * GB), True, 32, 4096, 4096, "bayling-v1",
           "Published as safetensors only: convert it to GGUF yourself."),
    _entry("bayling-2-13b", "BayLing-2-13B", "ICTNLP/bayling-2-13b", None, "Llama-2-13B", "13B",
           "Q4_K_M", int(7.9 * GB), True, 40, 5120, 4096, "bayling-v1",
           "Published as safetensors only: convert it to GGUF yourself."),
    _entry("bayling-2-llama-3-8b", "BayLing-2-Llama-3-8B", "ICTNLP/bayling-2-llama-3-8b", None,
           "Llama-3-8B", "8B", "Q4_K_M", int(4.9 * GB), True, 32, 1024, 8192, "bayling-3",
           "Published as safetensors only: convert it to GGUF yourself. It uses the "
           "Llama-3 style BayLing-3 prompt format."),
)


def find_entry(key_or_repo: str) -> CatalogEntry | None:
    """Look an entry up by its key or its Hub repository id (case-insensitive)."""
    wanted = key_or_repo.strip().lower()
    for entry in CATALOG:
        if wanted in (entry.key.lower(), entry.repo_id.lower()):
            return entry
    return None
