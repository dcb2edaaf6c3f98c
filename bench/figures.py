"""The figures of the issue "Fast engine" in one run, as one JSON object (``python -m bench --json``).

Times are CPU seconds of this process (``time.process_time``) where the work runs here, so that other
programs on a shared machine disturb them less, and wall seconds for commands run as a user runs them
(``python -m amend check``). Each in-process figure is the best of ``REPEATS`` runs, the two sides of a
ratio measured alternately in the same run; ``spread`` gives worst/best for each, to show the noise.
"""

from __future__ import annotations

import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Any

from amend import Amendment, Plan
from amend.engine.gc_pause import gc_paused
from amend.engine.step import apply_each
from amend.engine.timeline import FiledAmendment, consolidate, schedule
from amend.outputs.parallel import default_jobs
from amend.store import yaml_lean
from amend.store.serialize import index_data, version_data
from amend.store.yaml_io import _positional, _safe_load, dump_yaml, read_text, read_yaml
from amend.store.yaml_render import YamlRenderer
from bench.corpus import CorpusSize, write_corpus
from bench.patch import ROOT, as_json_patch

__all__ = ["GROUPS", "figures"]

REPEATS = 5

FULL = {
    "engine": CorpusSize(100, 20, 5, 30),
    "big_plan": CorpusSize(1, 1000, 5, 10_000),
    "act": CorpusSize(1, 1, 100_000, 1_000),
    "national": CorpusSize(5_000, 20, 5, 30),
}
QUICK = {
    "engine": CorpusSize(40, 20, 5, 30),
    "big_plan": CorpusSize(1, 100, 5, 10_000),
    "act": CorpusSize(1, 1, 10_000, 1_000),
    "national": CorpusSize(200, 20, 5, 30),
}


def _best(fns: dict[str, Callable[[], Any]], repeats: int = REPEATS) -> dict[str, tuple[float, float]]:
    """Best and worst CPU time of each function over ``repeats`` rounds, the functions taking turns, the
    collector paused."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            with gc_paused():
                start = time.process_time()
                result = fn()
                times[name].append(time.process_time() - start)
            del result
    return {k: (min(v), max(v)) for k, v in times.items()}


def _load(root: Path) -> tuple[list[Plan], dict[str, list[FiledAmendment]]]:
    with gc_paused():
        plans = [Plan.model_validate(read_yaml(p)) for p in sorted((root / "plans/base").glob("*.yaml"))]
        by_plan: dict[str, list[FiledAmendment]] = {}
        for p in sorted((root / "plans/amendments").glob("*.yaml")):
            f = FiledAmendment(Amendment.model_validate(read_yaml(p)), p)
            by_plan.setdefault(f.amendment.amends, []).append(f)
    return plans, by_plan


def _engine(root: Path, size: CorpusSize) -> dict[str, Any]:
    """Our engine against python-json-patch producing the same dated versions from the same operations."""
    import jsonpatch

    write_corpus(root, size)
    plans, by_plan = _load(root)
    ops = sum(len(f.amendment.operations) for fs in by_plan.values() for f in fs)
    day_patches = [as_json_patch(p, [f.amendment for f in by_plan.get(p.plan, [])], by_day=True) for p in plans]
    versions = sum(len(consolidate(p, by_plan.get(p.plan, [])).versions) - 1 for p in plans)

    def ours() -> list[Any]:
        return [consolidate(p, by_plan.get(p.plan, [])) for p in plans]

    def reference() -> list[Any]:
        return _reference(plans, by_plan)

    def jsonpatch_versions() -> list[Any]:
        kept = []
        for doc, patches in day_patches:
            for patch in patches:  # one new document per version day, the one before kept
                doc = jsonpatch.apply_patch(doc, patch, in_place=False)
                kept.append(doc)
        return kept

    docs: list[Any] = []

    def jsonpatch_inplace() -> None:
        for doc, (_, patches) in zip(docs, day_patches):
            for patch in patches:
                jsonpatch.apply_patch(doc, patch, in_place=True)

    times: dict[str, list[float]] = {"ours": [], "reference": [], "jsonpatch": [], "inplace": []}
    for _ in range(REPEATS):
        for name, fn in (("ours", ours), ("reference", reference), ("jsonpatch", jsonpatch_versions)):
            with gc_paused():
                start = time.process_time()
                result = fn()
                times[name].append(time.process_time() - start)
            del result
        docs[:] = [copy.deepcopy(doc) for doc, _ in day_patches]  # a fresh copy, outside the timing
        with gc_paused():
            start = time.process_time()
            jsonpatch_inplace()
            times["inplace"].append(time.process_time() - start)
    best = {k: min(v) for k, v in times.items()}
    return {
        "engine_corpus": str(size),
        "engine_ops": ops,
        "engine_versions": versions,
        "apply_us_per_op": best["ours"] / ops * 1e6,
        "apply_reference_us_per_op": best["reference"] / ops * 1e6,
        "fast_path_speedup": best["reference"] / best["ours"],
        "jsonpatch_us_per_op": best["jsonpatch"] / ops * 1e6,
        "jsonpatch_ratio": best["jsonpatch"] / best["ours"],
        "jsonpatch_inplace_us_per_op": best["inplace"] / ops * 1e6,
        "engine_spread": {k: max(v) / min(v) for k, v in times.items()},
    }


def _big_plan(root: Path, size: CorpusSize, small_root: Path) -> dict[str, Any]:
    """The 10,000-row plan per operation, against the small plans of the engine corpus (``small_root``),
    the two measured in turns in the same rounds, so that the ratio does not depend on how busy the
    machine was when the engine group ran."""
    write_corpus(root, size)
    plans, by_plan = _load(root)
    small_plans, small_by_plan = _load(small_root)
    ops = sum(len(f.amendment.operations) for fs in by_plan.values() for f in fs)
    small_ops = sum(len(f.amendment.operations) for fs in small_by_plan.values() for f in fs)
    t = _best(
        {
            "ours": lambda: [consolidate(p, by_plan.get(p.plan, [])) for p in plans],
            "small": lambda: [consolidate(p, small_by_plan.get(p.plan, [])) for p in small_plans],
            "reference": lambda: _reference(plans, by_plan),
        }
    )
    small_us_per_op = t["small"][0] / small_ops * 1e6
    return {
        "big_plan_corpus": str(size),
        "big_plan_us_per_op": t["ours"][0] / ops * 1e6,
        "big_plan_reference_us_per_op": t["reference"][0] / ops * 1e6,
        "big_plan_small_plans_us_per_op": small_us_per_op,
        "big_plan_vs_small_plans": t["ours"][0] / ops * 1e6 / small_us_per_op,
        "big_plan_spread": {k: hi / lo for k, (lo, hi) in t.items()},
    }


def _reference(plans: list[Plan], by_plan: dict[str, list[FiledAmendment]]) -> list[Any]:
    """Every plan's days with one plan editor per operation (``step.apply_each``), as consolidation runs
    them: what one editor per day (``fast_path_speedup``) is measured against."""
    with gc_paused():
        last = []
        for p in plans:
            plan = p
            for _, batch in groupby(schedule(p, by_plan.get(p.plan, [])), key=lambda s: s.day):
                plan = apply_each(plan, list(batch)).plan
            last.append(plan)
        return last


def _render(root: Path) -> dict[str, Any]:
    """The consolidated YAML of every version of a written corpus: ``dump_yaml`` (the reference) against
    ``YamlRenderer`` (one per plan, as build and check use it), the same bytes checked first."""
    plans, by_plan = _load(root)
    timelines = [consolidate(p, by_plan.get(p.plan, [])) for p in plans]
    docs = [[index_data(t), *(version_data(t, v) for v in t.versions)] for t in timelines]

    def reference() -> list[str]:
        return [dump_yaml(d) for plan in docs for d in plan]

    def fast() -> list[str]:
        out: list[str] = []
        for plan in docs:
            renderer = YamlRenderer()
            out.extend(renderer.render(d) for d in plan)
        return out

    if fast() != reference():
        raise RuntimeError("YamlRenderer does not write dump_yaml's bytes on the benchmark's corpus")
    t = _best({"reference": reference, "fast": fast})
    return {
        "render_documents": sum(len(plan) for plan in docs),
        "render_reference_s": t["reference"][0],
        "render_fast_s": t["fast"][0],
        "render_speedup": t["reference"][0] / t["fast"][0],
    }


def _amend(
    root: Path, *args: str, cache: Path | None = None, env_extra: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the largest process) of ``python -m amend ARGS`` in ``root``."""
    wall, _, rss = _amend_run(root, *args, cache=cache, env_extra=env_extra)
    return wall, rss


def _amend_run(
    root: Path, *args: str, cache: Path | None = None, env_extra: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system, the command's processes) and peak RSS (MB, the largest
    process) of ``python -m amend ARGS`` in ``root``; ``env_extra`` is added to the environment."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env_extra or {}))
    if cache is not None:
        env["AMEND_CACHE_DIR"] = str(cache)
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], capture_output=True); t = time.perf_counter() - t; "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(t, u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode); "
        "sys.stderr.write(r.stderr.decode()[-2000:])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "amend", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu, rss_kb, code = done.stdout.split()
    if code not in ("0", "1"):
        raise RuntimeError(f"amend {' '.join(args)} failed: {done.stderr}")
    return float(wall), float(cpu), int(rss_kb) / 1024


def _floor(root: Path, load: Callable[[Path], Any]) -> float:
    """Wall seconds to ``load`` every input file of ``root``, one process, the collector paused."""
    files = sorted((root / "plans").rglob("*.yaml"))
    start = time.perf_counter()
    with gc_paused():
        for p in files:
            load(p)
    return time.perf_counter() - start


def _parse_floor(root: Path) -> float:
    """Every input file read with amend's own reader (the lean one, every input rule checked)."""
    return _floor(root, read_yaml)


def _safe_load_floor(root: Path) -> float:
    """Every input file loaded with ruamel's safe loader (the loader the issue started from): the floor
    the issue's "today" measured against."""
    return _floor(root, lambda p: _safe_load(read_text(p)))


def _corpus_checks(root: Path, size: CorpusSize, prefix: str) -> dict[str, Any]:
    """``amend check`` cold (--no-cache) and warm (the cache filled by a run before) on a written corpus."""
    write_corpus(root, size)
    cache = root / "cache"
    _amend(root, "build", "--no-cache")
    floor = _parse_floor(root)
    safe_floor = _safe_load_floor(root)
    cold, cold_cpu, cold_rss = _amend_run(root, "check", "--no-cache")
    jobs = default_jobs()  # check's default --jobs
    use = cold_cpu / (cold * jobs)  # the share of its cores' time the cold check kept busy
    _amend(root, "check", cache=cache)  # fills the cache
    warm, warm_rss = _amend(root, "check", cache=cache)
    return {
        f"{prefix}_corpus": str(size),
        f"{prefix}_parse_floor_s": floor,
        f"{prefix}_cold_s" if prefix == "national" else f"{prefix}_check_cold_s": cold,
        f"{prefix}_warm_s" if prefix == "national" else f"{prefix}_check_warm_s": warm,
        f"{prefix}_cold_vs_parse_floor": cold / floor,
        # The cold check's CPU seconds (all its processes), how fully it used its cores, and how many cores
        # used as fully would bring it within 1.2x of the (one-process) lean parse floor.
        f"{prefix}_cold_cpu_s": cold_cpu,
        f"{prefix}_cold_jobs": jobs,
        f"{prefix}_cold_core_use": use,
        f"{prefix}_cold_cores_for_1_2x_parse_floor": cold_cpu / (use * 1.2 * floor),
        f"{prefix}_safe_load_floor_s": safe_floor,
        f"{prefix}_cold_vs_safe_load_floor": cold / safe_floor,
        f"{prefix}_input_files": len(list((root / "plans").rglob("*.yaml"))),
        f"{prefix}_peak_rss_mb": max(cold_rss, warm_rss),
    }


def _cpu_best(fns: dict[str, Callable[[], Any]], repeats: int) -> dict[str, float]:
    """Best CPU time of each function over ``repeats`` rounds (``_best``'s best)."""
    return {k: best for k, (best, _) in _best(fns, repeats).items()}


def _yaml(act_file: Path, plan_file: Path) -> dict[str, Any]:
    """The lean YAML readers (amend.store.yaml_lean) against ruamel's loaders they replace, in this run.

    Loading: ruamel's safe loader (C parser, Python composer and constructor) against the lean loader,
    on the act of the "act" corpus, the 10,000-row plan and the shipped plans. Positions (the re-read
    that places an error): the round-trip loader against the lean positions, on the act and the plan.
    The round-trip loader takes over a minute on the 100k act, so it runs once there.
    """
    out: dict[str, Any] = {}
    shipped = [read_text(p) for p in sorted((ROOT / "plans").rglob("*.yaml"))]
    for name, path in (("act_100k", act_file), ("big_plan", plan_file)):
        text = read_text(path)
        load = _cpu_best({"safe": partial(_safe_load, text), "lean": partial(yaml_lean.load, text)}, 3)
        places = _cpu_best({"lean": partial(yaml_lean.positions, text)}, 3)
        places.update(_cpu_best({"round_trip": partial(_positional().load, text)}, 1))
        out[f"{name}_yaml_safe_load_s"] = load["safe"]
        out[f"{name}_yaml_lean_load_s"] = load["lean"]
        out[f"{name}_positions_round_trip_s"] = places["round_trip"]
        out[f"{name}_positions_lean_s"] = places["lean"]
        out[f"{name}_positions_speedup"] = places["round_trip"] / places["lean"]
        out[f"{name}_yaml_lean_speedup"] = load["safe"] / load["lean"]
    shipped_load = _cpu_best(
        {
            "safe": lambda: [_safe_load(t) for t in shipped],
            "lean": lambda: [yaml_lean.load(t) for t in shipped],
            "round_trip": lambda: [_positional().load(t) for t in shipped],
            "positions": lambda: [yaml_lean.positions(t) for t in shipped],
        },
        REPEATS,
    )
    out["plans_yaml_lean_speedup"] = shipped_load["safe"] / shipped_load["lean"]
    out["plans_positions_speedup"] = shipped_load["round_trip"] / shipped_load["positions"]
    # The two headline figures: lean against safe loading, and positions, on the 100k act.
    out["yaml_lean_speedup"] = out["act_100k_yaml_lean_speedup"]
    out["positions_speedup"] = out["act_100k_positions_speedup"]
    return out


def _check_repo() -> dict[str, Any]:
    """``amend check`` on this repository, 5 runs of each kind, the kinds taking turns: as a user runs it
    again (the model cache filled: ``check_repo_s``, the median wall time), with ``--no-cache`` (cold), and
    with the cache and compiled bytecode kept between runs, as an installed package runs (this machine's
    environment may set PYTHONDONTWRITEBYTECODE, which makes every run compile amend's sources). Wall
    seconds, and CPU seconds (best), which other programs on a shared machine disturb less."""
    kinds: dict[str, tuple[str, ...]] = {"cached": ("check",), "cold": ("check", "--no-cache"), "bytecode": ("check",)}
    wall: dict[str, list[float]] = {k: [] for k in kinds}
    cpu: dict[str, list[float]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory() as pyc:
        extra = {"cached": {}, "cold": {}, "bytecode": {"PYTHONPYCACHEPREFIX": pyc, "PYTHONDONTWRITEBYTECODE": ""}}
        for name, args in kinds.items():  # fills the cache and the bytecode; not timed
            _amend_run(ROOT, *args, env_extra=extra[name])
        for _ in range(5):
            for name, args in kinds.items():
                w, c, _ = _amend_run(ROOT, *args, env_extra=extra[name])
                wall[name].append(w)
                cpu[name].append(c)
    return {
        "check_repo_s": statistics.median(wall["cached"]),
        "check_repo_runs_s": wall["cached"],
        "check_repo_cpu_s": min(cpu["cached"]),
        "check_repo_cold_s": statistics.median(wall["cold"]),
        "check_repo_cold_cpu_s": min(cpu["cold"]),
        "check_repo_bytecode_s": statistics.median(wall["bytecode"]),
        "check_repo_bytecode_cpu_s": min(cpu["bytecode"]),
    }


GROUPS = ("engine", "big_plan", "act", "national", "check_repo", "serve")


def figures(*, quick: bool, seed: int, only: tuple[str, ...] = GROUPS) -> dict[str, Any]:
    """Every figure of the issue's table, measured in this run (``only``: these groups of figures; the
    engine's come with the renderer's, and big_plan needs the engine's per-op time for its ratio)."""
    sizes = QUICK if quick else FULL
    out: dict[str, Any] = {
        "quick": quick,
        "note": "--quick: smaller corpora than the issue's (see the *_corpus keys)" if quick else "full sizes",
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "seed": seed,
        "time": f"CPU seconds (best of {REPEATS}) in process; wall seconds for amend commands",
        "groups": list(only),
    }
    with tempfile.TemporaryDirectory() as tmp:
        if "engine" in only or "big_plan" in only:
            out.update(_engine(Path(tmp) / "engine", sizes["engine"]))
            out.update(_render(Path(tmp) / "engine"))
        if "big_plan" in only:
            out.update(_big_plan(Path(tmp) / "big", sizes["big_plan"], Path(tmp) / "engine"))
        if "act" in only:
            act = _corpus_checks(Path(tmp) / "act", sizes["act"], "act_100k")
            act_file = next((Path(tmp) / "act" / "plans/amendments").glob("*.yaml"))
            start = time.perf_counter()
            _safe_load(read_text(act_file))  # ruamel's safe load alone, as the target says
            act["act_100k_safe_load_s"] = time.perf_counter() - start
            act["act_100k_cold_vs_safe_load"] = act["act_100k_check_cold_s"] / act["act_100k_safe_load_s"]
            out.update(act)
            if "big_plan" in only:
                out.update(_yaml(act_file, next((Path(tmp) / "big" / "plans/base").glob("*.yaml"))))
        if "national" in only:
            out.update(_corpus_checks(Path(tmp) / "national", sizes["national"], "national"))
    if "check_repo" in only:
        out.update(_check_repo())
    if "serve" in only:
        from bench.serve import serve_figures

        out.update(serve_figures())
    out["load_average_end"] = os.getloadavg()[0]
    return out
