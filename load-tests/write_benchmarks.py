#!/usr/bin/env python3
"""Replaces the measured section of docs/benchmarks.md with the figures of djust-load JSON files.

usage: write_benchmarks.py BENCHMARKS_MD RESULT.json...
The section lies between the markers <!-- load-results:begin --> and <!-- load-results:end -->.
"""
import datetime
import json
import os
import subprocess
import sys

BEGIN, END = "<!-- load-results:begin -->", "<!-- load-results:end -->"


def ms(us):
    return "-" if us is None else f"{us / 1000:.2f} ms"


def size(b):
    if b is None:
        return "-"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(b) < 1024 or unit == "GiB":
            return f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}"
        b /= 1024


def section(results):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "?"
    machine = results[0]["machine"] if results else {"cores": 0, "memory_bytes": 0}
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {now} at commit `{commit}` by `./dev load` on {machine['cores']} cores, "
        f"{size(machine['memory_bytes'])} memory (load generator and server on the same machine).",
        "",
        "| scenario | sessions | connected | failed | events | replies | errors | no reply "
        "| round-trip p50 / p99 / p99.9 / max | broadcast p50 / p99 | server RSS | RSS per session |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rt, dl = r["round_trip"], r["delivery"]
        trip = "-" if rt["count"] == 0 else " / ".join(ms(rt[k]) for k in ("p50_us", "p99_us", "p999_us", "max_us"))
        bcast = "-" if dl["count"] == 0 else f"{ms(dl['p50_us'])} / {ms(dl['p99_us'])}"
        rate = f" at {r['rate']:.0f}/s for {r['duration_s']:.0f} s" if r["rate"] > 0 else f", held {r['duration_s']:.0f} s"
        lines.append(
            f"| {r['scenario']}{rate} | {r['sessions']} | {r['connected']} | {r['failed'] + r['dropped']} "
            f"| {r['events_sent']} | {r['replies']} | {r['errors']} | {r['no_reply']} | {trip} | {bcast} "
            f"| {size(r['server_rss_loaded'])} | {size(r['rss_per_session'])} |")
    reasons = [(r["scenario"], k, v) for r in results for k, v in r["failure_reasons"].items()]
    if reasons:
        lines += ["", "Failures reported by djust-load:", ""]
        lines += [f"- {s}: {v} x {k}" for s, k, v in reasons]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path = sys.argv[1]
    results = [json.load(open(p)) for p in sys.argv[2:]]
    order = {"idle": 0, "counter": 1, "search": 2, "presence": 3, "cursors": 4}
    results.sort(key=lambda r: order.get(r["scenario"], 9))
    text = open(path).read() if os.path.exists(path) else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    open(path, "w").write(head + BEGIN + "\n" + section(results) + END + tail)


if __name__ == "__main__":
    main()
