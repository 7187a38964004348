"""Links pasted into a question: an address is where something is, not what is asked.

"GDP https://example.org/report 2024" asks about GDP in 2024; the address's words ("https",
"example", "report") are not words the corpus should be made to hold. A Markdown link keeps its
text ("[the report](https://...)" reads "the report").
"""

from __future__ import annotations

import re

_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?(?:https?://|www\.)[^)\s]*>?\s*\)")
_ADDRESS = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?", re.IGNORECASE)


def without_links(question: str) -> str:
    """``question`` with its web addresses taken out (a Markdown link keeps its text)."""
    return _ADDRESS.sub(" ", _MARKDOWN_LINK.sub(r"\1", question))
