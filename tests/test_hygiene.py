"""Import hygiene: the domain (claims/, db/) never imports the UI (textual, tui), checked in a
fresh interpreter (harlequin's tests/unit_tests/test_import_hygiene.py does the same)."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ("textual", "tui")

PROBE = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    import claims, db
    names = ["claims.cli", "claims.validate"]
    for package in (claims, db):
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
                  if not m.name.startswith("db.migrations") and not m.name.endswith("__main__")]
    for name in names:
        importlib.import_module(name)
    from claims.cli import main
    try:
        main(["--help"])
    except SystemExit:
        pass
    ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tui"))
    print(json.dumps({"imported": names, "ui": ui}))
""")


def test_domain_imports_no_ui_modules():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert {"claims.cli", "claims.validate", "db.engine", "db.models", "db.queries", "db.writes",
            "db.migrate"} <= set(report["imported"])
    assert report["ui"] == [], f"importing the domain pulled in the UI: {report['ui']}"


def _module_level_imports(path: Path) -> set[str]:
    """Top-level names imported by a module outside function bodies (a command may import the UI lazily)."""
    found: set[str] = set()

    def visit(node, in_function: bool):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if not nested and isinstance(child, ast.Import):
                found.update(alias.name.split(".")[0] for alias in child.names)
            elif not nested and isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.add(child.module.split(".")[0])
            visit(child, nested)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_no_domain_module_imports_the_ui_at_import_time():
    offenders = {}
    for package in ("claims", "db"):
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = _module_level_imports(path) & set(UI)
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}
