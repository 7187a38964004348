"""The officials directory: who is who in the corpus, found by general rules, not a list.

``OfficialsDirectory.from_corpus(corpus, overrides)`` extracts every official named in the
documents (names, titles in every language the corpus gives, documents, statements) and answers
tolerant lookups and autocomplete. See ``extract`` for the rules, ``build`` for how people are
merged across documents, ``directory`` for lookup, ``overrides`` for the person-editable file.
"""

from retrieval.officials.directory import OfficialsDirectory

__all__ = ["OfficialsDirectory"]
