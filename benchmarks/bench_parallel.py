"""Parallel engine benchmark (issue 11 §9): the batched-decode limit and the scheduler.

(a) **bare**: llama.cpp's low-level API with nothing of ours in it: one context with N
    sequences, the prompt evaluated once and copied to each (``seq_cp``), then one
    ``llama_decode`` per step for all N sequences, greedy samplers in C. Aggregate
    generated tokens per second.
(b) **scheduler**: 40 short translation prompts through ``LlamaBackend.stream`` from N
    threads at once (what the pipeline does with ``backend.parallel`` workers). Aggregate
    generated tokens per second over the wall time, prompts included.
(c) time to first token: a revision switch-back (warm vs cold) and a chat message during
    a running batch vs on an idle engine.

N = 1, 2, 4, 8, runs alternate between the Ns (the machine is noisy); medians printed.
``python3 benchmarks/run.py parallel`` runs it with the other benchmarks' runner.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path

import llama_cpp

from bayling_desktop.engine.backend import GenerationParams, Message
from bayling_desktop.engine.llama import LlamaBackend, default_threads
from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded

SENTENCES = [
    "The weather is nice today.", "I love cloud computing.", "Where is the train station?",
    "Please close the window.", "The meeting starts at nine.", "My brother lives in Berlin.",
    "This book is very interesting.", "We need more time.", "Can you help me?",
    "The cat is sleeping on the sofa.", "Prices rose sharply last year.",
    "Thank you for your patience.", "The museum opens at ten.", "She speaks three languages.",
    "Our flight was delayed by two hours.", "Please send me the report by Friday.",
    "The children are playing in the garden.", "He forgot his umbrella at home.",
    "The new phone has a larger screen.", "We moved to a smaller apartment.",
]
SYSTEM = Message("system", "You are a professional translator. Reply with the translation only.")
PARAMS = GenerationParams.for_translation(32)


def translation(text: str) -> list[Message]:
    return [SYSTEM, Message("user", f"Translate into Chinese:\n{text}")]


def prompts(count: int = 40) -> list[list[Message]]:
    return [translation(f"{SENTENCES[i % len(SENTENCES)]} ({i // len(SENTENCES) + 1})")
            for i in range(count)]


def bare_decode(model: object, tokens: list[int], n: int, steps: int, threads: int) -> float:
    """Aggregate tok/s of a bare batched decode loop with *n* sequences."""
    params = llama_cpp.llama_context_default_params()
    params.n_ctx = n * (len(tokens) + steps + 16)
    params.n_batch = params.n_ubatch = max(512, len(tokens))
    params.n_seq_max = n
    params.kv_unified = True
    params.n_threads = params.n_threads_batch = threads
    ctx = llama_cpp.llama_init_from_model(model, params)
    batch = llama_cpp.llama_batch_init(max(512, len(tokens)), 0, 1)
    samplers = [llama_cpp.llama_sampler_init_greedy() for _ in range(n)]
    try:
        for i, token in enumerate(tokens):
            batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, i, 1
            batch.seq_id[i][0] = 0
            batch.logits[i] = i == len(tokens) - 1
        batch.n_tokens = len(tokens)
        if llama_cpp.llama_decode(ctx, batch) != 0:
            raise RuntimeError("llama_decode failed on the prompt")
        memory = llama_cpp.llama_get_memory(ctx)
        for seq in range(1, n):
            llama_cpp.llama_memory_seq_cp(memory, 0, seq, -1, -1)
        last = [llama_cpp.llama_sampler_sample(s, ctx, len(tokens) - 1) for s in samplers]
        started = time.perf_counter()
        for step in range(steps):
            for seq in range(n):
                batch.token[seq], batch.pos[seq] = last[seq], len(tokens) + step
                batch.n_seq_id[seq], batch.logits[seq] = 1, True
                batch.seq_id[seq][0] = seq
            batch.n_tokens = n
            if llama_cpp.llama_decode(ctx, batch) != 0:
                raise RuntimeError("llama_decode failed")
            last = [llama_cpp.llama_sampler_sample(samplers[seq], ctx, seq) for seq in range(n)]
        return n * steps / (time.perf_counter() - started)
    finally:
        for sampler in samplers:
            llama_cpp.llama_sampler_free(sampler)
        llama_cpp.llama_batch_free(batch)
        llama_cpp.llama_free(ctx)


#: prompt tokens evaluated and generated in the last scheduler run (for the table)
LAST_RUN: dict[str, int] = {}


def through_scheduler(backend: LlamaBackend, work: list[list[Message]]) -> tuple[float, float]:
    """(aggregate generated tok/s, wall seconds) for *work* from ``parallel`` threads."""
    backend.reset_cache()
    produced = [0] * backend.parallel
    evaluated = [0] * backend.parallel

    def worker(k: int) -> None:
        for messages in work[k::backend.parallel]:
            completion = backend.stream(messages, PARAMS)
            completion.run()
            assert completion.stats is not None
            produced[k] += completion.stats.completion_tokens
            evaluated[k] += completion.stats.evaluated_prompt_tokens

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(backend.parallel)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    LAST_RUN.update(generated=sum(produced), evaluated=sum(evaluated))
    return sum(produced) / wall, wall


def ttft(backend: LlamaBackend, messages: list[Message], interactive: bool = True) -> float:
    completion = backend.stream(messages, GenerationParams(temperature=0.0, max_tokens=8,
                                                           interactive=interactive))
    completion.run()
    assert completion.stats is not None
    return completion.stats.time_to_first_token


def switch_back(backend: LlamaBackend) -> tuple[float, float]:
    """TTFT of a revision turn on thread A after thread B ran: (warm, cold)."""
    backend.reset_cache()
    threads = []
    document = " ".join(SENTENCES)  # a thread about a paragraph, as in the revision panel
    for text in (document, " ".join(reversed(SENTENCES))):
        history = translation(text)
        for turn in range(3):
            reply = backend.stream(history, PARAMS).run()
            history = [*history, Message("assistant", reply),
                       Message("user", f"Revision {turn}: make it more formal.")]
        threads.append(history)
    warm = ttft(backend, threads[0])
    backend.reset_cache()
    return warm, ttft(backend, threads[0])


def chat_during_batch(backend: LlamaBackend) -> tuple[float, float]:
    """TTFT of a chat message while a 40-prompt batch runs, and on an idle engine."""
    chat = [Message("user", "Say hello in French.")]
    backend.reset_cache()
    idle = ttft(backend, chat)
    batch = threading.Thread(target=through_scheduler, args=(backend, prompts()))
    batch.start()
    time.sleep(1.0)
    busy = ttft(backend, chat)
    batch.join()
    return busy, idle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=64)
    parser.add_argument("--ns", default="1,2,4,8")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=0,
                        help="llama.cpp threads (default: all cores); 1 is steadier on a "
                             "machine shared with other work")
    args = parser.parse_args(argv)
    ns = [int(n) for n in args.ns.split(",")]
    path = args.model or ensure_embedded(QWEN_05B)
    threads = args.threads or default_threads()
    backends = {n: LlamaBackend(path, context_length=1024, parallel=n, threads=threads)
                for n in ns}
    first = backends[ns[0]]
    print(f"model: {first.info.display_name} ({first.info.quantization}), threads {threads}")
    model_params = llama_cpp.llama_model_default_params()
    model = llama_cpp.llama_model_load_from_file(str(path).encode(), model_params)
    tokens = first.tokenize(first.render(translation(SENTENCES[0])))
    bare: dict[int, list[float]] = {n: [] for n in ns}
    sched: dict[int, list[float]] = {n: [] for n in ns}
    work = prompts()
    through_scheduler(first, work[:4])  # warm-up
    for run in range(args.runs):
        for n in ns if run % 2 == 0 else list(reversed(ns)):
            bare[n].append(bare_decode(model, tokens, n, args.steps, threads))
            sched[n].append(through_scheduler(backends[n], work)[0])
    print(f"\n| N | bare batched decode tok/s | scheduler, 40 prompts tok/s | scheduler / bare "
          f"| scheduler vs N={ns[0]} |")
    print("|---|---|---|---|---|")
    base = statistics.median(sched[ns[0]])
    for n in ns:
        b, s = statistics.median(bare[n]), statistics.median(sched[n])
        print(f"| {n} | {b:.1f} | {s:.1f} | {s / b:.2f} | {s / base:.2f}x |")
    print(f"\n(each scheduler run: {LAST_RUN['generated']} tokens generated, "
          f"{LAST_RUN['evaluated']} prompt tokens evaluated after prefix reuse; the bare loop "
          "evaluates no prompts)")
    best = max(ns, key=lambda n: statistics.median(sched[n]))
    warm, cold = switch_back(backends[best])
    busy, idle = chat_during_batch(backends[best])
    print(f"\nat N={best}: revision switch-back TTFT {warm * 1000:.0f} ms vs cold "
          f"{cold * 1000:.0f} ms (ratio {warm / cold:.2f}, target <= 0.1); chat TTFT during a "
          f"batch {busy * 1000:.0f} ms vs idle {idle * 1000:.0f} ms (ratio {busy / idle:.2f}, "
          "target <= 2)")
    llama_cpp.llama_model_free(model)
    for backend in backends.values():
        backend.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
