#!/usr/bin/env python3
"""Generate the national two-tier scenario (issue #16) from a list of commune-level units.

Usage (from the repository root):

    python3 scenarios/national/generate.py ../shared/domain/vn-units-2025.csv \
        --out scenarios/national/two-tier-2026.json

Input: a CSV with the columns province_code, province, unit_code, unit, unit_type
(unit_type one of commune, ward, special_zone), one row per commune-level unit of the
two-tier structure in force from 1 Jul 2025. The mechanism sections, the titles and the
managing tiers are taken from the Điện Biên baseline (scenarios/dien-bien/baseline.json,
`--baseline` to use another file) with its rule changes dated up to the start applied; the
district level and its titles are left out. Every rule for data the CSV does not hold
(regional coefficient, especially difficult units, distances, establishments, flow volumes)
is stated in RULES below and in docs/scenarios.md § The national scenario.

Deterministic: the same CSV and baseline give a byte-identical JSON file (no dates, no
absolute paths, sorted rows). Python 3 standard library only.
"""

import argparse
import copy
import csv
import hashlib
import json
import math
import os
import sys
import unicodedata

START = "2026-01-01"
END = "2030-12-31"
UNIT_TYPES = {"commune": "commune", "ward": "ward", "special_zone": "special zone"}

# Provinces (2025 codes) of the northern midlands and mountains and of the Central Highlands,
# plus Quảng Ngãi (merged with Kon Tum in 2025): a judgement [A] used for the especially
# difficult share, the regional coefficient and distances.
MOUNTAIN_PROVINCES = {"04", "08", "11", "12", "14", "15", "19", "20", "25", "51", "52", "66", "68"}
# Share of the communes (unit_type commune) marked especially difficult [A].
ED_SHARE_MOUNTAIN = 0.6
ED_SHARE_OTHER = 0.1
# Known data overriding the share: Điện Biên (code 11), Region III 2026-2030 = every unit
# except 2 wards (Region I) and Thanh Nưa, Thanh An, Tuần Giáo, Mường Phăng, Mường Lay
# (Region II) (domain/reform-2025.md, Hardship [C]; docs/sources.md#S-R25-5).
KNOWN_NOT_ED = {"11": {"Thanh Nưa", "Thanh An", "Tuần Giáo", "Mường Phăng", "Mường Lay",
                       "Điện Biên Phủ", "Mường Thanh"}}
# Establishment of every new commune-level unit: the 2025 norm's base, 32 government posts
# plus 15 Party posts (docs/sources.md#S-R25-16) [C]; population top-ups and caps not applied.
ESTABLISHMENT = 47
# Non-leadership staff of a new unit on the start date, as a multiple of its non-leadership quota
# (docs/model.md § Staffing) [A]: the 2025 mergers left most new units above their
# establishment and some below it (docs/sources.md#S-R25-6, S-R25-13, S-R25-16).
STAFF_RATIO = {"distribution": "normal", "mean": 1.3, "sd": 0.4, "min": 0.5, "max": 2.0}
STAFF_RATIO_MEAN_RANGE = (1.0, 1.7)
PROVINCE_DISTANCE_KM = 300  # to the capital [A]; Hà Nội 0
CENTRAL_OFFICIAL_POSTS = 100  # the central source pool [A]
RULES = [
    "Units [A unless marked]: commune-level units of the CSV with their names; id = ASCII slug of the province and of the unit name (the unit code appended only if two units of a province share a slug). Every unit has sector commune-2025, so it takes the baseline's c25-* titles of the 2025 commune.",
    "Especially difficult (Region III): Điện Biên as published for 2026-2030 (38 of 45, docs/sources.md#S-R25-5 [C]); elsewhere no per-unit list was used: in the 13 mountain and highland provinces (codes 04 08 12 14 15 19 20 25 51 52 66 68 and Điện Biên) 60 % of the communes (range 30-90 %), in the other provinces 10 % (range 0-30 %), wards and special zones none [A]. Which communes: the first ones in the order of the SHA-256 of their unit code, so deterministic, not geographic. For scale: 1,551 Region III communes nationally before the 2025 mergers, Điện Biên 94 of 129 then (docs/sources.md#S-AREA-3 [C]) and 38 of 45 now.",
    "Regional coefficient [A, range 0.1-0.7]: 0.7 for an especially difficult unit, 0.5 for the other units of a mountain province and for special zones (islands), 0.2 for other communes, 0.1 for other wards.",
    "Distance to the province seat [A, range 0-200 km]: wards 5 km, communes 30 km (mountain provinces 50, especially difficult 60), special zones 100 km; provinces 300 km from the centre (Hà Nội 0).",
    "Establishment 47 for every commune-level unit = 32 government + 15 Party posts, the base of the 2025 staffing norm (docs/sources.md#S-R25-16 [C]); the mountain top-up of 1 per 1,000 residents above 16,000 and the caps (50 government posts per commune, 70 per ward) are not applied for lack of populations [A, range 47-90].",
    "Province level: each province has the baseline's three agencies (party organisation, party propaganda, home affairs) as sub-units and its territorial titles; regional coefficient 0.5 in mountain provinces, 0.1 elsewhere [A].",
    "Rotation flows: the baseline's two-tier flows (its 1 Jul 2025 change) scaled from Điện Biên to the country [A]: central->province, sector->sector, province->commune and commune->province times the number of provinces; commune->commune times the number of commune-level units / 45. Every flow except central->province stays within the province (within_parent), as the province standing committee manages the commune and provincial titles.",
]


def slug(text):
    """ASCII slug: Vietnamese letters without diacritics, lower case, words joined by '-'."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out, dash = [], False
    for c in text.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def province_slug(name):
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return slug(name)


def merge_patch(target, patch):
    """RFC 7386 JSON Merge Patch (titles keyed by id, as in the scenario's changes)."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    if not isinstance(target, dict):
        target = {}
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        elif key == "titles" and isinstance(target.get(key), list):
            by_id = {t["id"]: t for t in target[key]}
            for tid, tpatch in value.items():
                merge_patch(by_id[tid], tpatch)
        else:
            target[key] = merge_patch(target.get(key), value)
    return target


def drop_district(node):
    """Remove the district level from level-keyed objects and level lists."""
    if isinstance(node, dict):
        if "district" in node and ("commune" in node or "province" in node):
            del node["district"]
        for key, value in list(node.items()):
            if key == "levels" and isinstance(value, list):
                node[key] = [v for v in value if v != "district"]
            else:
                drop_district(value)
    elif isinstance(node, list):
        for value in node:
            drop_district(value)
    return node


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_units(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    need = {"province_code", "province", "unit_code", "unit", "unit_type"}
    if not rows or not need <= set(rows[0]):
        sys.exit(f"{path}: expected the columns {', '.join(sorted(need))}")
    for i, r in enumerate(rows, start=2):
        if r["unit_type"] not in UNIT_TYPES:
            sys.exit(f"{path}:{i}: unit_type {r['unit_type']!r} is not one of {', '.join(UNIT_TYPES)}")
    rows.sort(key=lambda r: (r["province_code"], r["unit_code"]))
    return rows


def base_code(code):
    """The CSV's province code of a province or of one of its benchmark copies (\"11~2\")."""
    return code.split("~")[0]


def select_provinces(rows, k):
    """The rows of the first k provinces in code order; beyond the CSV's provinces, copies of
    them in the same order with the copy number in the codes and names (benchmarks only)."""
    if k <= 0:
        return rows
    codes = sorted({r["province_code"] for r in rows})
    out = []
    for i in range(k):
        code, copy_no = codes[i % len(codes)], i // len(codes)
        for r in rows:
            if r["province_code"] != code:
                continue
            r = dict(r)
            if copy_no:
                r["province_code"] = f"{code}~{copy_no + 1}"
                r["province"] = f"{r['province']} {copy_no + 1}"
                r["unit_code"] = f"{r['unit_code']}~{copy_no + 1}"
            out.append(r)
    out.sort(key=lambda r: (r["province_code"], r["unit_code"]))
    return out


def national_staffing(staffing, titles, assumptions):
    """The staffing section of the new units: the baseline's rates, with the establishment, the
    quota and a start above the establishment that belong to the merged units of 2025."""
    posts = sum(t.get("posts_per_unit", 1) for t in titles if t.get("sectors") == ["commune-2025"])
    quota = ESTABLISHMENT - posts
    r = STAFF_RATIO
    at_mean = (posts + r["mean"] * quota) / ESTABLISHMENT
    # Share of units starting below the establishment with every post held: ratio < 1 under the
    # truncated normal.
    def cdf(x):
        return 0.5 * (1 + math.erf((x - r["mean"]) / (r["sd"] * math.sqrt(2))))
    below = (cdf(1.0) - cdf(r["min"])) / (cdf(r["max"]) - cdf(r["min"]))
    lo, hi = STAFF_RATIO_MEAN_RANGE
    staffing["$comment"] = [
        "Non-leadership civil servants of each commune-level unit as an aggregate stock (docs/model.md "
        "§ Staffing): headcount = held posts + staff, short of or above the establishment.",
        f"Establishment {ESTABLISHMENT} a unit (the scenario's rules above); the c25-* titles hold {posts} "
        f"posts a unit, so the non-leadership quota is {quota}.",
        f"Start [A]: staff = ratio x quota on {START}, ratio normal {r['mean']} ± {r['sd']} in "
        f"[{r['min']}, {r['max']}]. The 2025 mergers left most new units above their establishment, the "
        "surplus to be cut within 5 years, and some below it: Điện Biên's new communes held 60-80 staff "
        "against a base norm of 47 (docs/sources.md#S-R25-16 [C]), 79 a unit by its June 2025 plan "
        "(S-R25-6 [C]); in Đà Nẵng 67 units held 741 more than their quota while 25 lacked 154, and in "
        f"Lâm Đồng 52 units were short (S-R25-13 [C]). At the mean a unit starts at {at_mean:.2f} times "
        f"its establishment with every post held, and {below:.0%} of the units below it. Range of the mean "
        f"{lo}-{hi} (sampled by --assumptions): {lo} is no merger surplus; Điện Biên's reported headcounts "
        f"would be {(60 - posts) / quota:.1f}-{(80 - posts) / quota:.1f} against the base norm, which leaves "
        "out its mountain top-up.",
        f"Exits {staffing.get('exit_rate_per_year'):g} a year, recruitment of "
        f"{staffing.get('recruitment_share_of_gap_per_year'):g} of the gap a year, "
        f"{staffing.get('redeployment_share_of_surplus_per_year'):g} of a surplus redeployed a year between "
        f"the units of a province, hiring freeze {str(staffing.get('hiring_freeze', False)).lower()}, step "
        f"on {staffing.get('step_date', '01-01')}: the baseline's values [A], with its ranges in the "
        "assumptions. The surplus is cut only by these exits and redeployments: the Decree 178 exit "
        "scheme closed on 31 Aug 2025, before the start (docs/sources.md#S-R25-7).",
    ]
    staffing["initial_ratio_by_level"] = {"commune": dict(r)}
    assumptions["/staffing/initial_ratio_by_level/commune/mean"] = {
        "min": lo, "max": hi,
        "note": f"Start of the non-leadership staff after the 2025 mergers, as a multiple of the quota "
                f"({lo}: no merger surplus; Điện Biên's reported headcounts above the range): "
                "docs/scenarios.md § The national scenario."}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", help="commune-level units (province_code, province, unit_code, unit, unit_type)")
    ap.add_argument("--baseline", default=os.path.join(here, "..", "dien-bien", "baseline.json"),
                    help="scenario whose mechanism sections and titles are used (default: the Điện Biên baseline)")
    ap.add_argument("--out", "-o", default="-", help="output file (default: standard output)")
    ap.add_argument("--provinces", type=int, default=0,
                    help="for scaling benchmarks (bench/scaling.sh): only the first K provinces in "
                         "code order; K above the CSV's count repeats them as numbered copies "
                         "(default: every province once)")
    args = ap.parse_args()

    rows = select_provinces(read_units(args.csv), args.provinces)
    with open(args.baseline, encoding="utf-8") as f:
        base = json.load(f)

    # The baseline's rules as of the start: every dated change up to then applied.
    rules = copy.deepcopy(base)
    for change in rules.get("changes", []):
        if change["date"] <= START:
            merge_patch(rules, change["patch"])
    later = [c for c in rules.get("changes", []) if c["date"] > START]

    # Provinces.
    provinces = {}
    for r in rows:
        p = provinces.setdefault(r["province_code"], {"name": r["province"], "units": []})
        if p["name"] != r["province"]:
            sys.exit(f"province code {r['province_code']} has two names")
        p["units"].append(r)
    n_prov = len(provinces)
    n_units = len(rows)

    # Units.
    base_province = next(u for u in base["units"] if u["level"] == "province" and u.get("parent") == "centre")
    agencies = [u for u in base["units"] if u["level"] == "province" and u.get("parent") == base_province["id"]]
    centre = next(u for u in base["units"] if u["level"] == "central")
    units = [copy.deepcopy(centre)]
    pslugs = set()
    counts = {"ward": 0, "commune": 0, "special_zone": 0, "ed": 0}
    for code in sorted(provinces):
        p = provinces[code]
        ps = province_slug(p["name"])
        if ps in pslugs:
            ps = f"{ps}-{code}"
        pslugs.add(ps)
        mountain = base_code(code) in MOUNTAIN_PROVINCES
        units.append({"id": ps, "name": p["name"], "level": "province", "parent": centre["id"],
                      "regional_coefficient": 0.5 if mountain else 0.1,
                      "distance_km": 0 if ps == "ha-noi" else PROVINCE_DISTANCE_KM})
        for a in agencies:
            units.append({"id": ps + a["id"][len(base_province["id"]):], "name": a["name"],
                          "level": "province", "parent": ps, "sector": a["sector"],
                          "regional_coefficient": 0.5 if mountain else 0.1, "distance_km": 1})
        # Especially difficult communes.
        communes = [r for r in p["units"] if r["unit_type"] == "commune"]
        if base_code(code) in KNOWN_NOT_ED:
            ed = {r["unit_code"] for r in communes if r["unit"] not in KNOWN_NOT_ED[base_code(code)]}
        else:
            share = ED_SHARE_MOUNTAIN if mountain else ED_SHARE_OTHER
            order = sorted(communes, key=lambda r: hashlib.sha256(r["unit_code"].encode()).hexdigest())
            ed = {r["unit_code"] for r in order[:round(share * len(communes))]}
        seen = {}
        for r in p["units"]:
            seen.setdefault(slug(r["unit"]), []).append(r["unit_code"])
        for r in p["units"]:
            s = slug(r["unit"])
            uid = f"{ps}-{s}" if len(seen[s]) == 1 else f"{ps}-{s}-{r['unit_code']}"
            kind = r["unit_type"]
            is_ed = r["unit_code"] in ed
            counts[kind] += 1
            counts["ed"] += is_ed
            if is_ed:
                coef, dist = 0.7, 60
            elif kind == "special_zone":
                coef, dist = 0.5, 100
            elif kind == "ward":
                coef, dist = (0.5 if mountain else 0.1), 5
            else:
                coef, dist = (0.5 if mountain else 0.2), (50 if mountain else 30)
            units.append({"id": uid, "name": f"{r['unit']} ({UNIT_TYPES[kind]})", "level": "commune",
                          "parent": ps, "sector": "commune-2025", "regional_coefficient": coef,
                          "especially_difficult": is_ed, "distance_km": dist,
                          "establishment": ESTABLISHMENT})
    ids = [u["id"] for u in units]
    if len(set(ids)) != len(ids):
        sys.exit("generated unit ids are not unique")

    # Titles: central, province and the 2025 commune's (c25-*); feeds to dropped titles removed.
    kept = [copy.deepcopy(t) for t in rules["titles"]
            if t["level"] in ("central", "province") or t.get("sectors") == ["commune-2025"]]
    kept_ids = {t["id"] for t in kept}
    for t in kept:
        t["feeds"] = [f for f in t.get("feeds", []) if f in kept_ids]
        if t["id"] == "central-official":
            t["posts_per_unit"] = CENTRAL_OFFICIAL_POSTS
            t["$comment"] = (t.get("$comment", "") + f" National scenario: {CENTRAL_OFFICIAL_POSTS} posts "
                             "[A], a small pool for the non-native provincial posts and the central->province flow.").strip()

    tiers = []
    for tier in rules.get("managing_tiers", []):
        if tier["level"] == "district":
            continue
        tier = copy.deepcopy(tier)
        tier["titles"] = [t for t in tier["titles"] if t in kept_ids]
        tiers.append(tier)

    # Population: synthesised on the start date; commune age rules carried to the c25 titles.
    pop = copy.deepcopy(rules["population"])
    pop["$comment"] = ("Synthesis of the cadres in post on " + START + " from the baseline's "
                       "distributions (all [A] unless a section is cited); no named cadres, no roster.")
    pop["named_cadres"] = []
    pop.pop("roster", None)
    # Every synthesised holder is in a first term: the posts of the new communes and of the merged
    # provinces date from 1 Jul 2025, and a post taken counts its terms from 1 (the baseline's
    # placements on that day do the same, docs/model.md § Structural events) [A].
    pop["second_term_share"] = 0
    pop["$comment"] += (" No holder starts in a consecutive second term (second_term_share 0, the "
                        "baseline's 0.4 being a steady state of the old posts): the 2025 reform made the "
                        "posts new on 1 Jul 2025 and a post taken counts its terms from 1 [A].")
    by_title = pop.get("age_years_by_title", {})
    carry = {"commune-party-secretary": "c25-party-secretary", "commune-pc-chair": "c25-pc-chair",
             "commune-deputy-secretary": "c25-standing-deputy-secretary"}
    for old, new in carry.items():
        if old in by_title and new not in by_title:
            by_title[new] = by_title[old]
    pop["age_years_by_title"] = {k: v for k, v in by_title.items() if k == "$comment" or k in kept_ids}

    # Rotation: the dated two-tier flows, scaled and kept within the province.
    rot = copy.deepcopy(rules["rotation"])
    rot["$comment"] = (rot.get("$comment", []) if isinstance(rot.get("$comment"), list) else [rot.get("$comment", "")]) + [
        "National scenario: " + RULES[-1]]
    rot["extra_plan_dates"] = [d for d in rot.get("extra_plan_dates", []) if d >= START]
    flows = []
    for f in rot["flows"]:
        f = copy.deepcopy(f)
        between_communes = f["from_level"] == f["to_level"] == "commune"
        scale = n_units / 45.0 if between_communes else float(n_prov)
        if "count_per_year" in f:
            per = "the commune-level units / 45" if between_communes else "the provinces"
            note = (f"National scenario: {f['count_per_year']:g} a year in Điện Biên x {scale:g} ({per}); "
                    "a quota, which the fresh plan of the synthetic start can fill in the first years "
                    "more than the rules sustain later (docs/scenarios.md § The national scenario).")
            f["$comment"] = (f.get("$comment", "") + " " + note).strip()
            f["count_per_year"] = round(f["count_per_year"] * scale, 4)
        if f["from_level"] != "central":
            f["within_parent"] = True
        flows.append(f)
    rot["flows"] = flows

    assumptions = copy.deepcopy(rules.get("assumptions", {}))
    for key in [k for k in assumptions if k.startswith("/structure/")]:
        del assumptions[key]
    assumptions["$comment"] = (assumptions.get("$comment", "") + " National scenario: the unit-level "
                               "assumptions (especially difficult share, regional coefficient, distance, establishment) "
                               "are per-unit booleans or values of 3,000+ units, not one number, so they are not sampled; "
                               "their rules and ranges: " + " ".join(RULES[1:5])).strip()

    out = {
        "$schema": "../schema/scenario.schema.json",
        "$comment": [
            "Generated file, do not edit: python3 scenarios/national/generate.py "
            f"<path to>/{os.path.basename(args.csv)} --out <this file>, from the input file "
            f"{os.path.basename(args.csv)} ({n_units} rows, SHA-256 {sha256_file(args.csv)}) and "
            f"the baseline scenarios/dien-bien/baseline.json (SHA-256 {sha256_file(args.baseline)}). "
            "Rules and assumptions: docs/scenarios.md § The national scenario.",
            f"National two-tier structure from {START} to {END}: 1 central unit, {n_prov} provinces, "
            f"{n_units} commune-level units ({counts['commune']} communes, {counts['ward']} wards, "
            f"{counts['special_zone']} special zones; {counts['ed']} especially difficult). No district level. "
            "Titles, managing tiers and mechanism sections: the Điện Biên baseline's, with its rule changes dated up "
            "to the start in force (two-tier rotation flows, QĐ 377 planning age, Kết luận 201 non-native provincial chairs).",
        ] + RULES,
        "name": "national-two-tier-2026",
        "description": (f"Viet Nam {START[:4]}-{END[:4]} on the two-tier structure: {n_prov} provinces and "
                        f"{n_units} commune-level units, generic titles and the Điện Biên baseline's national rules; "
                        "initial state synthesised."),
        "levels": [lv for lv in rules["levels"] if lv["id"] != "district"],
        "calendar": {
            "$comment": "Party congresses: communes mid-2030 (1 Jul here), provinces Oct 2030 (15 Oct here), 5 years "
                        "after those of 2025 (docs/sources.md#S-TERM-1 [C]; days [A]). State elections of 15 Mar 2026 "
                        "for the 2026-2031 councils (docs/sources.md#S-R25-10 [C]).",
            "start": START,
            "end": END,
            "party_congresses": [{"date": "2030-07-01", "levels": ["commune"]},
                                 {"date": "2030-10-15", "levels": ["province"]}],
            "state_elections": [{"date": "2026-03-15", "levels": ["province", "commune"]}],
        },
        "units": units,
        "titles": kept,
        "managing_tiers": tiers,
        "population": pop,
        "script": [],
    }
    for section in ("retirement", "attrition", "recruitment", "succession", "terms", "appointment"):
        out[section] = copy.deepcopy(rules[section])
    out["rotation"] = rot
    for section in ("income", "reluctance", "adaptation", "evaluation", "support", "staffing"):
        if section in rules:
            out[section] = copy.deepcopy(rules[section])
    if "staffing" in out:
        national_staffing(out["staffing"], kept, assumptions)
    cutoffs = out["terms"].get("age_cutoffs")
    if cutoffs is not None:
        out["terms"]["age_cutoffs"] = [c for c in cutoffs if c.get("until", "9999") > START]
    if later:
        out["changes"] = later
    out["assumptions"] = assumptions
    drop_district(out)

    text = json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
