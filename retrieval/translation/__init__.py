"""Dictionary-based query translation: a question's words searched in the other languages.

``TranslationTable`` (``table``) is built once per index from the dictionaries' word pairs
(``lexicon``: CC-CEDICT read by ``cedict`` and cleaned by ``glosses``, the hand-edited
``glossary`` files), resolved against the index (``resolved``, ``chinese_terms``), and gives,
for a question's words, the groups of index terms of their translations to score as one term.
"""

from retrieval.translation.lexicon import Lexicon, WordPair, default_lexicon, default_pairs
from retrieval.translation.table import Translation, TranslationTable

__all__ = [
    "Lexicon",
    "Translation",
    "TranslationTable",
    "WordPair",
    "default_lexicon",
    "default_pairs",
]
