"""What `pip install .` installs: every package of the source tree, so that an
installed budgetlint imports what the editable one does."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(("budgetlint",) + init.parent.relative_to(ROOT / "budgetlint").parts)
        for init in (ROOT / "budgetlint").rglob("__init__.py")
    }
    assert found <= listed, f"not installed by pip install .: {sorted(found - listed)}"
    assert {"budgetlint.rules", "budgetlint.grammars"} <= listed
