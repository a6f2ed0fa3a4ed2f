"""Parallel engine benchmark (issue 11 §9): the batched-decode limit, the scheduler, the pipeline.

For every N (default 1, 2, 4, 8, 16), one engine with N sequence slots, runs alternating
between the Ns (the machine is noisy), medians printed:

(a) **bare decode**: llama.cpp's low-level API with nothing of ours in it: one context
    with N sequences, a prompt evaluated once and copied to each (``seq_cp``), then one
    ``llama_decode`` per step for all N, greedy samplers in C. Generated tok/s: the
    ceiling, since it evaluates no prompts.
(b) **bare, same requests**: 40 short translation requests done by the simplest C-speed
    static batching: N prompts evaluated in one batch, decoded in lock step until each
    ends, then the next N. The same work as (c), so (c)/(b) is what our scheduler costs
    or saves (continuous batching, prefix reuse) with the prompts counted.
(c) **scheduler**: the same 40 requests through ``LlamaBackend.stream`` from N threads.
(d) **pipeline**: a 40-segment document (real sentences of Sphinx's zh_CN catalogue)
    translated by the pipeline with N lanes: context windows, checks, the project store.
    Generated tok/s over the wall time; the issue's targets: best N >= 2.0x N=1, and
    >= 0.85 of (a) at that N.
(e) time to first token: switching back to a segment's revision thread after another
    segment's thread ran (warm) vs the same request from a cold cache, and a chat
    message during a running batch vs on an idle engine.

``python3 benchmarks/run.py parallel`` runs it with the other benchmarks' runner.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import llama_cpp
from bench_translation import fresh_project, reference_pairs

from bayling_desktop.engine.backend import GenerationParams, Message
from bayling_desktop.engine.llama import LlamaBackend, default_threads
from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded
from bayling_desktop.translation.pipeline import PipelineOptions, translate
from bayling_desktop.translation.profiles import profile_for_backend
from bayling_desktop.translation.revision import RevisionThread

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
MAX_NEW = 32
PARAMS = GenerationParams.for_translation(MAX_NEW)
INSTRUCTIONS = ["Use a more formal tone.", "Make it shorter.", "Use simpler words.",
                "Keep the numbers as digits."]


def translation(text: str) -> list[Message]:
    return [SYSTEM, Message("user", f"Translate into Chinese:\n{text}")]


def requests(count: int = 40) -> list[list[Message]]:
    return [translation(f"{SENTENCES[i % len(SENTENCES)]} ({i // len(SENTENCES) + 1})")
            for i in range(count)]


class Bare:
    """A context and a batch of llama.cpp's own, beside the engines (same model file)."""

    def __init__(self, path: Path, threads: int, n_max: int) -> None:
        self.model = llama_cpp.llama_model_load_from_file(
            str(path).encode(), llama_cpp.llama_model_default_params())
        self.vocab = llama_cpp.llama_model_get_vocab(self.model)
        self.threads = threads
        self.batch = llama_cpp.llama_batch_init(2048, 0, 1)
        self.n_max = n_max

    def context(self, n: int, tokens: int) -> Any:
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = max(256, tokens)
        params.n_batch = params.n_ubatch = 2048
        params.n_seq_max = n
        params.kv_unified = True
        params.n_threads = params.n_threads_batch = self.threads
        params.no_perf = True
        return llama_cpp.llama_init_from_model(self.model, params)

    def _put(self, i: int, token: int, pos: int, seq: int, logits: bool) -> None:
        batch = self.batch
        batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, pos, 1
        batch.seq_id[i][0] = seq
        batch.logits[i] = logits

    def decode(self, ctx: Any, n_tokens: int) -> None:
        self.batch.n_tokens = n_tokens
        if llama_cpp.llama_decode(ctx, self.batch) != 0:
            raise RuntimeError("llama_decode failed")

    def decode_loop(self, tokens: list[int], n: int, steps: int) -> float:
        """(a): generated tok/s of N sequences decoding in lock step after one prompt."""
        ctx = self.context(n, n * (len(tokens) + steps + 16))
        samplers = [llama_cpp.llama_sampler_init_greedy() for _ in range(n)]
        try:
            for i, token in enumerate(tokens):
                self._put(i, token, i, 0, i == len(tokens) - 1)
            self.decode(ctx, len(tokens))
            memory = llama_cpp.llama_get_memory(ctx)
            for seq in range(1, n):
                llama_cpp.llama_memory_seq_cp(memory, 0, seq, -1, -1)
            last = [llama_cpp.llama_sampler_sample(s, ctx, len(tokens) - 1) for s in samplers]
            started = time.perf_counter()
            for step in range(steps):
                for seq in range(n):
                    self._put(seq, last[seq], len(tokens) + step, seq, True)
                self.decode(ctx, n)
                last = [llama_cpp.llama_sampler_sample(samplers[seq], ctx, seq)
                        for seq in range(n)]
            return n * steps / (time.perf_counter() - started)
        finally:
            for sampler in samplers:
                llama_cpp.llama_sampler_free(sampler)
            llama_cpp.llama_free(ctx)

    def static_batches(self, prompts: list[list[int]], n: int) -> tuple[float, int]:
        """(b): (generated tok/s, tokens) of *prompts* in static groups of N."""
        ctx = self.context(n, n * (max(map(len, prompts)) + MAX_NEW + 8))
        memory = llama_cpp.llama_get_memory(ctx)
        sampler = llama_cpp.llama_sampler_init_greedy()
        generated = 0
        started = time.perf_counter()
        try:
            for first in range(0, len(prompts), n):
                group = prompts[first:first + n]
                at, outputs = 0, []
                for seq, prompt in enumerate(group):
                    for pos, token in enumerate(prompt):
                        self._put(at, token, pos, seq, pos == len(prompt) - 1)
                        at += 1
                    outputs.append(at - 1)
                self.decode(ctx, at)
                running = {seq: (len(prompt), outputs[seq]) for seq, prompt in enumerate(group)}
                produced = dict.fromkeys(running, 0)
                while running:
                    at = 0
                    for seq, (pos, index) in list(running.items()):
                        token = llama_cpp.llama_sampler_sample(sampler, ctx, index)
                        if llama_cpp.llama_vocab_is_eog(self.vocab, token):
                            del running[seq]
                            continue
                        produced[seq] += 1
                        if produced[seq] >= MAX_NEW:
                            del running[seq]
                            continue
                        self._put(at, token, pos, seq, True)
                        running[seq] = (pos + 1, at)
                        at += 1
                    if at:
                        self.decode(ctx, at)
                generated += sum(produced.values())
                llama_cpp.llama_memory_clear(memory, True)
            return generated / (time.perf_counter() - started), generated
        finally:
            llama_cpp.llama_sampler_free(sampler)
            llama_cpp.llama_free(ctx)

    def close(self) -> None:
        llama_cpp.llama_batch_free(self.batch)
        llama_cpp.llama_model_free(self.model)


def through_scheduler(backend: LlamaBackend, work: list[list[Message]]) -> tuple[float, int]:
    """(c): (generated tok/s, tokens) of *work* from ``parallel`` threads."""
    backend.reset_cache()
    lanes = backend.parallel
    produced = [0] * lanes

    def worker(k: int) -> None:
        for messages in work[k::lanes]:
            completion = backend.stream(messages, PARAMS)
            completion.run()
            assert completion.stats is not None
            produced[k] += completion.stats.completion_tokens

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(lanes)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(produced) / (time.perf_counter() - started), sum(produced)


def pipeline(backend: LlamaBackend, lines: list[str]) -> tuple[float, float, int]:
    """(d): (generated tok/s, seconds, units left flagged) for one document."""
    backend.reset_cache()
    project = fresh_project("parallel", lines)
    started = time.perf_counter()
    report = translate(project, backend, PipelineOptions(max_tokens=64))
    seconds = time.perf_counter() - started
    project.store.close()
    return report.completion_tokens / seconds, seconds, len(report.problems)


def ttft(backend: LlamaBackend, messages: list[Message], interactive: bool = True) -> float:
    completion = backend.stream(messages, GenerationParams(temperature=0.0, max_tokens=8,
                                                           interactive=interactive))
    completion.run()
    assert completion.stats is not None
    return completion.stats.time_to_first_token


def switch_back(backend: LlamaBackend) -> tuple[float, float, int]:
    """(e) Two segments' revision threads in turn; TTFT of A's turn after B's ran.

    Returns the medians (warm, cold) over the turns, and the last prompt's length.
    """
    paragraph = " ".join(f"Paragraph {n}: the committee reviewed the budget for project {n}, "
                         f"approved {n * 3} new positions and asked the team to report by "
                         f"week {n + 2}." for n in range(1, 7))
    project = fresh_project("revision", [paragraph, paragraph.replace("committee", "board")])
    for index in (0, 1):
        project.set_target(index, f"第{index + 1}段：委员会审查了预算。", "draft", "model")
    profile = profile_for_backend(backend)
    threads = [RevisionThread(project, i, profile=profile) for i in (0, 1)]
    backend.reset_cache()
    warm, cold, prompt = [], [], 0
    for turn, instruction in enumerate(INSTRUCTIONS):
        asked = threads[0].request(instruction)
        for thread in threads:
            revision = thread.revise(backend, instruction, max_tokens=24)
            if thread is threads[0] and turn > 0:  # thread B ran since A's previous turn
                warm.append(revision.stats.time_to_first_token)
                prompt = revision.stats.prompt_tokens
        if turn > 0:
            backend.reset_cache()
            cold.append(ttft(backend, asked))
            for thread in threads:  # both conversations cached again, B the newer
                ttft(backend, [*thread.messages, Message("user", "…")])
    project.store.close()
    return statistics.median(warm), statistics.median(cold), prompt


def chat_during_batch(backend: LlamaBackend) -> tuple[float, float]:
    """(e) TTFT of a chat message while a 40-request batch runs, and on an idle engine."""
    chat = [Message("user", "Say hello in French.")]
    backend.reset_cache()
    idle = ttft(backend, chat)
    batch = threading.Thread(target=through_scheduler, args=(backend, requests()))
    batch.start()
    time.sleep(1.0)
    busy = ttft(backend, chat)
    batch.join()
    return busy, idle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=64)
    parser.add_argument("--ns", default="1,2,4,8,16")
    parser.add_argument("--segments", type=int, default=40)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--threads", type=int, default=0,
                        help="llama.cpp threads (default: all cores)")
    args = parser.parse_args(argv)
    ns = [int(n) for n in args.ns.split(",")]
    path = args.model or ensure_embedded(QWEN_05B)
    threads = args.threads or default_threads()
    backends = {n: LlamaBackend(path, context_length=1024, parallel=n, threads=threads)
                for n in ns}
    first = backends[ns[0]]
    print(f"model: {first.info.display_name} ({first.info.quantization}), threads {threads}")
    bare = Bare(path, threads, max(ns))
    work = requests()
    prompts = [first.tokenize(first.render(messages)) for messages in work]
    lines = [source for source, _ in reference_pairs(48)][:args.segments]
    columns = ("decode", "static", "scheduler", "pipeline")
    results: dict[str, dict[int, list[float]]] = {c: {n: [] for n in ns} for c in columns}
    tokens: dict[str, int] = {}
    flagged = 0
    through_scheduler(first, work[:4])  # warm-up
    for run in range(args.runs):
        for n in ns if run % 2 == 0 else list(reversed(ns)):
            results["decode"][n].append(bare.decode_loop(prompts[0], n, args.steps))
            rate, tokens["static"] = bare.static_batches(prompts, n)
            results["static"][n].append(rate)
            rate, tokens["scheduler"] = through_scheduler(backends[n], work)
            results["scheduler"][n].append(rate)
            rate, _seconds, flagged = pipeline(backends[n], lines)
            results["pipeline"][n].append(rate)
    med = {c: {n: statistics.median(results[c][n]) for n in ns} for c in columns}
    print(f"\n| N | (a) bare decode | (b) bare, {len(work)} requests | (c) scheduler, same "
          f"requests | (c)/(b) | (d) pipeline, {len(lines)} segments | (d) vs N={ns[0]} "
          "| (d)/(a) |")
    print("|---|---|---|---|---|---|---|---|")
    for n in ns:
        d = med["pipeline"][n]
        print(f"| {n} | {med['decode'][n]:.1f} | {med['static'][n]:.1f} | "
              f"{med['scheduler'][n]:.1f} | {med['scheduler'][n] / med['static'][n]:.2f} | "
              f"{d:.1f} | {d / med['pipeline'][ns[0]]:.2f}x | {d / med['decode'][n]:.2f} |")
    print(f"\n(generated tok/s, medians of {args.runs} alternating runs; (b) generated "
          f"{tokens['static']} tokens, (c) {tokens['scheduler']}; the pipeline left "
          f"{flagged} unit(s) flagged in its last run)")
    best = max(ns, key=lambda n: med["pipeline"][n])
    warm, cold, prompt = switch_back(backends[best])
    busy, idle = chat_during_batch(backends[best])
    print(f"\nat N={best}: revision switch-back TTFT {warm * 1000:.0f} ms vs cold "
          f"{cold * 1000:.0f} ms for a {prompt}-token thread (ratio {warm / cold:.2f}, target "
          f"<= 0.1); chat TTFT during a batch {busy * 1000:.0f} ms vs idle "
          f"{idle * 1000:.0f} ms (ratio {busy / idle:.2f}, target <= 2)")
    bare.close()
    for backend in backends.values():
        backend.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
