"""``bayling-desktop models …``: the model manager for the terminal.

Same core as the GUI's model manager: the catalog, the library, Hub downloads and
the keyring. Listings go to stdout (scriptable, ``--json``); progress bars and
questions go to stderr.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from ..config import Settings, load_settings, save_settings
from ..engine.formats import detect_format
from ..engine.gguf_info import GGUFInfo, read_gguf_info
from ..errors import BaylingError
from ..progressbar import ProgressBar
from . import catalog, fit, library, secrets
from .build.common import BuildCancelled, BuildProgress
from .build.pipeline import build_model
from .build.quantize import QUANT_TYPES
from .download import DownloadProgress, download_file
from .hub import DownloadCancelled

_MB = 1_000_000


def add_models_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models", help="list, import, download and remove models",
        description="Manage the local model library and download BayLing models.")
    actions = parser.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="models in the library (* marks the default)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")

    catalog_parser = actions.add_parser(
        "catalog", help="BayLing and translation models, how to get them, and whether they "
                        "fit this machine")
    catalog_parser.add_argument("--json", action="store_true", help="machine-readable output")

    build = actions.add_parser(
        "build", help="build a BayLing 2 GGUF from Hugging Face safetensors",
        description="Download (Hub id) or read (folder) a Llama-architecture checkpoint, "
                    "convert it to GGUF with BayLing's chat template inside, quantize it "
                    "and add it to the library.")
    build.add_argument("source", metavar="SOURCE",
                       help="a Hub repository id (ICTNLP/bayling-2-7b, ICTNLP/bayling-2-13b, "
                            "ICTNLP/bayling-2-llama-3-8b) or a local checkpoint folder")
    build.add_argument("--quant", default="Q4_K_M", type=str.upper,
                       choices=list(QUANT_TYPES), help="quantization (default Q4_K_M)")
    build.add_argument("-o", "--output", type=Path, metavar="OUT.gguf",
                       help="output file (default: in the model library)")
    build.add_argument("--revision", default="main", help="branch, tag or commit")
    build.add_argument("--keep-download", action="store_true",
                       help="keep the downloaded safetensors after the build")
    build.add_argument("--default", action="store_true", help="make it the default model")

    info = actions.add_parser("info", help="metadata of a GGUF file (weights are not loaded)")
    info.add_argument("model", metavar="PATH|NAME", help="a .gguf file or a library name")
    info.add_argument("--json", action="store_true", help="machine-readable output")

    imp = actions.add_parser("import", help="validate a .gguf file and add it to the library")
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("--name", help="name in the library (default: the file name)")
    imp.add_argument("--link", action="store_true",
                     help="hard-link instead of copying when on the same disk")
    imp.add_argument("--default", action="store_true", help="make it the default model")

    down = actions.add_parser("download", help="download a GGUF file from the Hugging Face Hub",
                              description="Download REPO's FILE, resuming an earlier partial "
                                          "download, and check its sha256 before use.")
    down.add_argument("repo", metavar="REPO", help="repository id, e.g. "
                      "RealTruth/bayling-13b-v1.1-Q8_0-GGUF")
    down.add_argument("file", metavar="FILE", help="file name, e.g. bayling-13b-v1.1-q8_0.gguf")
    down.add_argument("--revision", default="main", help="branch, tag or commit")
    down.add_argument("--dir", type=Path, default=None,
                      help="target folder (default: the model library)")
    down.add_argument("--default", action="store_true", help="make it the default model")

    remove = actions.add_parser("remove", help="delete a model from the library")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")

    rename = actions.add_parser("rename", help="rename a model in the library")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")

    default = actions.add_parser("default", help="show or set the default model")
    default.add_argument("name", nargs="?", metavar="NAME|PATH")

    token = actions.add_parser("token", help="store the Hugging Face access token in the "
                                             "system keyring (for gated repositories)")
    token.add_argument("--delete", action="store_true", help="forget the stored token")
    parser.set_defaults(run=run_models)


#: the name the lead's cli.py imports
add_parser = add_models_parser


def run_models(args: argparse.Namespace) -> int:
    settings = load_settings()
    command = args.models_command
    handler = _HANDLERS[command]
    return handler(args, settings)


# -- helpers ------------------------------------------------------------------------------


def _size(size: int) -> str:
    if size >= 1_000_000_000:
        return f"{size / 1e9:.1f} GB"
    return f"{size / 1e6:.0f} MB"


def _info_dict(info: GGUFInfo) -> dict[str, Any]:
    return {
        "path": str(info.path), "file_size": info.file_size, "gguf_version": info.version,
        "tensor_count": info.tensor_count, "name": info.name,
        "architecture": info.architecture, "context_length": info.context_length,
        "quantization": info.quantization, "vocab_size": info.vocab_size,
        "bos_token": info.bos_token, "eos_token": info.eos_token,
        "has_chat_template": info.chat_template is not None,
        "prompt_format": detect_format(info.name, info.path.name, info.chat_template,
                                       info.vocab_size, info.known_tokens),
    }


def _entry_dict(entry: library.LocalModel) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": entry.name, "title": entry.title, "builtin": entry.builtin,
        "default": entry.is_default, "size": entry.size,
        "path": str(entry.path) if entry.path else None,
        "error": str(entry.error) if entry.error else None,
    }
    if entry.info is not None:
        info = _info_dict(entry.info)
        data.update({k: info[k] for k in ("architecture", "quantization", "context_length",
                                           "prompt_format")})
    return data


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise BaylingError.plain("Refusing to delete without confirmation: add --yes.")
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


# -- actions ------------------------------------------------------------------------------


def _list(args: argparse.Namespace, settings: Settings) -> int:
    entries = library.list_models(settings)
    if args.json:
        print(json.dumps([_entry_dict(e) for e in entries], ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        mark = "*" if entry.is_default else " "
        kind = "built-in" if entry.builtin else "library"
        details = ""
        if entry.info is not None:
            details = (f"{entry.info.architecture} {entry.info.quantization} "
                       f"ctx {entry.info.context_length}")
        elif entry.builtin and entry.error is None:
            details = "prepared on first use"
        status = f"  ! {entry.error}" if entry.error else ""
        print(f"{mark} {entry.name:<44} {kind:<8} {_size(entry.size):>8}  {details}{status}")
    return 0


def _catalog(args: argparse.Namespace, settings: Settings) -> int:
    machine = fit.this_machine()
    pick = fit.recommend(catalog.CATALOG, settings, machine)
    fits = {e.key: fit.fit_entry(e, settings, machine) for e in catalog.CATALOG}
    if args.json:
        rows = [{"key": e.key, "title": e.title, "repo_id": e.repo_id, "file": e.file_name,
                 "size": e.size, "size_is_estimate": e.size_is_estimate, "ram": e.ram,
                 "context_length": e.context_length, "prompt_format": e.prompt_format,
                 "profile": e.profile, "licence": e.licence, "commercial": e.commercial,
                 "buildable": e.buildable, "fit": fits[e.key].verdict,
                 "fit_ram": fits[e.key].ram, "fit_reason": str(fits[e.key].reason),
                 "recommended": pick is not None and e.key == pick.key,
                 "how_to_get": e.how_to_get} for e in catalog.CATALOG]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    sequences = settings.parallel_sequences or "auto"
    print(f"This machine: {machine.label}; context {settings.context_length:,} × {sequences} "
          f"parallel sequence(s), {settings.gpu_layers} GPU layers.")
    for entry in catalog.CATALOG:
        check = fits[entry.key]
        star = "  ★ recommended" if pick is not None and entry.key == pick.key else ""
        print(f"{entry.title}  ({entry.repo_id})  [{check.label}]{star}")
        print(f"    {entry.parameters} on {entry.base_model}, {entry.quantization} "
              f"{entry.size_label}, context {entry.context_length}, profile {entry.profile}, "
              f"licence {entry.licence_label}")
        print(f"    {check.reason}")
        print(f"    {entry.how_to_get}")
    return 0


def _build(args: argparse.Namespace, settings: Settings) -> int:
    token = secrets.get_hub_token(settings)
    bars: dict[str, tuple[ProgressBar, int]] = {}
    names = {"download": "download", "convert": "convert", "quantize": "quantize"}

    def on_progress(progress: BuildProgress) -> None:
        if progress.stage == "done":
            return
        if progress.stage not in bars:
            for other, _unit in bars.values():
                other.close()
            unit, label = (_MB, "MB") if progress.total >= 10 * _MB else (1000, "kB")
            bars[progress.stage] = (ProgressBar(max(progress.total // unit, 1),
                                                f"{names[progress.stage]} ({label})"), unit)
        bar, unit = bars[progress.stage]
        bar.total = max(progress.total // unit, 1)
        bar.update(progress.done // unit)

    try:
        result = build_model(args.source, quant=args.quant, output=args.output, token=token,
                             revision=args.revision, keep_download=args.keep_download,
                             threads=settings.threads, progress=on_progress)
    except (KeyboardInterrupt, BuildCancelled):
        for bar, _unit in bars.values():
            bar.close()
        print("Build cancelled; no model file was left behind. A partial download is kept "
              "and resumes when you run the same command again.", file=sys.stderr)
        return 130
    for bar, _unit in bars.values():
        bar.close()
    if args.default:
        library.set_default(settings, str(result.path))
        save_settings(settings)
    print(f"Built {result.path} ({_size(result.path.stat().st_size)}, {args.quant}, prompt "
          f"format {result.prompt_format}); it is in the model library.")
    return 0


def _info(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.model).expanduser()
    if not path.exists():
        entry = library.find_model(args.model, settings)
        if entry.path is None:
            raise BaylingError.plain(f"{entry.title} has not been prepared yet; it is built the "
                                     "first time it is used.")
        path = entry.path
    data = _info_dict(read_gguf_info(path))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        width = max(len(k) for k in data)
        for key, value in data.items():
            print(f"{key:<{width}}  {value}")
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    size = args.path.stat().st_size if args.path.is_file() else 0
    bar = ProgressBar(max(size // _MB, 1), f"import {args.path.name} (MB)")
    try:
        entry = library.import_model(args.path, name=args.name, link=args.link,
                                     progress=lambda done, total: bar.update(done // _MB))
    finally:
        bar.close()
    if args.default:
        library.set_default(settings, entry.name)
        save_settings(settings)
    print(f"Imported {entry.name} ({entry.title}, {_size(entry.size)}).")
    return 0


def _download(args: argparse.Namespace, settings: Settings) -> int:
    if not args.file.lower().endswith(".gguf"):
        raise BaylingError.plain("Only .gguf files can be used as models; pick the GGUF file "
                                 "of the repository.")
    token = secrets.get_hub_token(settings)
    bar: ProgressBar | None = None

    def on_progress(progress: DownloadProgress) -> None:
        nonlocal bar
        if bar is None:
            bar = ProgressBar(max(progress.total // _MB, 1), f"{Path(args.file).name} (MB)")
        rate = f"{progress.speed / _MB:.1f} MB/s" if progress.speed else ""
        label = {"checking": "checking the partial file", "verifying": "verifying sha256"}.get(
            progress.phase)
        bar.update(progress.downloaded // _MB, rate=rate,
                   label=label or f"{Path(args.file).name} (MB)")

    try:
        path = download_file(args.repo, args.file, revision=args.revision, target_dir=args.dir,
                             token=token, progress=on_progress)
    except (KeyboardInterrupt, DownloadCancelled):
        if bar is not None:
            bar.close()
        print("Download paused; run the same command again to resume it.", file=sys.stderr)
        return 130
    if bar is not None:
        bar.close()
    if args.default:
        library.set_default(settings, str(path))
        save_settings(settings)
    print(f"Downloaded and verified {path}.")
    return 0


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    entry = library.find_model(args.name, settings)
    if not entry.builtin and not args.yes and not _confirm(
            f"Delete {entry.name} ({_size(entry.size)}) from the disk?"):
        print("Nothing was deleted.", file=sys.stderr)
        return 1
    path = library.remove_model(args.name, settings)
    save_settings(settings)
    print(f"Removed {path.name}.")
    return 0


def _rename(args: argparse.Namespace, settings: Settings) -> int:
    entry = library.rename_model(args.name, args.new_name, settings)
    save_settings(settings)
    print(f"Renamed to {entry.name}.")
    return 0


def _default(args: argparse.Namespace, settings: Settings) -> int:
    if args.name:
        entry = library.set_default(settings, args.name)
        save_settings(settings)
        print(f"The default model is now {entry.name}.")
        return 0
    current = library.get_default(settings)
    if current is None:
        print(f"The default model {settings.model_path} is missing.", file=sys.stderr)
        return 1
    print(current.path or current.name)
    return 0


def _token(args: argparse.Namespace, settings: Settings) -> int:
    if args.delete:
        secrets.set_hub_token("", settings)
        print("The Hugging Face token was removed.")
        return 0
    if sys.stdin.isatty():
        value = getpass.getpass("Hugging Face access token (input hidden): ")
    else:
        value = sys.stdin.readline()
    if not value.strip():
        raise BaylingError.plain("No token was given.")
    secrets.set_hub_token(value, settings)
    print("The Hugging Face token is stored in the system keyring."
          if secrets.keyring_available() else
          f"The Hugging Face token is stored in {secrets.plaintext_path()} (readable only by "
          "you).")
    return 0


_HANDLERS = {
    "list": _list, "catalog": _catalog, "build": _build, "info": _info, "import": _import,
    "download": _download, "remove": _remove, "rename": _rename, "default": _default,
    "token": _token,
}
