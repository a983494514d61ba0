"""The entry points: `claims tui` exists with help, and the domain never imports textual."""
from __future__ import annotations

import subprocess
import sys


def test_domain_does_not_import_textual():
    code = ("import sys, claims.cli, claims.cli_tui, db.queries, db.writes, db.listing; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')); "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_claims_tui_has_help():
    from click.testing import CliRunner

    from claims.cli import cli

    result = CliRunner().invoke(cli, ["tui", "--help"])
    assert result.exit_code == 0
    assert "terminal UI" in result.output


def test_make_app_accepts_a_path_or_url(tmp_path):
    from db.engine import dispose_all
    from tui.app import ClaimsApp, make_app

    try:
        assert isinstance(make_app(str(tmp_path / "a.db")), ClaimsApp)
        assert isinstance(make_app(f"sqlite:///{tmp_path / 'b.db'}"), ClaimsApp)
    finally:
        dispose_all()
