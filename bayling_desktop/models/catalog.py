"""What models the app knows: BayLing releases and translation-specialised models.

Users struggle most with finding a model file (REFERENCE.md §4), so the catalog
says plainly, per model: which file to download, or — for BayLing 2, which has no
published GGUF — that the app builds one (``bayling-desktop models build``); the
prompt profile it gets; and its licence, flagging the non-commercial ones. Sizes of
files we have not downloaded are the publishers' figures or typical sizes of the
quantization, so they are marked as estimates; file names we could not check
against the repository's file list are marked too (``file_checked``).

Layer counts and KV widths (KV heads × head size) are the base architectures', so
:mod:`models.fit` can work out memory at any context length.
"""

from __future__ import annotations

from dataclasses import dataclass

GB = 1_000_000_000
_GIB = 1024**3
#: runtime overhead beyond weights and KV cache (llama.cpp buffers, the app itself)
OVERHEAD_BYTES = 600 * 1024**2


def kv_cache_bytes(layers: int, kv_width: int, context_length: int) -> int:
    """Keys and values in f16 for every layer and position of the context window."""
    return 2 * layers * kv_width * 2 * context_length


def estimate_ram(file_size: int, layers: int, kv_width: int, context_length: int) -> int:
    """Memory to run the model: mapped weights, the KV cache, and a fixed overhead."""
    return file_size + kv_cache_bytes(layers, kv_width, context_length) + OVERHEAD_BYTES


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
    context_length: int
    #: the chat format (bayling-v1, bayling-3, gguf)
    prompt_format: str
    licence: str
    notes: str
    layers: int = 32
    kv_width: int = 4096
    #: "bayling" or "translation"
    family: str = "bayling"
    #: the translation profile the model gets (translation/profiles.py)
    profile: str = "bayling"
    #: False when the licence forbids commercial use
    commercial: bool = True
    #: the app can build the GGUF from the published safetensors
    buildable: bool = False
    #: bytes the build downloads (the safetensors)
    download_size: int = 0
    #: the file name was checked against the repository's file list
    file_checked: bool = False
    languages: str = ""
    #: order of preference for the recommended pick (lower first) among models that fit
    rank: int = 50

    @property
    def downloadable(self) -> bool:
        return self.file_name is not None

    @property
    def ram(self) -> int:
        """Memory at the model's own context length, one sequence, CPU only."""
        return estimate_ram(self.size, self.layers, self.kv_width, self.context_length)

    @property
    def how_to_get(self) -> str:
        if self.file_name is not None:
            check = "" if self.file_checked else (
                " (file name from the repository's naming pattern: if the Hub has no such "
                "file, pick the Q4_K_M file from its Files tab)")
            return (f"Download {self.file_name} from https://huggingface.co/{self.repo_id} "
                    f"(bayling-desktop models download {self.repo_id} {self.file_name})"
                    f"{check}.")
        if self.buildable:
            return (f"No GGUF of this model is published; the app builds one from the "
                    f"safetensors at https://huggingface.co/{self.repo_id}: Model manager ▸ "
                    f"Build from Hugging Face…, or bayling-desktop models build "
                    f"{self.repo_id} --quant {self.quantization}. It downloads about "
                    f"{self.download_size / GB:.0f} GB and needs about "
                    f"{(2 * self.download_size + self.size) / GB:.0f} GB of free disk while "
                    "it runs (download, F16 intermediate, result).")
        return f"See https://huggingface.co/{self.repo_id}."

    @property
    def size_label(self) -> str:
        prefix = "about " if self.size_is_estimate else ""
        return f"{prefix}{self.size / GB:.1f} GB"

    @property
    def ram_label(self) -> str:
        return f"about {self.ram / _GIB:.0f} GiB"

    @property
    def licence_label(self) -> str:
        return self.licence if self.commercial else f"{self.licence} (non-commercial)"


_TENCENT = ("Tencent Hunyuan Community License: commercial use allowed with conditions; not "
            "licensed for use in the EU, the UK or South Korea.")
_GEMMA = "Gemma Terms of Use"

CATALOG: tuple[CatalogEntry, ...] = (
    # -- BayLing ----------------------------------------------------------------------
    CatalogEntry(
        "bayling-13b-v1.1-q8_0", "BayLing-13B v1.1 (Q8_0)",
        "RealTruth/bayling-13b-v1.1-Q8_0-GGUF", "bayling-13b-v1.1-q8_0.gguf", "LLaMA-13B",
        "13B", "Q8_0", int(13.8 * GB), True, 2048, "bayling-v1", "GPL-3.0",
        "The only BayLing GGUF published on the Hub; the file has no chat template, so the "
        "app uses BayLing's own v1 prompt format.", layers=40, kv_width=5120,
        file_checked=True, languages="Chinese, English (+ others)", rank=15),
    CatalogEntry(
        "bayling-2-7b", "BayLing-2-7B", "ICTNLP/bayling-2-7b", None, "Llama-2-7B", "7B",
        "Q4_K_M", int(4.1 * GB), True, 4096, "bayling-v1", "GPL-3.0",
        "Published as safetensors only: the app converts and quantizes it, with BayLing's v1 "
        "chat template inside the GGUF.", layers=32, kv_width=4096, buildable=True,
        download_size=int(13.5 * GB), languages="Chinese, English (+ 100 languages)", rank=3),
    CatalogEntry(
        "bayling-2-13b", "BayLing-2-13B", "ICTNLP/bayling-2-13b", None, "Llama-2-13B", "13B",
        "Q4_K_M", int(7.9 * GB), True, 4096, "bayling-v1", "GPL-3.0",
        "Published as safetensors only: the app converts and quantizes it, with BayLing's v1 "
        "chat template inside the GGUF.", layers=40, kv_width=5120, buildable=True,
        download_size=int(26.0 * GB), languages="Chinese, English (+ 100 languages)", rank=2),
    CatalogEntry(
        "bayling-2-llama-3-8b", "BayLing-2-Llama-3-8B", "ICTNLP/bayling-2-llama-3-8b", None,
        "Llama-3-8B", "8B", "Q4_K_M", int(4.9 * GB), True, 8192, "bayling-3", "GPL-3.0",
        "Published as safetensors only: the app converts and quantizes it, with the Llama-3 "
        "style BayLing-3 chat template inside the GGUF.", layers=32, kv_width=1024,
        buildable=True, download_size=int(16.1 * GB), rank=1,
        languages="Chinese, English (+ 100 languages)"),
    # -- translation-specialised models (REFERENCE.md §5) -----------------------------
    CatalogEntry(
        "hy-mt2-1.8b", "Tencent Hy-MT2 1.8B", "tencent/Hy-MT2-1.8B-GGUF",
        "Hy-MT2-1.8B-Q4_K_M.gguf", "Hunyuan 1.8B", "1.8B", "Q4_K_M", int(1.1 * GB), True,
        8192, "gguf", "Tencent Hunyuan Community", _TENCENT + " Some builds need llama.cpp's "
        "STQ kernel (PR #22836).", layers=32, kv_width=512, family="translation",
        profile="hy-mt2", file_checked=True, languages="33 languages + 5 dialects", rank=8),
    CatalogEntry(
        "hy-mt2-7b", "Tencent Hy-MT2 7B", "tencent/Hy-MT2-7B-GGUF", "Hy-MT2-7B-Q4_K_M.gguf",
        "Hunyuan 7B", "7B", "Q4_K_M", int(4.6 * GB), True, 8192, "gguf",
        "Tencent Hunyuan Community", _TENCENT, layers=32, kv_width=1024,
        family="translation", profile="hy-mt2", languages="33 languages + 5 dialects", rank=4),
    CatalogEntry(
        "hy-mt1.5-1.8b", "Tencent HY-MT1.5 1.8B", "tencent/HY-MT1.5-1.8B-GGUF",
        "HY-MT1.5-1.8B-Q4_K_M.gguf", "Hunyuan 1.8B", "1.8B", "Q4_K_M", int(1.1 * GB), True,
        8192, "gguf", "Tencent Hunyuan Community", _TENCENT, layers=32, kv_width=512,
        family="translation", profile="hy-mt1.5", languages="33 languages + 5 dialects", rank=10),
    CatalogEntry(
        "hy-mt1.5-7b", "Tencent HY-MT1.5 7B", "tencent/HY-MT1.5-7B-GGUF",
        "HY-MT1.5-7B-Q4_K_M.gguf", "Hunyuan 7B", "7B", "Q4_K_M", int(4.6 * GB), True, 8192,
        "gguf", "Tencent Hunyuan Community", _TENCENT, layers=32, kv_width=1024,
        family="translation", profile="hy-mt1.5", languages="33 languages + 5 dialects", rank=6),
    CatalogEntry(
        "seed-x-ppo-7b", "ByteDance Seed-X-PPO 7B", "laelhalawani/Seed-X-PPO-7B-GGUF",
        "Seed-X-PPO-7B-Q4_K_M.gguf", "Mistral 7B", "7B", "Q4_K_M", int(4.4 * GB), True, 4096,
        "plain", "OpenMDW", "Raw completion (no chat template): revision chats are not "
        "available with it. Community GGUF.", layers=32, kv_width=1024,
        family="translation", profile="seed-x", languages="28 languages", rank=12),
    CatalogEntry(
        "translategemma-4b", "Google TranslateGemma 4B", "mradermacher/translategemma-4b-it-GGUF",
        "translategemma-4b-it.Q4_K_M.gguf", "Gemma 3 4B", "4B", "Q4_K_M", int(2.5 * GB), True,
        2048, "gguf", _GEMMA, "Trained on inputs of about 2K tokens; long segments are split. "
        "Community GGUF.", layers=34, kv_width=1024, family="translation",
        profile="translategemma", languages="55 languages", rank=9),
    CatalogEntry(
        "translategemma-12b", "Google TranslateGemma 12B",
        "mradermacher/translategemma-12b-it-GGUF", "translategemma-12b-it.Q4_K_M.gguf",
        "Gemma 3 12B", "12B", "Q4_K_M", int(7.3 * GB), True, 2048, "gguf", _GEMMA,
        "Trained on inputs of about 2K tokens; long segments are split. Community GGUF.",
        layers=48, kv_width=2048, family="translation", profile="translategemma",
        languages="55 languages", rank=5),
    CatalogEntry(
        "sakura-7b-v1.0", "Sakura 7B v1.0 (Japanese → Chinese)",
        "SakuraLLM/Sakura-7B-Qwen2.5-v1.0-GGUF", "sakura-7b-qwen2.5-v1.0-q4km.gguf",
        "Qwen2.5 7B", "7B", "Q4_K_M", int(4.7 * GB), True, 8192, "gguf", "CC BY-NC-SA 4.0",
        "Japanese light novels into Simplified Chinese only.", layers=28, kv_width=512,
        family="translation", profile="sakura", commercial=False,
        languages="Japanese → Chinese", rank=30),
    CatalogEntry(
        "towerinstruct-7b", "Unbabel TowerInstruct 7B v0.1", "TheBloke/TowerInstruct-7B-v0.1-GGUF",
        "towerinstruct-7b-v0.1.Q4_K_M.gguf", "Llama-2-7B", "7B", "Q4_K_M", int(4.1 * GB), True,
        4096, "gguf", "CC BY-NC 4.0", "Community GGUF.", layers=32, kv_width=4096,
        family="translation", profile="tower", commercial=False, languages="10 languages", rank=20),
    CatalogEntry(
        "alma-13b-r", "ALMA-13B-R", "mradermacher/ALMA-13B-R-GGUF", "ALMA-13B-R.Q4_K_M.gguf",
        "Llama-2-13B", "13B", "Q4_K_M", int(7.9 * GB), True, 4096, "plain",
        "MIT (on Llama 2: Llama 2 Community License)", "Raw completion (no chat template): "
        "revision chats are not available with it. Community GGUF.", layers=40,
        kv_width=5120, family="translation", profile="alma",
        languages="English ↔ de, cs, is, zh, ru", rank=21),
    CatalogEntry(
        "qwen3-4b", "Qwen3 4B", "Qwen/Qwen3-4B-GGUF", "Qwen3-4B-Q4_K_M.gguf", "Qwen3 4B", "4B",
        "Q4_K_M", int(2.5 * GB), True, 32768, "gguf", "Apache-2.0",
        "A general chat model; the app turns its thinking mode off for translation.",
        layers=36, kv_width=1024, family="translation", profile="qwen3",
        languages="119 languages", rank=11),
    CatalogEntry(
        "qwen3-8b", "Qwen3 8B", "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf", "Qwen3 8B", "8B",
        "Q4_K_M", int(5.0 * GB), True, 32768, "gguf", "Apache-2.0",
        "A general chat model; the app turns its thinking mode off for translation.",
        layers=36, kv_width=1024, family="translation", profile="qwen3",
        languages="119 languages", rank=7),
)


def find_entry(key_or_repo: str) -> CatalogEntry | None:
    """Look an entry up by its key or its Hub repository id (case-insensitive)."""
    wanted = key_or_repo.strip().lower()
    for entry in CATALOG:
        if wanted in (entry.key.lower(), entry.repo_id.lower()):
            return entry
    return None
