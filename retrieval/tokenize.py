"""Words to index terms: the single place that decides what matches what.

Both sides of a search go through here: ``tokenize`` turns a passage into the terms the BM25 index
stores, ``query_terms`` turns a question (language unknown) into candidate terms. The rules:

- Unicode-aware: compatibility forms are folded (NFKC: full-width digits, ligatures), case is
  folded (``casefold``: "Straße" and "STRASSE" meet).
- Accents that are not part of the language are dropped: pinyin tone marks in English or Chinese
  text and in questions ("Huáng Kūnmíng" meets "Huang Kunming"); German keeps its umlauts, which
  its stemmer handles.
- English and German words are stemmed with the Snowball stemmers (PyStemmer); other Snowball
  languages are stemmed too when a passage says it is written in one.
- Stopwords come from the editable lists in ``retrieval/data/stopwords/<language>.txt``.
- Chinese is segmented with jieba (search mode for passages, so that both "生产总值" and its parts
  are terms); Latin words inside Chinese text are treated as English.
- Figures stay findable: "8,437" is the term "8437" (so "8437" and "8,437" both find it), German
  "4,8 %" and English "4.8%" are both "4.8" plus "4.8%", "14万亿元" adds "14万亿" and "14万亿元" to
  "14"; a figure with a magnitude also indexes its value ("14 trillion", "14万亿" and
  "14 Billionen" all add "=1.4e+13"); codes such as "AG600", "6G" and "R&D" are kept whole;
  hyphenated words index their parts and the joined form ("brain-computer" -> brain, comput,
  braincomput).
- English irregular forms meet their base before stemming ("grew" -> "grow"), from the editable
  list ``retrieval/data/lemmas/en.txt``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import Stemmer

from retrieval.scripts import HAN

# Bump when a rule here changes, so saved indexes built with the old rules are rebuilt.
TOKENIZER_VERSION = "4"

STOPWORDS_DIR = Path(__file__).parent / "data" / "stopwords"
LEMMAS_DIR = Path(__file__).parent / "data" / "lemmas"

# ISO 639-1 code -> Snowball algorithm. Chinese passages carry Latin words that are English in
# practice (names of programmes, "GDP", "AI"), so they are stemmed as English.
_SNOWBALL = {
    "en": "english",
    "de": "german",
    "zh": "english",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "da": "danish",
    "no": "norwegian",
    "fi": "finnish",
    "ru": "russian",
}
# Stopword lists that apply to a passage's language besides its own (Latin words in Chinese text).
_EXTRA_STOPWORD_LANGUAGES = {"zh": ("en",)}

# A word character that is not Han (Han runs go to jieba) and not the underscore.
_WORD_CHAR = rf"(?:(?![{HAN}])[^\W_])"
# A run of word characters, joined by inner hyphens, ampersands, apostrophes, dots or commas
# ("brain-computer", "R&D", "Guangdong's", "U.S", "8,437", "4.8"), with an optional percent sign.
_CHUNK = rf"{_WORD_CHAR}+(?:[-‐‑&'.,]{_WORD_CHAR}+)*(?:\s?%)?"
_HAN_CHAR = re.compile(f"[{HAN}]")
_SCANNER = re.compile(rf"(?P<han>[{HAN}]+)|(?P<chunk>{_CHUNK})")

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PART_SEPARATORS = re.compile(r"[-‐‑.,]")
_PART = re.compile(r"[^-‐‑.,]+")
_PERCENT_WORDS = frozenset({"%", "percent", "prozent", "pct"})
_CJK_MAGNITUDES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# Words for powers of ten after a figure, per language; a question may be in any of them, so
# "billion" (10^9 in English, 10^12 in German) is read both ways there.
_MAGNITUDE_WORDS: dict[str, dict[str, int]] = {
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
    "de": {
        "tausend": 10**3,
        "million": 10**6,
        "millionen": 10**6,
        "mio": 10**6,
        "milliarde": 10**9,
        "milliarden": 10**9,
        "mrd": 10**9,
        "billion": 10**12,
        "billionen": 10**12,
    },
}
_CJK_UNITS = "元人个家台项倍吨所座"
# Accents that belong to a language's spelling and are kept in its words; every other combining
# mark (pinyin tone marks: "Huáng Kūnmíng", a French accent in an English text) is dropped, so
# "Huang" finds "Huáng". Languages not listed keep all their accents (French, Spanish, ...).
_KEPT_MARKS: dict[str, frozenset[str]] = {
    "en": frozenset(),
    "zh": frozenset(),
    "de": frozenset({"\u0308"}),  # the umlaut's diaeresis: the German stemmer folds it itself
}
# Stems remembered per language: far more than the vocabulary of a large corpus's hot words.
_STEM_CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class Token:
    """An index term and the span of the text it came from (for highlighting matches)."""

    term: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One word of a question, with the index terms it may stand for.

    ``candidates`` are in order of preference (stem in the question's likely language first); the
    searcher keeps the first one the index knows. ``optional`` marks an extra form of a word
    already represented (the "4.8%" of "4.8", the joined "braincomput" of "brain-computer", the
    parts jieba finds inside a longer Chinese word): it scores when present and is ignored when
    absent. ``correctable`` says a spelling correction may be tried when no candidate is known.
    """

    surface: str
    candidates: tuple[str, ...]
    stopword: bool = False
    optional: bool = False
    correctable: bool = False


class _NormalisingTable(dict[int, Any]):
    """``str.translate`` table mapping each character to its one-character NFKC form.

    Characters whose NFKC form is longer (ligatures, "①") are left alone here, so offsets into
    the normalised text equal offsets into the original; each token is NFKC-normalised fully later.
    """

    def __missing__(self, codepoint: int) -> int:
        folded = unicodedata.normalize("NFKC", chr(codepoint))
        value = ord(folded) if len(folded) == 1 else codepoint
        self[codepoint] = value
        return value


_TABLE = _NormalisingTable()
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})


def _normalise_span_preserving(text: str) -> str:
    return text if text.isascii() else text.translate(_TABLE).translate(_APOSTROPHES)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


def strip_marks(word: str, language: str) -> str:
    """``word`` without the combining marks that are not part of ``language``'s spelling."""
    kept = _KEPT_MARKS.get(language)
    if kept is None or word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if c in kept or not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def read_word_pairs(path: Path) -> dict[str, str]:
    """ "form base" pairs of a person-editable list: one pair a line, '#' starts a comment."""
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 2:
            pairs[_fold(fields[0])] = _fold(fields[1])
    return pairs


def read_word_list(path: Path) -> frozenset[str]:
    """The words of a person-editable list: one per line, '#' starts a comment."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(_fold(word).translate(_APOSTROPHES))
    return frozenset(words)


class _Jieba:
    """jieba, initialised on first use (about a second), quietly and once across threads."""

    def __init__(self) -> None:
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    import jieba

                    # jieba prints its dictionary loading to stderr through its own logger.
                    jieba.setLogLevel(logging.WARNING)
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    self._tokenizer = tokenizer
        return self._tokenizer


_JIEBA = _Jieba()


class Tokenizer:
    """Index terms for passages and candidate terms for questions; see the module docstring."""

    def __init__(
        self,
        stopwords_dir: Path = STOPWORDS_DIR,
        query_languages: Iterable[str] = ("en", "de"),
        lemmas_dir: Path = LEMMAS_DIR,
    ) -> None:
        self._stopwords: dict[str, frozenset[str]] = {
            path.stem: read_word_list(path) for path in sorted(stopwords_dir.glob("*.txt"))
        }
        # Irregular forms ("grew" -> "grow") per Snowball algorithm, applied before stemming.
        self._lemmas: dict[str, dict[str, str]] = {
            _SNOWBALL[path.stem]: read_word_pairs(path)
            for path in sorted(lemmas_dir.glob("*.txt"))
            if path.stem in _SNOWBALL
        }
        self._all_stopwords = frozenset().union(*self._stopwords.values())
        self._stopword_sets: dict[str, frozenset[str]] = {}
        self._query_languages = tuple(dict.fromkeys(query_languages))
        self._stemmers: dict[str, Any] = {}
        self._stem_cache: dict[str, dict[str, str]] = {}
        self._digest = hashlib.sha256(
            json.dumps(
                [sorted((k, sorted(v)) for k, v in self._stopwords.items()), self._lemmas],
                sort_keys=True,
                ensure_ascii=False,
            ).encode()
        ).hexdigest()[:16]

    @property
    def version(self) -> str:
        """Identifies the rules and word lists in force; part of a saved index's fingerprint."""
        return f"{TOKENIZER_VERSION}-{self._digest}"

    def warm_up(self) -> None:
        """Load jieba's dictionary now rather than on the first Chinese question."""
        _JIEBA.get()

    # ---- words ----------------------------------------------------------------------------

    def stem(self, word: str, language: str) -> str:
        """The Snowball stem of a folded word, without accents foreign to ``language`` (tone
        marks); the word itself for a language without stemmer."""
        cache = self._stem_cache.get(language)
        if cache is None:
            cache = self._stem_cache[language] = {}
        stem = cache.get(word)
        if stem is None:
            if len(cache) >= _STEM_CACHE_SIZE:
                cache.clear()  # questions bring endless new words; memory stays bounded
            algorithm = _SNOWBALL.get(language)
            base = strip_marks(word, language)
            base = self._lemmas.get(algorithm, {}).get(base, base) if algorithm else base
            stemmer = self._stemmer(language)
            stem = stemmer.stemWord(base) if stemmer is not None else base
            if stem.endswith("'s"):
                stem = stem[:-2]
            cache[word] = stem
        return stem

    def _stemmer(self, language: str) -> Any:
        if language not in self._stemmers:
            algorithm = _SNOWBALL.get(language)
            self._stemmers[language] = Stemmer.Stemmer(algorithm) if algorithm else None
        return self._stemmers[language]

    # ---- passages -------------------------------------------------------------------------

    def tokenize(self, text: str, language: str) -> list[str]:
        """The index terms of a passage written in ``language`` (ISO 639-1)."""
        return [token.term for token in self.tokens(text, language)]

    def tokens(self, text: str, language: str) -> list[Token]:
        """The index terms of a passage with the spans of ``text`` they come from."""
        stopwords = self._stopword_set(language)
        out: list[Token] = []
        normalised = _normalise_span_preserving(text)
        previous: _Piece | None = None  # the figure just before, for "14万亿" and "4,8 Prozent"
        for match in _SCANNER.finditer(normalised):
            start, end = match.span()
            if match.lastgroup == "han":
                for term, t_start, t_end in _magnitude_terms(normalised, start, end, previous):
                    out.append(Token(term, t_start, t_end))
                for word, w_start, w_end in _JIEBA.get().tokenize(normalised[start:end], "search"):
                    if word not in stopwords:
                        out.append(Token(word, start + w_start, start + w_end))
                previous = None
                continue
            chunk = match.group()
            if chunk.isalpha() and not (previous is not None and chunk.lower() in _AFTER_FIGURE):
                # Fast path for a plain word, most of any text (same result as _pieces).
                word = chunk.lower() if chunk.isascii() else _fold(chunk)
                if word not in stopwords:
                    out.append(Token(self.stem(word, language), start, end))
                previous = None
                continue
            pieces = list(self._pieces(chunk, start, language, previous))
            for piece in pieces:
                term = piece.candidates[0]
                if piece.kind != "word" or piece.word not in stopwords:
                    out.append(Token(term, piece.start, piece.end))
            previous = _last_figure(pieces, end)
        return out

    def _stopword_set(self, language: str) -> frozenset[str]:
        """The stopwords of a passage's language (with English for Chinese text)."""
        words = self._stopword_sets.get(language)
        if words is None:
            words = frozenset().union(
                *(self._stopwords.get(lang, frozenset()) for lang in _stop_langs(language))
            )
            self._stopword_sets[language] = words
        return words

    def _pieces(
        self, chunk: str, offset: int, language: str | None, previous: _Piece | None
    ) -> Iterator[_Piece]:
        """The terms of a Latin-script chunk. ``language`` None (a question): words unstemmed,
        figures with every reading; the caller adds the stems."""
        folded = _fold(chunk)
        end = offset + len(chunk)
        core = folded.rstrip("% ")
        percent = core != folded
        if _NUMBER.fullmatch(core):
            values = _number_values(core, language)
            if values:
                yield _Piece(tuple(values), offset, end, False, "figure")
                if percent:
                    yield _Piece(tuple(v + "%" for v in values), offset, end, True, "figure")
                return
        # "COVID-19%" is not a figure; drop the sign and treat the rest as words.
        folded = core
        if (
            folded in _PERCENT_WORDS
            and previous is not None
            and previous.kind == "figure"
            and not previous.optional
        ):
            # "4,8 Prozent", "4.8 percent" also find "4.8%".
            yield _Piece(tuple(v + "%" for v in previous.candidates), offset, end, True, "figure")
        if previous is not None and previous.kind == "figure" and not previous.optional:
            values = _scaled_values(previous.candidates, _magnitudes(folded, language))
            if values:
                # "14 trillion" also finds "14万亿元" and "14 Billionen": the value itself.
                yield _Piece(values, offset, end, True, "figure")
        if "&" in folded and not _PART_SEPARATORS.search(folded):
            # "R&D", "AT&T": the whole code, plus its longer parts as words.
            yield _Piece((folded,), offset, end, False, "code")
            for part in re.finditer(r"[^&%\s]+", chunk):
                if len(part.group()) > 1:
                    yield from self._word_pieces(
                        _fold(part.group()),
                        offset + part.start(),
                        offset + part.end(),
                        language,
                        True,
                    )
            return
        parts = [m for m in _PART.finditer(chunk.rstrip("% "))]
        if len(parts) == 1:
            yield from self._word_pieces(folded, offset, offset + parts[0].end(), language, False)
            return
        for part in parts:
            yield from self._word_pieces(
                _fold(part.group()), offset + part.start(), offset + part.end(), language, False
            )
        joined = "".join(_fold(part.group()) for part in parts)
        if any(c.isalpha() for c in joined):
            # "brain-computer" -> "braincomput", "COVID-19" -> "covid19", "AG-600" -> "ag600".
            yield from self._word_pieces(joined, offset, offset + parts[-1].end(), language, True)

    def _word_pieces(
        self, word: str, offset: int, end: int, language: str | None, optional: bool
    ) -> Iterator[_Piece]:
        """One folded word spanning ``offset:end`` of the text: a code, or a (stemmed) word."""
        if word.endswith("'s"):
            word = word[:-2]
        if not word:
            return
        if any(c.isdigit() for c in word):
            # Codes ("ag600", "6g", "14th") are kept as written.
            yield _Piece((word,), offset, end, optional, "code")
        elif language is None:
            yield _Piece((word,), offset, end, optional, "word", word)
        else:
            yield _Piece((self.stem(word, language),), offset, end, optional, "word", word)

    # ---- questions ------------------------------------------------------------------------

    def query_terms(self, query: str) -> list[QueryTerm]:
        """The words of a question with candidate index terms for each language it may be in."""
        normalised = _normalise_span_preserving(query)
        languages = self._language_order(normalised)
        zh_stopwords = self._stopwords.get("zh", frozenset())
        terms: list[QueryTerm] = []
        previous: _Piece | None = None
        for match in _SCANNER.finditer(normalised):
            start, end = match.span()
            if match.lastgroup == "han":
                for term, t_start, t_end in _magnitude_terms(normalised, start, end, previous):
                    terms.append(QueryTerm(query[t_start:t_end], (term,), optional=True))
                jieba = _JIEBA.get()
                run = normalised[start:end]
                precise = {(s, e) for _, s, e in jieba.tokenize(run)}
                for word, w_start, w_end in jieba.tokenize(run, mode="search"):
                    # The parts jieba finds inside a longer word are extra forms of that word.
                    terms.append(
                        QueryTerm(
                            query[start + w_start : start + w_end],
                            (word,),
                            stopword=word in zh_stopwords,
                            optional=(w_start, w_end) not in precise,
                        )
                    )
                previous = None
                continue
            pieces = list(self._pieces(match.group(), start, None, previous))
            for piece in pieces:
                surface = query[piece.start : piece.end]
                if piece.kind != "word":
                    terms.append(QueryTerm(surface, piece.candidates, optional=piece.optional))
                    continue
                word = piece.word
                stopword = word in self._all_stopwords
                stems = (self.stem(word, lang) for lang in languages)
                terms.append(
                    QueryTerm(
                        surface,
                        tuple(dict.fromkeys([*stems, word])),
                        stopword=stopword,
                        optional=piece.optional,
                        correctable=not stopword and not piece.optional and len(word) >= 4,
                    )
                )
            previous = _last_figure(pieces, end)
        return terms

    def question_language(self, query: str) -> str | None:
        """The language ``query`` is written in, when it tells: Chinese when most of its
        letters are Chinese characters, else the query language whose stopwords it uses most
        (None on a tie, as for a bare name or keyword)."""
        normalised = _normalise_span_preserving(query)
        han = sum(1 for c in normalised if _HAN_CHAR.match(c))
        letters = sum(1 for c in normalised if c.isalpha())
        if letters and han * 2 > letters:
            return "zh"
        words = [_fold(m.group()) for m in re.finditer(rf"{_WORD_CHAR}+", normalised)]
        hits = sorted(
            (
                (sum(w in self._stopwords.get(lang, ()) for w in words), lang)
                for lang in self._query_languages
            ),
            reverse=True,
        )
        if not hits or hits[0][0] == 0 or (len(hits) > 1 and hits[1][0] == hits[0][0]):
            return None
        return hits[0][1]

    def query_languages(self, query: str) -> tuple[str, ...]:
        """The languages ``query`` may be in, the likeliest first."""
        return self._language_order(_normalise_span_preserving(query))

    def _language_order(self, text: str) -> tuple[str, ...]:
        """Query languages, the likeliest first: the one whose stopwords the question uses most."""
        words = [_fold(m.group()) for m in re.finditer(rf"{_WORD_CHAR}+", text)]
        hits = {
            lang: sum(w in self._stopwords.get(lang, ()) for w in words)
            + (2 if lang == "de" and any(c in "äöüß" for w in words for c in w) else 0)
            for lang in self._query_languages
        }
        return tuple(sorted(self._query_languages, key=lambda lang: -hits[lang]))


@dataclass(frozen=True, slots=True)
class _Piece:
    """A term of a chunk before stopword filtering: candidates (one per reading), span, kind."""

    candidates: tuple[str, ...]
    start: int
    end: int
    optional: bool
    kind: str  # "word" (stemmed, may be a stopword), "figure" or "code" (kept as written)
    word: str = ""  # the folded word before stemming, for the stopword test


def _last_figure(pieces: list[_Piece], end: int) -> _Piece | None:
    """The figure a chunk ends with, if it is one, remembered for the chunk that follows."""
    if pieces and pieces[0].kind == "figure" and pieces[0].end == end:
        return pieces[0]
    return None


def _stop_langs(language: str) -> tuple[str, ...]:
    return (language, *_EXTRA_STOPWORD_LANGUAGES.get(language, ()))


def _number_values(core: str, language: str | None) -> list[str]:
    """Canonical readings of a figure: thousands separators dropped, decimal point a dot.

    English (and Chinese) texts group thousands with commas, German with dots and write decimal
    commas. ``language`` None (a question) returns every plausible reading.
    """
    readings: list[str] = []
    conventions = [("en", ",", "."), ("de", ".", ",")]
    for lang, thousands, decimal in conventions:
        if language is not None and (language == "de") != (lang == "de"):
            continue
        value = _read_number(core, thousands, decimal)
        if value is not None and value not in readings:
            readings.append(value)
    return readings


def _read_number(core: str, thousands: str, decimal: str) -> str | None:
    integer, _, fraction = core.partition(decimal)
    if decimal in fraction or thousands in fraction:
        return None
    groups = integer.split(thousands)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    return f"{digits}.{fraction}" if fraction else digits


def _magnitude_terms(
    text: str, start: int, end: int, previous: _Piece | None
) -> Iterator[tuple[str, int, int]]:
    """ "14万亿元" -> "14万亿", "14万亿元" and the value 1.4e13: a figure with its Chinese
    magnitude (and unit)."""
    if previous is None or previous.end != start or previous.optional:
        return
    length = 0
    multiplier = 1
    while start + length < end and text[start + length] in _CJK_MAGNITUDES:
        multiplier *= _CJK_MAGNITUDES[text[start + length]]
        length += 1
    if length == 0:
        return
    magnitude = text[start : start + length]
    for value in _scaled_values(previous.candidates, (multiplier,)):
        yield value, previous.start, start + length
    with_unit = start + length < end and text[start + length] in _CJK_UNITS
    for value in previous.candidates:
        yield value + magnitude, previous.start, start + length
        if with_unit:
            yield value + magnitude + text[start + length], previous.start, start + length + 1


_AFTER_FIGURE = _PERCENT_WORDS | {w for words in _MAGNITUDE_WORDS.values() for w in words}


def _magnitudes(word: str, language: str | None) -> tuple[int, ...]:
    """The powers of ten ``word`` may stand for after a figure (all languages for a question)."""
    if language is not None:
        found = _MAGNITUDE_WORDS.get("en" if language == "zh" else language, {}).get(word)
        return (found,) if found else ()
    return tuple(dict.fromkeys(m[word] for m in _MAGNITUDE_WORDS.values() if word in m))


def _scaled_values(readings: tuple[str, ...], multipliers: tuple[int, ...]) -> tuple[str, ...]:
    """A figure times its magnitude as a term of its own: "14" x 10^12 -> "=1.4e+13"."""
    values = []
    for reading in readings:
        for multiplier in multipliers:
            try:
                values.append(f"={float(reading) * multiplier:.6g}")
            except ValueError:
                continue
    return tuple(dict.fromkeys(values))
