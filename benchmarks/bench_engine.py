"""Engine benchmarks (issue 2): decode speed against llama.cpp's own loop, and prefix reuse.

1. Generation tokens/s of ``LlamaBackend.stream`` divided by a bare decode loop over
   llama-cpp-python's low-level API (greedy sampler in C, one ``llama_decode`` per
   token, no Python post-processing) for the same GGUF, context and threads,
   measured in the same process. Target >= 0.95.
2. A revision turn at the end of a 10-turn translation thread: prompt tokens
   evaluated and time to first token with the KV prefix reused vs. a cold cache.
Medians over several runs; the machine is noisy.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

import llama_cpp

from bayling_desktop.engine.backend import GenerationParams, Message
from bayling_desktop.engine.llama import LlamaBackend
from bayling_desktop.languages import resolve
from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded
from bayling_desktop.translation.profiles import BAYLING

PROMPT = [Message("user", "Write the numbers from 1 to 300 separated by commas.")]


def engine_speed(backend: LlamaBackend, n_tokens: int) -> tuple[float, int]:
    backend.reset_cache()
    completion = backend.stream(PROMPT, GenerationParams(temperature=0.0, max_tokens=n_tokens))
    completion.run()
    assert completion.stats is not None
    return completion.stats.tokens_per_second, completion.stats.completion_tokens


def raw_decode_speed(backend: LlamaBackend, n_tokens: int) -> float:
    """llama.cpp's decode loop with nothing of ours in it (one sequence)."""
    from bench_parallel import bare_decode

    model = llama_cpp.llama_model_load_from_file(str(backend.info.path).encode(),
                                                 llama_cpp.llama_model_default_params())
    try:
        return bare_decode(model, backend.tokenize(backend.render(PROMPT)), 1, n_tokens - 1,
                           backend.threads)
    finally:
        llama_cpp.llama_model_free(model)


def revision_thread(document_tokens: int) -> list[Message]:
    sentence = "Cloud computing lets small teams rent servers by the hour instead of buying them."
    text = " ".join([sentence] * max(1, document_tokens // 16))
    messages = BAYLING.translation_messages(text, resolve("zh"), resolve("en"))
    reply = "云计算让小团队可以按小时租用服务器，而不必购买服务器。" * 2
    for turn in range(9):
        messages += [Message("assistant", reply),
                     Message("user", f"Revision {turn}: make it a little more formal.")]
    return messages


def prefix_reuse(backend: LlamaBackend, runs: int) -> dict[str, float]:
    thread = revision_thread(1500)
    params = GenerationParams(temperature=0.0, max_tokens=8)
    warm_ttft, cold_ttft, warm_eval, cold_eval, prompt = [], [], [], [], 0
    for _ in range(runs):
        backend.reset_cache()
        # Warm: the thread up to the previous turn is already in the cache.
        backend.stream(thread[:-2], params).run()
        warm = backend.stream(thread, params)
        warm.run()
        assert warm.stats is not None
        warm_ttft.append(warm.stats.time_to_first_token)
        warm_eval.append(warm.stats.evaluated_prompt_tokens)
        backend.reset_cache()
        cold = backend.stream(thread, params)
        cold.run()
        assert cold.stats is not None
        cold_ttft.append(cold.stats.time_to_first_token)
        cold_eval.append(cold.stats.evaluated_prompt_tokens)
        prompt = cold.stats.prompt_tokens
    return {"prompt_tokens": prompt, "warm_eval": statistics.median(warm_eval),
            "cold_eval": statistics.median(cold_eval),
            "warm_ttft": statistics.median(warm_ttft), "cold_ttft": statistics.median(cold_ttft)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args(argv)
    model = args.model or ensure_embedded(QWEN_05B)
    backend = LlamaBackend(model, context_length=4096)
    print(f"model: {backend.info.display_name} ({backend.info.quantization}), "
          f"threads {backend.threads}, ctx {backend.context_length}")
    ours, raw = [], []
    engine_speed(backend, 16)  # warm-up
    for _ in range(args.runs):
        speed, produced = engine_speed(backend, args.tokens)
        ours.append(speed)
        raw.append(raw_decode_speed(backend, produced))
    ratio = statistics.median(o / r for o, r in zip(ours, raw, strict=True))
    print(f"generation: engine {statistics.median(ours):.1f} tok/s, raw llama.cpp decode "
          f"{statistics.median(raw):.1f} tok/s, ratio {ratio:.3f} (target >= 0.95)")
    reuse = prefix_reuse(backend, max(2, args.runs // 2))
    print(f"revision turn over a {reuse['prompt_tokens']:.0f}-token thread: evaluated "
          f"{reuse['warm_eval']:.0f} tokens with prefix reuse vs {reuse['cold_eval']:.0f} cold; "
          f"TTFT {reuse['warm_ttft'] * 1000:.0f} ms vs {reuse['cold_ttft'] * 1000:.0f} ms, "
          f"ratio {reuse['warm_ttft'] / reuse['cold_ttft']:.3f} (target <= 0.2)")
    backend.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
