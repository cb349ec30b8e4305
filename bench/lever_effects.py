#!/usr/bin/env python3
"""The lever-effect table (docs/model.md § Lever effects).

Runs `cadresim compare` of the Điện Biên baseline against every shipped policy variant with
common random numbers and prints, for each variant, the outcome metrics whose paired
difference has a 95 % interval that excludes zero (a clear effect), as a Markdown table.

    python3 bench/lever_effects.py [--cadresim build/cli/cadresim] [-n 200] [--seed 1]

Reads only the report.json that `compare` writes (difference_from_base.totals).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

# (metric, group, label, scale, decimals). Outcomes first, then cost; the effectiveness index
# and cost are shown but do not count as "moving an outcome".
METRICS = [
    ("refusals", "all", "Offers refused", 1, 1),
    ("early_returns", "all", "Early returns", 1, 1),
    ("rotations", "all", "Rotations", 1, 1),
    ("rotation_outcomes", "promoted", "Rotations ending in promotion", 1, 1),
    ("rotation_outcomes", "returned", "Rotations ending in return", 1, 1),
    ("rotation_outcomes", "stayed", "Rotations ending in a stay", 1, 1),
    ("ratings_rotated", "excellent", "Annual ratings 'excellent' of rotated cadres", 1, 1),
    ("unplanned", "failed_evaluation", "Removed from the plan after a failed evaluation", 1, 1),
    ("successor_coverage_1_run_mean", "all", "Key posts with ≥1 ready successor, % (run mean)", 100, 1),
    ("successor_coverage_2_run_mean", "all", "Key posts with ≥2 ready successors, % (run mean)", 100, 1),
    ("vacancies_key_run_mean", "all", "Vacant key posts (run mean)", 1, 2),
    ("vacancy_months", "all", "Vacancy-months, all posts", 1, 0),
    ("exits", "all", "Exits (resignation, health, discipline)", 1, 1),
    ("shortfall_mean", "all", "Income shortfall after support, %", 100, 1),
    ("shortfall_positive_share", "all", "Moves that lose income after support, %", 100, 1),
    ("effectiveness_key_run_mean", "all", "Effectiveness of key-post holders (run mean)", 1, 3),
    ("support_cost_vnd", "all", "Support cost, million VND", 1e-6, 0),
]
NOT_OUTCOMES = {"support_cost_vnd", "effectiveness_key_run_mean", "shortfall_mean",
                "shortfall_positive_share"}
# Figures per move: a variant without moves has none (not 0), so they are left out for it.
PER_MOVE = {"shortfall_mean", "shortfall_positive_share"}
VARIANTS = [
    "partial-top-up", "full-compensation", "targeted-top-up", "grant-only", "housing",
    "quang-ngai-package", "mentoring-supervision", "double-rotation", "no-rotation",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cadresim", default=os.path.join(root, "build", "cli", "cadresim"))
    ap.add_argument("-n", type=int, default=200, help="replications per scenario")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    scen = os.path.join(root, "scenarios", "dien-bien")
    with tempfile.TemporaryDirectory() as out:
        cmd = [args.cadresim, "compare", os.path.join(scen, "baseline.json")]
        cmd += [os.path.join(scen, v + ".json") for v in VARIANTS]
        cmd += ["-n", str(args.n), "--seed", str(args.seed), "--out", out, "-q"]
        # The report's path that compare prints is not part of the table.
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
    base = report["scenarios"][0]
    base_totals = {(t["metric"], t["group"]): t for t in base["results"]["totals"]}
    print(f"Lever effects: `{' '.join(['cadresim'] + cmd[1:2])} <variants> -n {args.n} "
          f"--seed {args.seed}` (paired differences, 95 % intervals; only clear effects).\n")
    print("| variant | metric | baseline | variant | difference [95 % CI] |")
    print("|---|---|---:|---:|---|")
    for s in report["scenarios"][1:]:
        diffs = {(t["metric"], t["group"]): t for t in s["difference_from_base"]["totals"]}
        totals = {(t["metric"], t["group"]): t for t in s["results"]["totals"]}
        outcome_moved = False
        rows = []
        # A figure that applies in no replication (a ratio with nothing to divide by: the
        # income per move without moves) has null statistics in report.json.
        no_moves = False
        for metric, group, label, scale, dec in METRICS:
            d = diffs.get((metric, group))
            if d is None:
                continue
            if d["mean"] is None:
                no_moves = no_moves or metric in PER_MOVE
                continue
            lo, hi = d["ci_low"] * scale, d["ci_high"] * scale
            if lo <= 0 <= hi:
                continue
            if metric not in NOT_OUTCOMES:
                outcome_moved = True
            b = base_totals[(metric, group)]["mean"] * scale
            v = totals[(metric, group)]["mean"] * scale
            rows.append(f"| {s['name']} | {label} | {b:.{dec}f} | {v:.{dec}f} | "
                        f"{d['mean'] * scale:+.{dec}f} [{lo:+.{dec}f}, {hi:+.{dec}f}] |")
        if no_moves:
            rows.append(f"| {s['name']} | (no moves: the income figures per move do not apply) | | | |")
        if not rows:
            rows.append(f"| {s['name']} | (no clear effect on any metric) | | | |")
        elif not outcome_moved:
            rows.append(f"| {s['name']} | (moves only its cost, shortfall or index) | | | |")
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
