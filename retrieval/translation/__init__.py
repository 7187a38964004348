"""Dictionary-based query translation: a question's words searched in the other languages.

``TranslationTable`` (``table``) is built once per index from the dictionaries' word pairs
(``lexicon``: CC-CEDICT read by ``cedict`` and cleaned by ``glosses``, the hand-edited
``glossary`` files) and gives, for a question's words, the groups of index terms of their
translations to score as one term.
"""

from retrieval.translation.lexicon import WordPair, default_pairs
from retrieval.translation.table import Translation, TranslationTable

__all__ = ["Translation", "TranslationTable", "WordPair", "default_pairs"]
