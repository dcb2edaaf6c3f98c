"""The benchmark: load, validate, consolidate and query synthetic corpora; print the figures.

Targets (reported here, never asserted in tests):
- 100,000 operations applied in under 1 s after parsing;
- load + validate + consolidate at most 1.5x the bare YAML parse time;
- memory of all versions of a 10,000-row plan at most 2x that of its latest version;
- a point-in-time lookup of one row in O(log versions);
- `amend check` on the shipped repository in under 0.4 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from amend import Amendment, Plan
from amend.engine.gc_pause import gc_paused
from amend.engine.invariants import check_executors, check_structure
from amend.engine.timeline import FiledAmendment, consolidate
from amend.store.serialize import index_data, show_json, version_data
from amend.store.yaml_io import dump_yaml, read_yaml
from bench.corpus import CorpusSize, write_corpus
from bench.patch import ROOT, as_json_patch

SIZES = {
    "small": CorpusSize(10, 5, 5, 30),
    "medium": CorpusSize(100, 20, 5, 30),
    "large": CorpusSize(1000, 20, 5, 30),
    "big-plan": CorpusSize(1, 1000, 5, 10_000),
}
QUICK = {"small": SIZES["small"], "medium": SIZES["medium"], "big-plan": CorpusSize(1, 100, 5, 2_000)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def deep_size(roots: list[Any]) -> int:
    """Bytes of every object reachable from ``roots``, each counted once (shared objects once)."""
    seen: set[int] = set()
    stack = list(roots)
    total = 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


def bench_size(name: str, size: CorpusSize, rng: random.Random) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(root, size)
        plan_files = sorted((root / "plans/base").glob("*.yaml"))
        amend_files = sorted((root / "plans/amendments").glob("*.yaml"))
        input_bytes = sum(p.stat().st_size for p in plan_files + amend_files)

        def parse():  # bare parsing, with the collector paused over the batch as Repository does
            with gc_paused():
                return [read_yaml(p) for p in plan_files], [read_yaml(p) for p in amend_files]

        t_parse, raw = timed(parse)

        def validate():  # as amend.store.loading does it
            with gc_paused():
                return _validate()

        def _validate():
            plans = [Plan.model_validate(d) for d in raw[0]]
            for p in plans:
                check_structure(p)
                check_executors(p)
            return plans, [FiledAmendment(Amendment.model_validate(d), f) for d, f in zip(raw[1], amend_files)]

        t_validate, (plans, filed) = timed(validate)

        by_plan: dict[str, list[FiledAmendment]] = {}
        for f in filed:
            by_plan.setdefault(f.amendment.amends, []).append(f)

        def consolidate_all():  # as Repository.timelines does it: one collector pause over all plans
            with gc_paused():
                return [consolidate(p, by_plan.get(p.plan, [])) for p in plans]

        t_consolidate, timelines = timed(consolidate_all)
        n_ops = sum(len(f.amendment.operations) for f in filed)
        n_versions = sum(len(t.versions) for t in timelines)

        # Point-in-time queries: one row, and a whole plan as `show --format json` gives it.
        queries = []
        for _ in range(2000):
            t = rng.choice(timelines)
            first, last = t.versions[0].valid_from, t.latest.valid_from
            day = first + (last - first) * rng.random()
            queries.append((t, day, rng.choice(t.in_force_at(day).plan.rows).number))
        t_row, _ = timed(lambda: [t.in_force_at(d).plan.row(n) for t, d, n in queries])
        sample = queries[:20]
        t_whole, _ = timed(lambda: [show_json(t.in_force_at(d), d) for t, d, _ in sample])

        # Lookup cost against the number of versions: the same query on the plan with most versions.
        deepest = max(timelines, key=lambda t: len(t.versions))
        days = [v.valid_from for v in deepest.versions]
        t_lookup, _ = timed(lambda: [deepest.in_force_at(d) for d in days * max(1, 20000 // len(days))])
        lookups = len(days) * max(1, 20000 // len(days))

        # JSON Patch on a JSON form of the same plans, the same operations (in place, latest only).
        import jsonpatch

        converted = [as_json_patch(p, [f.amendment for f in by_plan.get(p.plan, [])]) for p in plans]

        def run_patches():
            for doc, patches in converted:
                for patch in patches:
                    jsonpatch.apply_patch(doc, patch, in_place=True)

        t_patch, _ = timed(run_patches)

        # Memory: all versions of the plan with most rows against its latest version alone.
        biggest = max(timelines, key=lambda t: len(t.latest.plan.rows))
        all_versions = deep_size([v.plan for v in biggest.versions])
        latest_only = deep_size([biggest.latest.plan])

        # Output: what build writes (for large corpora, the latest versions and indexes only).
        if sum(len(v.plan.rows) for t in timelines for v in t.versions) <= 200_000:
            out = sum(len(dump_yaml(version_data(t, v)).encode()) for t in timelines for v in t.versions)
            out_note = "all versions"
        else:
            out = sum(len(dump_yaml(version_data(t, t.latest)).encode()) for t in timelines)
            out_note = "latest versions only"
        out += sum(len(dump_yaml(index_data(t)).encode()) for t in timelines)

        # Peak memory of validation and consolidation of up to 50 plans with their acts, measured in a
        # separate pass (tracing slows everything down).
        subset = {d["plan"] for d in raw[0][:50]}
        tracemalloc.start()
        plans2 = [Plan.model_validate(d) for d in raw[0][:50]]
        filed2 = [
            FiledAmendment(Amendment.model_validate(d), f) for d, f in zip(raw[1], amend_files) if d["amends"] in subset
        ]
        keep = [consolidate(p, [f for f in filed2 if f.amendment.amends == p.plan]) for p in plans2]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del keep

    return {
        "name": name,
        "size": str(size),
        "ops": n_ops,
        "versions": n_versions,
        "input_mb": input_bytes / 1e6,
        "parse": t_parse,
        "validate": t_validate,
        "consolidate": t_consolidate,
        "row_query_us": t_row / len(queries) * 1e6,
        "plan_query_ms": t_whole / len(sample) * 1e3,
        "lookup_us": t_lookup / lookups * 1e6,
        "deepest_versions": len(deepest.versions),
        "patch": t_patch,
        "mem_all_versions_mb": all_versions / 1e6,
        "mem_latest_mb": latest_only / 1e6,
        "biggest_rows": len(biggest.latest.plan.rows),
        "biggest_versions": len(biggest.versions),
        "peak_mb": peak / 1e6,
        "peak_note": "first 50 plans" if len(plans) > 50 else "all plans",
        "output_mb": out / 1e6,
        "output_note": out_note,
    }


def check_time() -> float:
    """Median wall time of `amend check` on the shipped repository, as a user runs it."""
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(["amend", "check"], cwd=ROOT, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--json", action="store_true", help="print the issue's figures as one JSON object")
    parser.add_argument(
        "--only",
        default="",
        help="with --json: these groups of figures only, comma-separated "
        "(engine, big_plan, act, national, check_repo, serve)",
    )
    args = parser.parse_args()
    if args.json:
        from bench.figures import GROUPS, figures

        only = tuple(g for g in args.only.split(",") if g) or GROUPS
        unknown = sorted(set(only) - set(GROUPS))
        if unknown:
            parser.error(f"--only: no group {', '.join(unknown)} (the groups: {', '.join(GROUPS)})")
        print(json.dumps(figures(quick=args.quick, seed=args.seed, only=only), indent=2, sort_keys=True))
        return
    rng = random.Random(args.seed)
    sizes = QUICK if args.quick else SIZES
    print(f"python {sys.version.split()[0]}; corpus seed {args.seed}")
    results = []
    for name, size in sizes.items():
        r = bench_size(name, size, rng)
        results.append(r)
        engine = r["validate"] + r["consolidate"]
        print(f"\n== {name}: {r['size']} ({r['ops']:,} ops, {r['versions']:,} versions, {r['input_mb']:.1f} MB YAML)")
        print(f"  YAML load (C loader)     {r['parse']:8.3f} s   <- the floor")
        print(f"  validation               {r['validate']:8.3f} s")
        print(f"  consolidation            {r['consolidate']:8.3f} s   ({r['consolidate'] / r['ops'] * 1e6:.1f} us/op)")
        print(f"  pipeline / parse         {(r['parse'] + engine) / r['parse']:8.2f} x   (target <= 1.5)")
        print(
            f"  apply / JSON Patch       {r['consolidate'] / r['patch']:8.2f} x   "
            f"(jsonpatch in place: {r['patch']:.3f} s, {r['patch'] / r['ops'] * 1e6:.1f} us/op)"
        )
        print(f"  query one row            {r['row_query_us']:8.1f} us")
        print(f"  query whole plan (json)  {r['plan_query_ms']:8.2f} ms")
        print(f"  version lookup           {r['lookup_us']:8.2f} us over {r['deepest_versions']} versions")
        print(
            f"  memory, all versions     {r['mem_all_versions_mb']:8.1f} MB vs latest {r['mem_latest_mb']:.1f} MB "
            f"= {r['mem_all_versions_mb'] / r['mem_latest_mb']:.2f} x  ({r['biggest_rows']} rows, "
            f"{r['biggest_versions']} versions; target <= 2)"
        )
        print(f"  peak memory (traced)     {r['peak_mb']:8.1f} MB   ({r['peak_note']})")
        print(f"  output                   {r['output_mb']:8.1f} MB   ({r['output_note']})")
    print("\n== growth: consolidation time per operation")
    for r in results:
        print(f"  {r['name']:<9} {r['ops']:>8,} ops  {r['consolidate'] / r['ops'] * 1e6:7.1f} us/op")
    print(f"\n== amend check on the shipped repository: {check_time():.3f} s (median of 5; target < 0.4)")


if __name__ == "__main__":
    main()
