#!/usr/bin/env python3
"""Vacant key posts by month, before and after a change (docs/validation.md § Elections
without cliffs): reads the series.csv of two `cadresim run` folders and writes an SVG chart
with the election and structural-event dates marked. Standard library only.

    python3 bench/plot_vacant_key_posts.py BEFORE/series.csv AFTER/series.csv OUT.svg \
        --mark 2025-07-01 --mark 2026-03-15 ...
"""
import argparse
import csv
import datetime


def series(path, metric="vacancies_key", group="all"):
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["metric"] == metric and row["group"] == group:
                out.append((datetime.date.fromisoformat(row["date"]), float(row["mean"])))
    if not out:
        raise SystemExit(f"{path}: no {metric}/{group} series")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("out")
    ap.add_argument("--mark", action="append", default=[], help="DATE[=label], repeatable")
    ap.add_argument("--before-label", default="before")
    ap.add_argument("--after-label", default="after")
    a = ap.parse_args()
    b, c = series(a.before), series(a.after)
    t0 = min(b[0][0], c[0][0])
    t1 = max(b[-1][0], c[-1][0])
    ymax = max(v for _, v in b + c) * 1.1 or 1
    w, h, left, right, top, bottom = 900, 400, 56, 20, 44, 70

    def x(d):
        return left + (d - t0).days / max(1, (t1 - t0).days) * (w - left - right)

    def y(v):
        return top + (1 - v / ymax) * (h - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{w}" height="{h}" fill="white"/>']
    for k in range(6):  # horizontal grid
        v = ymax * k / 5
        parts.append(f'<line x1="{left}" x2="{w - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'stroke="#ddd"/><text x="{left - 6}" y="{y(v) + 4:.1f}" '
                     f'text-anchor="end">{v:.0f}</text>')
    for year in range(t0.year, t1.year + 2):
        d = datetime.date(year, 1, 1)
        if t0 <= d <= t1:
            parts.append(f'<text x="{x(d):.1f}" y="{h - bottom + 18}" '
                         f'text-anchor="middle">{year}</text>')
    for i, m in enumerate(a.mark):
        date, _, label = m.partition("=")
        d = datetime.date.fromisoformat(date)
        parts.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{top}" y2="{h - bottom}" '
                     f'stroke="#999" stroke-dasharray="4 3"/>')
        if label:
            ty = top - 6 - 12 * (i % 2)  # alternate heights so close labels do not overlap
            parts.append(f'<text x="{x(d) + 3:.1f}" y="{ty}" font-size="10">{label}</text>')
    for data, colour, label, row in ((b, "#c0392b", a.before_label, 0),
                                     (c, "#1f4e79", a.after_label, 1)):
        pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in data)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.8" points="{pts}"/>')
        ly = h - 34 + 18 * row
        parts.append(f'<line x1="{left + 10}" x2="{left + 34}" y1="{ly}" y2="{ly}" '
                     f'stroke="{colour}" stroke-width="3"/>'
                     f'<text x="{left + 40}" y="{ly + 4}">{label}</text>')
    parts.append(f'<text x="{left}" y="12" font-weight="bold">Vacant key posts at each month end '
                 f'(mean over replications)</text></svg>')
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
