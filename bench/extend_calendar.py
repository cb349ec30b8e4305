#!/usr/bin/env python3
"""Extends a generated national scenario's calendar to YEARS years from its start (1 January),
repeating the five-yearly party congresses and state elections (bench/scaling.sh,
bench/superlinear_profile.sh). Usage: bench/extend_calendar.py SCENARIO.json YEARS (in place)."""
import json
import sys

path, years = sys.argv[1], int(sys.argv[2])
s = json.load(open(path))
cal = s["calendar"]
start = int(cal["start"][:4])
end = start + years - 1
if years < 1 or cal["start"][4:] != "-01-01":
    sys.exit("YEARS must be at least 1 (and the calendar must start on 1 January)")
cal["end"] = f"{end}-12-31"


def cycle(events):
    out = [e for e in events if int(e["date"][:4]) <= end]
    for e in events:
        y = int(e["date"][:4]) + 5
        while y <= end:
            out.append({**e, "date": f"{y}{e['date'][4:]}"})
            y += 5
    return sorted(out, key=lambda e: e["date"])


cal["party_congresses"] = cycle(cal["party_congresses"])
cal["state_elections"] = cycle(cal["state_elections"])
json.dump(s, open(path, "w"))
