"""pyproject.toml uses the metadata forms current setuptools takes without deprecation warnings.

Checked on the file, not by building: the venv's setuptools is older than the one the build
requires, and a build in isolation would download one (tests never download)."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_license_is_an_spdx_string_and_the_build_requires_setuptools_77() -> None:
    """`project.license` is a string (the deprecated table form is not), and the build asks
    for setuptools >= 77, the first to read it as an SPDX expression."""
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))
    assert isinstance(project["project"]["license"], str)
    assert "setuptools>=77" in project["build-system"]["requires"]
