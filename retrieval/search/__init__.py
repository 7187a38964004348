"""Questions to ranked, cited passages: query words, spelling tolerance, BM25, a relevance floor.

One mechanism per module, in the order ``Searcher.search`` runs them:

- ``query_words``: the question's words as index terms with weights (``spelling`` corrects a
  word the corpus lacks, ``acronyms`` keeps "AI" apart from "Ai"; ``known_terms`` is the lookup);
- ``names``: the officials a question names (``OfficialNames``, used by the library) and the
  words of the question naming each (``find_people``), with their other spellings;
- ``acronyms``: acronyms spelled out ("KI": "Künstliche Intelligenz");
- ``question``: all of that as the question the searcher weighs, and which of its words each
  candidate passage's context holds (``context``: paragraph and title);
- ``answerability``: the relevance floor, whether a passage answers at all;
- ``ranking``: the order of those that do (``RankingWeights``);
- ``results``: passages as results, with the words that matched;
- ``lazy``: the tables built on first use, once and whole, across threads.
"""

from retrieval.search.acronyms import ABBREVIATIONS_FILE, read_abbreviations
from retrieval.search.answerability import (
    DEFAULT_MIN_COVERAGE,
    DEFAULT_MIN_TOPIC_COVERAGE,
    Floor,
    answerable,
)
from retrieval.search.names import PERSON_QUESTION_WORDS_FILE, NameMention, OfficialNames
from retrieval.search.ranking import RankingWeights
from retrieval.search.searchable import SearchableCorpus
from retrieval.search.searcher import MAX_QUERY_CHARS, Searcher
from retrieval.search.spelling import corrected_question

__all__ = [
    "ABBREVIATIONS_FILE",
    "DEFAULT_MIN_COVERAGE",
    "DEFAULT_MIN_TOPIC_COVERAGE",
    "MAX_QUERY_CHARS",
    "PERSON_QUESTION_WORDS_FILE",
    "Floor",
    "NameMention",
    "OfficialNames",
    "RankingWeights",
    "SearchableCorpus",
    "Searcher",
    "answerable",
    "corrected_question",
    "read_abbreviations",
]
