"""The officials directory: every official in the corpus, with tolerant lookup and autocomplete.

Lookup forgives case, accents, word order, spacing, typos and Chinese characters: "wang weizong",
"WANG Weizhong", "Weizhong Wang", "wangweizhong", "张劲松" and "Zhāng Jìnsōng" all find their
official. Names are compared in a compact form (letters only, folded), so spacing and order
stop mattering; rapidfuzz scores typos. When no name matches well, the query is tried as an
office ("governor", "商务厅厅长", see ``offices``), in any of the corpus's languages ("省长" and
"Gouverneur" find the "Governor of ..."): one clear holder is the answer, several are
suggestions; a good name match always wins over a title. Autocomplete is a binary search over
precomputed prefixes of names, then of title words, cheap enough to run on every keystroke.
"""

from __future__ import annotations

import bisect
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz, process

from retrieval.folding import compact
from retrieval.models import Candidate, Official, OfficialLookup
from retrieval.officials.build import build_officials
from retrieval.officials.offices import OfficeIndex
from retrieval.officials.overrides import load_overrides
from retrieval.officials.vocabulary import load_vocabulary
from retrieval.scripts import has_han

if TYPE_CHECKING:
    from retrieval.corpus import Corpus

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200  # longer input is cut: no name is that long, and fuzzy scoring stays fast
ACCEPT_SCORE = 85.0  # a typo-tolerant match is taken at this similarity (0-100) or above
MARGIN = 5.0  # ... and only when it beats the next official by this much
SUGGEST_SCORE = 60.0
MAX_SUGGESTIONS = 5
MAX_HOLDERS = 25  # holders of one office offered ("director"): what a Discord menu holds


ReadAs = Literal["name", "corrected", "office"]


@dataclass(frozen=True)
class _Key:
    text: str  # compact form: "wangweizhong", "weizhongwang", "张劲松"
    official: int  # index into the sorted officials
    rank: int  # 0: the name as written, 1: given name first, 2: an alias


def clean_query(text: str) -> str:
    """What lookup compares: at most MAX_QUERY_CHARS, no control characters."""
    text = unicodedata.normalize("NFKC", str(text))[:MAX_QUERY_CHARS]
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == " ")


def _query_forms(query: str) -> list[str]:
    """Compact forms of a query; Chinese characters are also tried as their pinyin."""
    forms = [compact(query)]
    if has_han(query):
        forms.append(compact("".join(lazy_pinyin(query, errors="ignore"))))
    return [form for form in dict.fromkeys(forms) if form]


class OfficialsDirectory:
    """The officials of a corpus: list, look up by any spelling, complete a prefix."""

    def __init__(self, officials: list[Official], warnings: list[str] | None = None) -> None:
        self._officials = sorted(officials, key=lambda o: (o.name.casefold(), o.name))
        self.warnings: list[str] = list(warnings or [])
        keys: list[_Key] = []
        for index, official in enumerate(self._officials):
            keys.extend(_keys_for(official, index))
        unique: dict[tuple[str, int], _Key] = {}
        for key in keys:
            existing = unique.get((key.text, key.official))
            if existing is None or key.rank < existing.rank:
                unique[(key.text, key.official)] = key
        self._keys = sorted(unique.values(), key=lambda k: (k.text, k.rank, k.official))
        self._key_texts = [k.text for k in self._keys]
        self._exact: dict[str, set[int]] = {}
        for key in self._keys:
            self._exact.setdefault(key.text, set()).add(key.official)
        self._tokens: dict[str, set[int]] = {}  # single name parts: "wang", "weizhong"
        for index, official in enumerate(self._officials):
            for part in official.name.split():
                self._tokens.setdefault(compact(part), set()).add(index)
        self._offices = OfficeIndex(self._officials)
        self._by_name = {official.name: official for official in self._officials}

    @classmethod
    def from_corpus(cls, corpus: Corpus, overrides: Path | None = None) -> OfficialsDirectory:
        """Extract the officials of a loaded corpus; ``overrides`` is an optional TOML file."""
        vocabulary = load_vocabulary()
        parsed, warnings = load_overrides(overrides) if overrides is not None else (None, [])
        officials, more = build_officials(corpus.documents, vocabulary, parsed)
        directory = cls(officials, warnings + more)
        log.info("Officials directory: %d officials", len(directory))
        return directory

    def __len__(self) -> int:
        return len(self._officials)

    def all(self) -> list[Official]:
        """Every official, sorted by name."""
        return list(self._officials)

    def lookup(self, name: str) -> OfficialLookup:
        """The official ``name`` means, or the closest names when it is unknown or ambiguous;
        ``read_as`` says whether it was read as a name, a corrected name or an office."""
        query = clean_query(name)
        forms = _query_forms(query)
        if not forms or not self._officials:
            return OfficialLookup(official=None, suggestions=[])
        for position, form in enumerate(forms):
            # The first form is the query as typed; the next, Chinese characters read as pinyin.
            read_as: ReadAs = "name" if position == 0 else "corrected"
            hits = self._exact.get(form, set())
            if len(hits) == 1:
                return self._found(next(iter(hits)), read_as)
            hits = self._tokens.get(form, set())
            if len(hits) == 1:  # "Xi", "Weizhong": one official alone has that name part
                return self._found(next(iter(hits)), read_as)
        scores = self._scores(forms)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if ranked and ranked[0][1] >= ACCEPT_SCORE:
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if ranked[0][1] - runner_up >= MARGIN:
                return self._found(ranked[0][0], "corrected")
        by_name = self._suggestions(query, forms, ranked)
        offices = self._offices.rank(query)
        holders = self._offices.suggest(offices)
        if self._matches_a_name(forms, ranked):  # "Wang": the Wangs, whatever titles say
            names = by_name + self._names(holders)
            read_as = "name"
        else:
            chosen = self._offices.choose(offices)
            if chosen is not None:  # "governor", "商务厅厅长": one official holds that office
                return self._found(chosen, "office")
            names = self._names(holders)[:MAX_HOLDERS] + by_name
            read_as = "office" if holders else "name"
        names = list(dict.fromkeys(names))
        if not names:
            return OfficialLookup(official=None, suggestions=[])
        matched_titles: dict[str, str] = {}
        for match in offices:
            matched_titles.setdefault(self._officials[match.official].name, match.title)
        return OfficialLookup(
            official=None,
            suggestions=names[:MAX_SUGGESTIONS],
            read_as=read_as,
            candidates=[self._candidate(name, matched_titles.get(name)) for name in names],
        )

    def _found(self, index: int, read_as: ReadAs) -> OfficialLookup:
        return OfficialLookup(official=self._officials[index], read_as=read_as)

    def _candidate(self, name: str, matched_title: str | None) -> Candidate:
        official = self._by_name[name]
        return Candidate(
            name=name,
            title=matched_title or official.main_title,
            chinese_name=official.chinese_name,
        )

    def _matches_a_name(self, forms: list[str], ranked: list[tuple[int, float]]) -> bool:
        """Whether the query reads as a name: a whole name or name part, the start of one, or a
        close spelling of one."""
        if ranked and ranked[0][1] >= ACCEPT_SCORE:
            return True
        return any(
            form in self._exact or form in self._tokens or self._prefix_names(form, 1)
            for form in forms
        )

    def _names(self, indices: list[int]) -> list[str]:
        return [self._officials[index].name for index in indices]

    def _suggestions(
        self, query: str, forms: list[str], ranked: list[tuple[int, float]]
    ) -> list[str]:
        """Closest names: sharing a name part first ("Albert Huang" -> the Huangs), then names
        the query starts, then the most similar spellings."""
        names: list[str] = []
        for part in query.split():
            for index in sorted(self._tokens.get(compact(part), ())):
                names.append(self._officials[index].name)
        for form in forms:
            names += self._prefix_names(form, MAX_SUGGESTIONS)
        names += [self._officials[i].name for i, score in ranked if score >= SUGGEST_SCORE]
        return list(dict.fromkeys(names))[:MAX_SUGGESTIONS]

    def _scores(self, forms: list[str]) -> dict[int, float]:
        """Best similarity (0-100) of each official to any query form, by rapidfuzz."""
        best: dict[int, float] = {}
        for form in forms:
            for _, score, position in process.extract(
                form, self._key_texts, scorer=fuzz.ratio, limit=None, score_cutoff=SUGGEST_SCORE
            ):
                official = self._keys[position].official
                best[official] = max(best.get(official, 0.0), score)
        return best

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """Names that start with ``prefix`` (surname, given name or characters), for autocomplete,
        then the names of officials with a title word starting so ("gov" offers the governor).

        An empty prefix offers everyone; a prefix that starts no name or title word falls back to
        the closest names, so a typo while typing still offers something.
        """
        if limit <= 0:
            return []
        forms = _query_forms(clean_query(prefix))
        if not forms:
            return [o.name for o in self._officials[:limit]]
        names: list[str] = []
        for form in forms:
            names += self._prefix_names(form, limit)
        if len(names) < limit:  # "gov", "secr", "厅长": the officials holding that office
            names += self._names(self._offices.complete(clean_query(prefix), limit))
        if not names and len(forms[0]) >= 3:
            names = self._fuzzy_prefix_names(forms[0], limit)
        return list(dict.fromkeys(names))[:limit]

    def _prefix_names(self, form: str, limit: int) -> list[str]:
        start = bisect.bisect_left(self._key_texts, form)
        matches: dict[int, int] = {}
        for key in self._keys[start:]:
            if not key.text.startswith(form):
                break
            matches[key.official] = min(matches.get(key.official, 9), key.rank)
        ordered = sorted(matches, key=lambda i: (matches[i], self._officials[i].name.casefold()))
        return [self._officials[i].name for i in ordered[:limit]]

    def _fuzzy_prefix_names(self, form: str, limit: int) -> list[str]:
        heads = [text[: len(form)] for text in self._key_texts]
        found = process.extract(form, heads, scorer=fuzz.ratio, limit=None, score_cutoff=70)
        seen: dict[int, float] = {}
        for _, score, position in found:
            official = self._keys[position].official
            seen[official] = max(seen.get(official, 0.0), score)
        ordered = sorted(seen, key=lambda i: (-seen[i], self._officials[i].name.casefold()))
        return [self._officials[i].name for i in ordered[:limit]]


def _keys_for(official: Official, index: int) -> list[_Key]:
    keys = [_Key(compact(official.name), index, 0)]
    parts = official.name.split()
    if len(parts) > 1:
        keys.append(_Key(compact("".join(parts[1:] + parts[:1])), index, 1))
    for alias in official.aliases:
        keys.append(_Key(compact(alias), index, 2))
        alias_parts = alias.split()
        if len(alias_parts) > 1:
            keys.append(_Key(compact("".join(alias_parts[1:] + alias_parts[:1])), index, 2))
        if has_han(alias):
            keys.append(_Key(compact("".join(lazy_pinyin(alias, errors="ignore"))), index, 2))
    return [key for key in keys if key.text]
