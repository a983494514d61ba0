"""Fixtures for the robustness suite (helpers live in _robust.py)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh SQLite file per test (the tests need several connections and processes)."""
    return tmp_path / "claims.db"


@pytest.fixture(autouse=True)
def _fresh_engines():
    """Engines are cached per URL per process; a test must not see another test's engine."""
    yield
    from db.engine import dispose_all

    dispose_all()
