"""A non-editable install (a wheel) carries the built-in rule packs inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from budgetlint.engine.pack import load_rules

from conftest import ROOT


def test_wheel_ships_the_rule_packs_and_finds_them(tmp_path):
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("budgetlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for pack in (ROOT / "rules").glob("*.yaml"):
        assert f"budgetlint/rules/{pack.name}" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); "
             "from budgetlint.engine.pack import builtin_rules_dir, load_rules; "
             "print(builtin_rules_dir()); print(len(load_rules().rules))")
    out = subprocess.run([sys.executable, "-I", "-c", probe, str(target)], capture_output=True, text=True,
                         cwd=tmp_path, check=True).stdout.split()
    assert out[0] == str(target / "budgetlint" / "rules")
    assert int(out[1]) == len(load_rules().rules)
