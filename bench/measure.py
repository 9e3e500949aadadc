#!/usr/bin/env python3
"""Times commands side by side and prints medians and ratios to the first command.

Usage: measure.py [--runs N] [--warmup N] [--markdown] LABEL=COMMAND ...

Each round runs every command once, in the order given, so a slow spell of a shared machine
hits all of them alike. A command's standard output is discarded; a run that exits non-zero
stops the measurement, since a failing command is often fast. Wall time is taken around
fork, exec and wait. Peak memory is the child's maximum resident set size and CPU time is
its user plus system time, both from wait4. CPU time varies less than wall time when other
work shares the machine, but counts the JVM's helper threads too.
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode != 0:
        sys.exit(f"measure: '{shlex.join(argv)}' exited {child.returncode}: {stderr.strip()}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("commands", nargs="+", metavar="LABEL=COMMAND")
    options = parser.parse_args()

    commands = []
    for spec in options.commands:
        label, sep, command = spec.partition("=")
        if not sep or not command:
            parser.error(f"expected LABEL=COMMAND, got '{spec}'")
        commands.append((label, shlex.split(command)))

    for _ in range(options.warmup):
        for _, argv in commands:
            run_once(argv)
    times = {label: [] for label, _ in commands}
    peaks = {label: [] for label, _ in commands}
    cpus = {label: [] for label, _ in commands}
    for _ in range(options.runs):
        for label, argv in commands:
            elapsed, peak, cpu = run_once(argv)
            times[label].append(elapsed)
            peaks[label].append(peak)
            cpus[label].append(cpu)

    base_label = commands[0][0]
    base_time = statistics.median(times[base_label])
    base_peak = statistics.median(peaks[base_label])
    rows = []
    for label, _ in commands:
        median = statistics.median(times[label])
        peak = statistics.median(peaks[label])
        rows.append((label, f"{median * 1000:.0f}", f"{min(times[label]) * 1000:.0f}",
                     f"{median / base_time:.2f}", f"{peak / 1024:.1f}", f"{peak / base_peak:.2f}",
                     f"{statistics.median(cpus[label]) * 1000:.0f}"))
    header = ("command", "median ms", "min ms", "time ratio", "peak MiB", "memory ratio",
              "CPU ms")
    if options.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
        for row in [header] + rows:
            print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                            for i, cell in enumerate(row)))
    print(f"{options.runs} runs of each, interleaved, after {options.warmup} warm-up rounds")


if __name__ == "__main__":
    main()
