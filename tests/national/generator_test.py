#!/usr/bin/env python3
"""CTest: scenarios/national/generate.py on a 2-province x 3-unit fixture.

Checks that the generator is deterministic (two runs give the same bytes), that its output
equals the committed expected file, and, given the cadresim binary, that the output validates.
Usage: generator_test.py SOURCE_DIR [CADRESIM]. When the generator or the Điện Biên baseline
changes on purpose, regenerate the expected file (the command is printed on a mismatch).
"""
import os
import subprocess
import sys
import tempfile


def main():
    src = sys.argv[1]
    cadresim = sys.argv[2] if len(sys.argv) > 2 else None
    gen = os.path.join(src, "scenarios", "national", "generate.py")
    csv = os.path.join(src, "tests", "data", "national-mini.csv")
    expected = os.path.join(src, "tests", "data", "national-mini.json")
    with tempfile.TemporaryDirectory() as tmp:
        outs = []
        for i in range(2):
            out = os.path.join(tmp, f"mini-{i}.json")
            subprocess.run([sys.executable, gen, csv, "--out", out], check=True)
            with open(out, "rb") as f:
                outs.append(f.read())
        if outs[0] != outs[1]:
            print("FAIL: two runs of the generator differ")
            return 1
        with open(expected, "rb") as f:
            if f.read() != outs[0]:
                print("FAIL: generated output differs from tests/data/national-mini.json; if intended, run\n"
                      "  python3 scenarios/national/generate.py tests/data/national-mini.csv "
                      "--out tests/data/national-mini.json")
                return 1
        if cadresim:
            r = subprocess.run([cadresim, "validate", out], capture_output=True, text=True)
            if r.returncode != 0:
                print("FAIL: the generated scenario does not validate\n" + r.stdout + r.stderr)
                return 1
            print(r.stdout.strip())
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
