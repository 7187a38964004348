"""Example questions, kept in a file a person can edit (bot/data/examples.toml)."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_EXAMPLES_FILE = Path(__file__).parent / "data" / "examples.toml"


@dataclass(frozen=True)
class Example:
    language: str
    question: str


def load_examples(path: Path = DEFAULT_EXAMPLES_FILE) -> list[Example]:
    """The example questions in `path`; an unreadable file is logged and gives none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        log.warning("example questions not loaded from %s: %s", path, error)
        return []
    examples: list[Example] = []
    for number, entry in enumerate(data.get("example", []), start=1):
        question = str(entry.get("question", "")).strip() if isinstance(entry, dict) else ""
        if not question:
            log.warning("example %d in %s has no question; skipped", number, path)
            continue
        examples.append(Example(str(entry.get("language", "en")).strip() or "en", question))
    return examples
