#!/usr/bin/env python3
"""./dev bench: every benchmark of the project, with peers measured in the same run.

Sections (each runs when its tool is built):
  template  build/bin/djust-template bench over ../shared/bench vs Django and Jinja2 (peers.py)
  vdom      build/bin/djust-vdom-bench --json
  pubsub    build/bin/djust-pubsub-bench --json (broadcast to 1,000 / 10,000 actors, coalescing)
  client    node client/bench/size.mjs --json (our gzipped client vs Phoenix LiveView's)
Every printed figure also goes to build/bench/results.json (a flat name -> number map).
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def pinned(cmd):
    """cmd on one CPU (the last), for the single-threaded render timings of every engine
    alike: on a small VM a process the scheduler moves between CPUs timed up to 1.6x
    slower from one run to the next."""
    if not shutil.which("taskset"):
        return cmd
    return ["taskset", "-c", str(max(os.sched_getaffinity(0)))] + cmd


def our_template_us(tool, bench_dir, name):
    """Median microseconds per render, with ~0.3 s of renders after the tool's warm-up."""
    def once(iterations):
        out = run(pinned([tool, "bench", "--dir", bench_dir, "--context", os.path.join(bench_dir, name + ".json"),
                          "--iterations", str(iterations), name + ".html"]))
        return float(re.search(r"([0-9.]+)", out).group(1))
    probe = once(20)
    return once(max(20, min(200000, int(300000 / max(probe, 0.01)))))


def peers(shared_bench):
    """{name: (django_us, jinja_us)} from shared/bench/peers.py (run by its own /usr/bin/python3)."""
    out = run(pinned([os.path.join(shared_bench, "peers.py"), "--reps", "5"]))
    table = {}
    for line in out.splitlines():
        cols = line.split()
        if len(cols) == 7 and cols[0].isidentifier() and cols[1].isdigit():
            table[cols[0]] = (float(cols[2]), float(cols[4]) if cols[4] != "-" else None)
    return table


def template_section(build, shared, results):
    tool = os.path.join(build, "bin", "djust-template")
    bench_dir = os.path.join(shared, "bench")
    if not os.path.exists(tool) or not os.path.isdir(bench_dir):
        print("template: skipped (no djust-template or no shared/bench)")
        return
    names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(bench_dir, "*.html"))
                   if not os.path.basename(p).startswith("_"))
    peer = peers(bench_dir)
    print("\n## template render (microseconds per render, median; lower is better)")
    print("%-10s %10s %10s %10s %12s %12s" % ("template", "djust", "django", "jinja2", "vs django", "vs jinja2"))
    for name in names:
        ours = our_template_us(tool, bench_dir, name)
        dj, jj = peer.get(name, (None, None))
        results[f"template.{name}.djust_us"] = ours
        row = ["%-10s" % name, "%10.2f" % ours]
        for label, theirs in (("django", dj), ("jinja2", jj)):
            row.append("%10.1f" % theirs if theirs else "%10s" % "-")
            if theirs:
                results[f"template.{name}.{label}_us"] = theirs
        for label, theirs in (("django", dj), ("jinja2", jj)):
            if theirs:
                ratio = theirs / ours
                results[f"template.{name}.speedup_vs_{label}"] = round(ratio, 2)
                row.append("%11.1fx" % ratio)
            else:
                row.append("%12s" % "-")
        print(" ".join(row))
    print("targets: >= 50x Django and >= 5x Jinja2 on every template")


def json_tool_section(title, cmd, results, prefix):
    """Runs a tool that writes a flat JSON map with --json FILE and prints its own table."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        path = tmp.name
    try:
        print(f"\n## {title}")
        print(run(cmd + ["--json", path], cwd=ROOT).rstrip())
        with open(path, encoding="utf-8") as f:
            for key, number in json.load(f).items():
                results[f"{prefix}.{key}"] = number
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    results = {}
    template_section(args.build, args.shared, results)
    vdom_bench = os.path.join(args.build, "bin", "djust-vdom-bench")
    if os.path.exists(vdom_bench):
        json_tool_section("vdom: 1000-row table, parse + diff + patch bytes", pinned([vdom_bench]), results, "vdom")
    pubsub_bench = os.path.join(args.build, "bin", "djust-pubsub-bench")
    if os.path.exists(pubsub_bench):
        json_tool_section("pubsub: broadcast fan-out and coalescing", [pubsub_bench], results, "pubsub")
    size_script = os.path.join(ROOT, "client", "bench", "size.mjs")
    if os.path.exists(size_script):
        json_tool_section("client: gzipped minified size (bytes)", ["node", size_script], results, "client")
    out_dir = os.path.join(args.build, "bench")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2, sort_keys=True)
    print(f"\nwrote {len(results)} figures to {os.path.join(out_dir, 'results.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
