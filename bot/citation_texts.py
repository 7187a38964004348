"""The fixed words of the citation line under a quote and of the citation to paste: who said it,
the page, the other languages and copies, in one place (`bot.citations` lays them out)."""

from __future__ import annotations

from bot.translations import Counted, Sentence

# Spaces before numbers are non-breaking: "p. 4" never wraps apart.
SAID_BY = Sentence("citations.said_by", "said by {speaker}")
PAGE = Sentence("citations.page", "p.\u00a0{page}")
PASTED_PAGE = Sentence("citations.pasted_page", "p. {page}")
PASTED_PARAGRAPH = Sentence("citations.pasted_paragraph", "para. {paragraph}")
UNTITLED = Sentence("citations.untitled", "untitled")
UNKNOWN_SOURCE = Sentence("citations.unknown_source", "unknown source")
# A page the loader read as word-scrambled SEO spam: its words are verbatim, their order is not
# the publisher's, so the reader must not take the quote as a statement.
SCRAMBLED = Sentence(
    "citations.scrambled", "\u26a0\ufe0f scrambled copy: word order not the original"
)
ANOTHER_DOCUMENT = Sentence("citations.another_document", "another document")
# Between the names of a list ("German, Chinese"); Chinese lists take "、".
LIST_SEPARATOR = Sentence("citations.list_separator", ", ")
ALSO_IN = Sentence("citations.also_in", "also in {languages}")
ORIGINAL = Sentence("citations.original", "{language} (original)")
ALSO_PUBLISHED_BY = Sentence("citations.also_published_by", "also published by {names}")
AND_MORE = Sentence("citations.and_more", "{names} and {count} more")
ALSO_PUBLISHED_ELSEWHERE = Counted(
    "citations.also_published_elsewhere",
    "also published by {count} other document",
    plural="also published by {count} other documents",
)
