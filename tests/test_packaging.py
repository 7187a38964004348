"""The package metadata installs without setuptools' deprecation warnings."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_license_is_an_spdx_expression() -> None:
    """`project.license` is an SPDX string (the table form is deprecated), setuptools >= 77."""
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))
    assert isinstance(project["project"]["license"], str)
    assert "setuptools>=77" in project["build-system"]["requires"]
