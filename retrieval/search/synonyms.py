"""Same meaning, other words: the synonym file applied to a question as a structured query.

Users write words the documents do not ("rules" for "regulations", "firms" for "enterprises").
``retrieval/data/synonyms.txt`` (edited by hand) lists concept groups in Solr's synonym format, so
that a search server reads it as it is: ``a, b, c`` are equivalent; ``a, b => c`` searches for
``c`` (and the words written) where a question writes ``a`` or ``b``; ``#`` starts a comment.

A question's words (and runs of them, longest first: "come into force") that a group's phrase
matches, by any of their stems, become one group of alternatives; when the dictionary knows both
words, only if they have one base form (the verb "leitete" shares the stem "leit" with the noun
"Leiter" but is no "Direktor"). The searcher scores the group as
ONE term (``BM25Index.group_matches``: frequencies summed, document frequency of the union), so a
synonym never outweighs the word itself and a group of many words does not outweigh a precise
one. Each alternative is resolved against the index once, when the table is built, the way the
question's own words are: each of its words by the first of its stems the index knows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from retrieval.index import BM25Index
from retrieval.models import Expansion
from retrieval.scripts import has_han
from retrieval.search.query_words import ResolvedWord
from retrieval.tokenize import QueryTerm, Tokenizer

SYNONYMS_FILE = Path(__file__).parents[1] / "data" / "synonyms.txt"

_SPLIT_COMMA = re.compile(r"(?<!\\),")
# A section header, a comment to Solr: "# ==== German (de) ====". The rules below it apply to
# questions in that language only ("plant" is a factory in English, "plans" in German).
_SECTION = re.compile(r"#\s*=+\s*[^(=]*\((\w+)\)\s*=+")


@dataclass(frozen=True)
class SynonymRule:
    """One line of the file: the phrases that trigger it and the phrases searched for."""

    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    language: str | None = None  # from the section header above it; None: any language


@dataclass
class FoundSynonyms:
    """A question's words after the synonym step, with the groups found."""

    words: list[ResolvedWord]  # weights of a matched run moved to its first word
    groups: dict[int, tuple[tuple[str, ...], ...]]  # word position -> alternatives
    # For each run of words with synonyms: the run as written, and each synonym added with
    # its index terms.
    added: list[tuple[str, list[tuple[tuple[str, ...], str]]]]
    # The words a matched run carries on its first word (weighing nothing of their own): still
    # words of the question, for the dictionaries ("foreign trade" is 外贸).
    carried: set[int] = field(default_factory=set)

    def used(self, terms: Collection[str]) -> list[Expansion]:
        """The synonyms whose terms are all among ``terms`` (those of the passages returned):
        what the answer used, as the response reports it."""
        return used_alternatives(self.added, terms)

    @property
    def reported_terms(self) -> set[str]:
        """The index terms ``used`` looks for among those of the passages returned."""
        return alternative_terms(self.added)


@dataclass(frozen=True)
class _Match:
    """How many question words a rule phrase spans, and the alternatives it brings: each as
    its index terms, with the phrase as the file writes it."""

    length: int
    outputs: tuple[tuple[tuple[str, ...], str], ...]


def used_alternatives(
    added: Sequence[tuple[str, Sequence[tuple[tuple[str, ...], str]]]], terms: Collection[str]
) -> list[Expansion]:
    """Of the alternatives searched for each run of question words (``added``: the run as
    written, each alternative's index terms and its written form), those whose terms are all
    among ``terms``: what the passages returned matched, to report."""
    present = set(terms)
    found = []
    for original, phrases in added:
        shown = [phrase for members, phrase in phrases if set(members) <= present]
        if shown:
            found.append(Expansion(original=original, added=list(dict.fromkeys(shown))))
    return found


def alternative_terms(
    added: Sequence[tuple[str, Sequence[tuple[tuple[str, ...], str]]]],
) -> set[str]:
    """Every index term of the alternatives in ``added`` (see ``used_alternatives``)."""
    return {term for _, phrases in added for members, _ in phrases for term in members}


def parse_solr_synonyms(text: str) -> list[SynonymRule]:
    """The rules of a file in Solr's synonym format (blank lines and comments skipped)."""
    rules = []
    language: str | None = None
    for line in text.splitlines():
        section = _SECTION.match(line)
        if section:
            language = section.group(1)
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, arrow, right = line.partition("=>")
        inputs = _phrases(left)
        if arrow:
            outputs = _phrases(right)
            if inputs and outputs:
                rules.append(SynonymRule(inputs, outputs, language))
        elif len(inputs) > 1:
            rules.append(SynonymRule(inputs, inputs, language))
    return rules


def read_synonyms(path: Path = SYNONYMS_FILE) -> list[SynonymRule]:
    """The rules of the editable synonym file."""
    return parse_solr_synonyms(path.read_text(encoding="utf-8"))


def _phrases(part: str) -> tuple[str, ...]:
    phrases = (p.replace("\\,", ",").strip() for p in _SPLIT_COMMA.split(part))
    return tuple(dict.fromkeys(" ".join(p.split()) for p in phrases if p.strip()))


class SynonymTable:
    """The rules resolved against one index: what each phrase matches and searches for."""

    def __init__(self, rules: Sequence[SynonymRule], tokenizer: Tokenizer, index: BM25Index):
        # A phrase's words as the question writes them (their candidate stems), and the index
        # terms to search for when it is an alternative; built whole before the table is used.
        triggers: dict[str, list[tuple[tuple[frozenset[str], ...], tuple[str | None, ...], int]]]
        triggers = {}
        resolved: list[tuple[tuple[tuple[str, ...], str], ...]] = []
        for number, rule in enumerate(rules):
            for phrase in rule.inputs:
                words = _phrase_words(phrase, rule.language, tokenizer)
                key = tuple(forms for forms, _ in words)
                bases = tuple(base for _, base in words)
                for candidate in key[0] if key else ():
                    triggers.setdefault(candidate, []).append((key, bases, number))
            outputs = []
            for phrase in dict.fromkeys([*rule.outputs, *rule.inputs]):
                terms = [
                    next((c for c in forms if c in index), None)
                    for forms in _phrase_key(phrase, rule.language, tokenizer)
                ]
                if terms and None not in terms:
                    outputs.append((tuple(t for t in terms if t is not None), phrase))
            resolved.append(tuple(outputs))
        for entries in triggers.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # longest phrase first
        self._triggers = triggers
        self._outputs = resolved
        self._languages = [rule.language for rule in rules]
        self._tokenizer = tokenizer
        self._index = index

    def apply(
        self,
        words: Sequence[ResolvedWord],
        naming: Collection[int],
        language: str | None,
        question: str = "",
    ) -> FoundSynonyms:
        """The synonym groups of a question's words: for each word (or the first of a run of
        words, "come into force") a rule matches, the alternatives to score with it as one
        term. The words naming people and the acronyms the corpus writes (found in capitals
        only, by ``acronyms``) are left as they are; so are words weighing nothing. Only the
        rules of the question's ``language`` apply (all when it does not tell)."""
        eligible = [
            i
            for i, w in enumerate(words)
            if w.weight > 0 and i not in naming and not (w.acronym and w.term is not None)
        ]
        found = FoundSynonyms(list(words), {}, [])
        position = 0
        while position < len(eligible):
            run = [words[i].query for i in eligible[position:]]
            match = self._match_at(run, language)
            if match is None:
                position += 1
                continue
            first = eligible[position]
            covered = eligible[position : position + match.length]
            own = tuple(t for t in (found.words[i].term for i in covered) if t is not None)
            members = tuple(dict.fromkeys([own, *(terms for terms, _ in match.outputs)]))
            members = tuple(m for m in members if m)
            found.groups[first] = members
            added = [(terms, phrase) for terms, phrase in match.outputs if terms != own]
            if added:
                surface = _written(question, [words[i].query.surface for i in covered])
                found.added.append((surface, added))
            # The run weighs as its group, one term, does, but never more than its own words: a
            # synonym the corpus holds does not make a common word the question wrote telling.
            # The first word carries the run's weight, the others are part of it.
            weight = sum(found.words[i].weight for i in covered)
            group_idf = self._index.group_idf(members)
            if group_idf > 0:
                weight = min(weight, group_idf)
            for i in covered:
                word = found.words[i]
                share = max(weight, 1e-6) if i == first else 0.0
                found.words[i] = replace(word, weight=share)
            found.carried.update(covered[1:])
            position += match.length
        return found

    def _forms(self, word: QueryTerm, language: str | None) -> frozenset[str]:
        """The forms a question word takes in a rule's language: its stem there and itself
        (an English "plant" is never the German "planen"'s "plan"); every candidate for a
        rule of no stated language and for Chinese."""
        if language is None or language == "zh" or has_han(word.surface):
            return frozenset(word.candidates)
        return frozenset({*self._tokenizer.tokenize(word.surface, language), *word.candidates[-1:]})

    def _same_word(self, word: QueryTerm, base: str | None, language: str | None) -> bool:
        """Whether a question word is a rule word whose stem it shares, not another word of that
        stem: the same base form when the dictionary knows both ("leitete" is "leiten", not the
        rule's "Leiter", though both stem to "leit"); any when it does not (or for Chinese)."""
        if base is None or language is None or language == "zh" or has_han(word.surface):
            return True
        own = self._tokenizer.base_form(word.surface, language)
        return own is None or own == base

    def _match_at(self, words: Sequence[QueryTerm], language: str | None) -> _Match | None:
        """The longest rule phrase the words starting ``words`` spell (every rule of that
        length matching them, in ``language`` or any when None), or None."""
        length = 0
        numbers: list[int] = []
        for candidate in words[0].candidates:
            for key, key_bases, number in self._triggers.get(candidate, ()):
                if len(key) > len(words) or len(key) < length or number in numbers:
                    continue
                if language is not None and self._languages[number] not in (None, language):
                    continue
                rule_language = self._languages[number]
                if all(
                    key[j] & self._forms(words[j], rule_language)
                    and self._same_word(words[j], key_bases[j], rule_language)
                    for j in range(len(key))
                ):
                    if len(key) > length:
                        length, numbers = len(key), []
                    numbers.append(number)
        outputs = [output for number in numbers for output in self._outputs[number]]
        if not outputs:
            return None
        return _Match(length, tuple(dict.fromkeys(outputs)))


def _written(question: str, surfaces: Sequence[str]) -> str:
    """The stretch of ``question`` from the first to the last of ``surfaces`` as written
    ("come into force", stopwords included), or the surfaces joined when it cannot be found."""
    start = question.find(surfaces[0])
    end = question.find(surfaces[-1], start + len(surfaces[0]) if len(surfaces) > 1 else start)
    if start < 0 or end < 0:
        return " ".join(surfaces)
    return question[start : end + len(surfaces[-1])]


def _phrase_key(
    phrase: str, language: str | None, tokenizer: Tokenizer
) -> tuple[frozenset[str], ...]:
    """The forms each content word of a rule's phrase may take in a question: its stem in the
    rule's language (a German rule's "plant" is "planen", never the English factory), or, for
    a rule of no stated language and for Chinese, every form a question word would get."""
    return tuple(forms for forms, _ in _phrase_words(phrase, language, tokenizer))


def _phrase_words(
    phrase: str, language: str | None, tokenizer: Tokenizer
) -> list[tuple[frozenset[str], str | None]]:
    """Each content word of a rule's phrase: its forms (see ``_phrase_key``) and its base form
    in the rule's language (None: the dictionary does not know it, or no language applies)."""
    words = [t for t in tokenizer.query_terms(phrase) if not t.stopword and not t.optional]
    if language is None or language == "zh" or any(has_han(w.surface) for w in words):
        return [(frozenset(w.candidates), None) for w in words]
    found = []
    for word in words:
        own = tokenizer.own_terms(word.surface, language)
        if own:
            found.append((frozenset(own), tokenizer.base_form(word.surface, language)))
    return found
