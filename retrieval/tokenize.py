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
  are terms); Latin words inside Chinese text are treated as English. Traditional characters
  are read as simplified ("廣東" is "广东", "萬億" is "万亿") and inline pinyin after a character
  ("產(chǎn)業(yè)") is dropped before segmentation; spans stay on the text as written
  (``retrieval.chinese_script``).
- Figures stay findable: "8,437" is the term "8437" (so "8437" and "8,437" both find it), German
  "4,8 %" and English "4.8%" are both "4.8" plus "4.8%", "14万亿元" adds "14万亿" and "14万亿元" to
  "14"; a figure with a magnitude also indexes its value ("14 trillion", "14万亿" and
  "14 Billionen" all add "=1.4e+13"); codes such as "AG600", "6G" and "R&D" are kept whole;
  hyphenated words index their parts and the joined form ("brain-computer" -> brain, comput,
  braincomput).
- English and German words meet their dictionary form before stemming ("grew" -> "grow",
  "wuchs" -> "wachsen"): simplemma's dictionaries and the editable lists in
  ``retrieval/data/lemmas/``, names that read as pinyin left alone (``retrieval.lemmas``).
- German compounds also index their parts, and a question's compound also asks for its parts
  ("Halbleiterindustrie": Halbleiter, Industrie; ``retrieval.compounds``).
- Invisible format characters inside a word (zero-width space, soft hyphen, joiners, BOM:
  Unicode Cf) do not cut it; the word is indexed without them, its span still covers them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import Stemmer

from retrieval.chinese_numerals import chinese_numeral
from retrieval.chinese_script import ANNOTATED_HAN_RUN, FOLDING_VERSION, FoldedRun, fold_han_run
from retrieval.compounds import CompoundSplitter
from retrieval.folding import fold_case as _fold
from retrieval.folding import strip_marks
from retrieval.invisible import FORMAT_CHARACTERS, without_format_characters
from retrieval.languages import language_order, question_language
from retrieval.lemmas import LEMMAS_DIR, Lemmatizer
from retrieval.months import CHINESE_MONTH, chinese_month, month_names, month_term
from retrieval.scripts import HAN, HAN_RUN

# Bump when a rule here changes, so saved indexes built with the old rules are rebuilt; the
# Chinese script folding (OpenCC's release and conversion) is part of it.
TOKENIZER_VERSION = f"9-{FOLDING_VERSION}"

STOPWORDS_DIR = Path(__file__).parent / "data" / "stopwords"

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
# The language of a passage's Latin words where it is not the passage's own, for base forms.
_LATIN_WORDS_LANGUAGE = {"zh": "en"}
# Languages whose compounds are cut into parts; a question's words are cut too (any language).
_COMPOUND_LANGUAGES = frozenset({"de"})

# A word character that is not Han (Han runs go to jieba) and not the underscore.
_WORD_CHAR = rf"(?:(?![{HAN}])[^\W_])"
# Word characters, with any invisible format characters between them ("ro<ZWSP>botics").
_WORD_RUN = rf"{_WORD_CHAR}+(?:[{FORMAT_CHARACTERS}]+{_WORD_CHAR}+)*"
# A run of word characters, joined by inner hyphens, ampersands, apostrophes, dots or commas
# ("brain-computer", "R&D", "Guangdong's", "U.S", "8,437", "4.8"), with an optional percent sign.
_CHUNK = rf"{_WORD_RUN}(?:[-‐‑&'.,]{_WORD_RUN})*(?:\s?%)?"
# Han runs absorb inline pinyin ("產(chǎn)業(yè)"), dropped before segmentation (chinese_script).
_SCANNER = re.compile(rf"(?P<han>{ANNOTATED_HAN_RUN})|(?P<chunk>{_CHUNK})")

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
# Stems remembered per language: far more than the vocabulary of a large corpus's hot words.
_STEM_CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class Token:
    """An index term and the span of the text it came from (for highlighting matches).

    ``extra`` marks an extra form at the place of a word already counted (a compound's part):
    it matches like any term but does not make the passage longer for BM25 (``index_terms``).
    """

    term: str
    start: int
    end: int
    extra: bool = False


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


def shared_jieba() -> Any:
    """The process's one jieba tokenizer: its dictionary is loaded once, for every module."""
    return _JIEBA.get()


class Tokenizer:
    """Index terms for passages and candidate terms for questions; see the module docstring."""

    def __init__(
        self,
        stopwords_dir: Path = STOPWORDS_DIR,
        query_languages: Iterable[str] = ("en", "de"),
        lemmas_dir: Path = LEMMAS_DIR,
        names: Iterable[str] = (),
    ) -> None:
        # Names in Chinese characters kept one word in passages and questions: jieba cuts
        # 省长王伟中到 into 王伟 / 中到, and a name cut apart is found nowhere.
        self._names = sorted(
            {fold_han_run(n, 0, len(n)).text for n in names if len(n) > 1 and HAN_RUN.fullmatch(n)}
        )
        # Longest first, so that at each place the longest name is the one cut out.
        self._name_pattern = (
            re.compile("|".join(map(re.escape, sorted(self._names, key=len, reverse=True))))
            if self._names
            else None
        )
        self._months = month_names()
        self._stopwords: dict[str, frozenset[str]] = {
            path.stem: read_word_list(path) for path in sorted(stopwords_dir.glob("*.txt"))
        }
        # Base forms ("grew" -> "grow"), applied before stemming; German compounds' parts.
        self._lemmatizer = Lemmatizer(lemmas_dir)
        self._compounds = CompoundSplitter(self._lemmatizer, self._stopwords.get("de", frozenset()))
        self._all_stopwords = frozenset().union(*self._stopwords.values())
        self._stopword_sets: dict[str, frozenset[str]] = {}
        self._query_languages = tuple(dict.fromkeys(query_languages))
        self._stemmers: dict[str, Any] = {}
        self._stem_cache: dict[str, dict[str, str]] = {}
        self._base_forms: dict[tuple[str, str], str] = {}  # "": no base form
        self._digest = hashlib.sha256(
            json.dumps(
                [
                    sorted((k, sorted(v)) for k, v in self._stopwords.items()),
                    self._lemmatizer.fingerprint,
                    self._compounds.fingerprint,
                    self._names,
                    # The month names decide the month terms ("März" -> "=month03").
                    sorted(self._months.numbers.items()),
                    sorted(self._months.capitalised_only),
                ],
                sort_keys=True,
                ensure_ascii=False,
            ).encode()
        ).hexdigest()[:16]

    @property
    def version(self) -> str:
        """Identifies the rules and word lists in force; part of a saved index's fingerprint."""
        return f"{TOKENIZER_VERSION}-{self._digest}"

    def warm_up(self) -> None:
        """Load jieba's dictionary, the lemma dictionaries and the compound word lists now
        rather than on the first question that needs them."""
        _JIEBA.get()
        self._lemmatizer.warm_up()
        self._compounds.warm_up()

    # ---- words ----------------------------------------------------------------------------

    def stem(self, word: str, language: str) -> str:
        """The Snowball stem of a folded word's base form, without accents foreign to
        ``language`` (tone marks); the word itself for a language without stemmer."""
        cache = self._stem_cache.get(language)
        if cache is None:
            cache = self._stem_cache[language] = {}
        stem = cache.get(word)
        if stem is None:
            if len(cache) >= _STEM_CACHE_SIZE:
                cache.clear()  # questions bring endless new words; memory stays bounded
            algorithm = _SNOWBALL.get(language)
            base = strip_marks(word, language)
            if algorithm:
                base = self._lemmatizer.lemma(base, _LATIN_WORDS_LANGUAGE.get(language, language))
            stemmer = self._stemmer(language)
            stem = stemmer.stemWord(base) if stemmer is not None else base
            if stem.endswith("'s"):
                stem = stem[:-2]
            cache[word] = stem
        return stem

    def base_form(self, word: str, language: str) -> str | None:
        """The folded base form the dictionary (or the editable lists) gives a word in
        ``language``, None when neither knows it: "leitete" -> "leiten", "Leiter" -> "leiter",
        which one stem ("leit") does not tell apart."""
        key = (word, language)
        known = self._base_forms.get(key)  # simplemma's look-ups are slow; words repeat
        if known is not None:
            return known or None  # "": the dictionary does not know the word
        if len(self._base_forms) >= _STEM_CACHE_SIZE:
            self._base_forms.clear()
        folded = _fold(word)
        dictionary = _LATIN_WORDS_LANGUAGE.get(language, language)
        base: str | None = self._lemmatizer.lemma(folded, dictionary)
        if base == folded and not self._lemmatizer.dictionary_entry(folded, dictionary):
            base = None
        self._base_forms[key] = base or ""
        return base

    def _stemmer(self, language: str) -> Any:
        if language not in self._stemmers:
            algorithm = _SNOWBALL.get(language)
            self._stemmers[language] = Stemmer.Stemmer(algorithm) if algorithm else None
        return self._stemmers[language]

    # ---- passages -------------------------------------------------------------------------

    def tokenize(self, text: str, language: str) -> list[str]:
        """The index terms of a passage written in ``language`` (ISO 639-1)."""
        return [token.term for token in self.tokens(text, language)]

    def own_terms(self, text: str, language: str) -> list[str]:
        """The index terms of ``text`` less the extra forms: what its words themselves are
        indexed under ("Steuersenkung" is not also "Steuer"), as for a synonym's phrase."""
        return [token.term for token in self.tokens(text, language) if not token.extra]

    def index_terms(self, text: str, language: str) -> tuple[list[str], int]:
        """The index terms of a passage and its length for BM25: the number of its terms less
        the extra forms (a compound's parts stand where the compound is counted already; were
        they counted too, German passages would seem longer than they are and rank lower)."""
        tokens = self.tokens(text, language)
        return [token.term for token in tokens], sum(not token.extra for token in tokens)

    def tokens(self, text: str, language: str) -> list[Token]:
        """The index terms of a passage with the spans of ``text`` they come from."""
        stopwords = self._stopword_set(language)
        out: list[Token] = []
        normalised = _normalise_span_preserving(text)
        previous: _Piece | None = None  # the figure just before, for "14万亿" and "4,8 Prozent"
        for match in _SCANNER.finditer(normalised):
            start, end = match.span()
            if match.lastgroup == "han":
                # Segmented in simplified script without inline pinyin; spans are the original's.
                run = fold_han_run(normalised, start, end)
                for term, t_start, t_end in _magnitude_terms(run, previous):
                    out.append(Token(term, t_start, t_end))
                for term, t_start, t_end in _month_terms(run, previous):
                    out.append(Token(term, t_start, t_end))
                cuts = (
                    [m.span() for m in self._name_pattern.finditer(run.text)]
                    if self._name_pattern is not None
                    else []
                )
                after_figure = previous is not None and previous.end == run.starts[0]
                cuts = _with_date_unit(run.text, cuts, after_figure)
                for word, w_start, w_end, _ in _segment(run.text, cuts, optional_parts=False):
                    if word not in stopwords:
                        out.append(Token(word, *run.span(w_start, w_end)))
                    value = chinese_numeral(word)
                    if value is not None:
                        out.append(Token(value, *run.span(w_start, w_end), extra=True))
                previous = None
                continue
            chunk = match.group()
            if chunk.isalpha() and not (previous is not None and chunk.lower() in _AFTER_FIGURE):
                # Fast path for a plain word, most of any text (same result as _pieces).
                word = chunk.lower() if chunk.isascii() else _fold(chunk)
                month = self._months.number(chunk)
                if month is not None and not self._months.reads_as_month(chunk, normalised, start):
                    month = None
                if month is not None:
                    out.append(Token(month_term(month), start, end))
                elif word not in stopwords:
                    out.append(Token(self.stem(word, language), start, end))
                    if language in _COMPOUND_LANGUAGES:
                        parts = self._compound_parts(word, start, end, language)
                        out.extend(Token(self.stem(p, language), s, e, True) for p, s, e in parts)
                previous = None
                continue
            pieces = list(self._pieces(chunk, start, language, previous))
            for piece in pieces:
                term = piece.candidates[0]
                if piece.kind != "word" or piece.word not in stopwords:
                    out.append(Token(term, piece.start, piece.end, piece.extra))
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
        folded = _fold(without_format_characters(chunk))
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
            scaled = _scaled_values(previous.candidates, _magnitudes(folded, language))
            if scaled:
                # "14 trillion" also finds "14万亿元" and "14 Billionen": the value itself.
                yield _Piece(scaled, offset, end, True, "figure")
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
                        part.group(),
                    )
            return
        parts = [m for m in _PART.finditer(chunk.rstrip("% "))]
        if len(parts) == 1:
            yield from self._word_pieces(
                folded, offset, offset + parts[0].end(), language, False, parts[0].group()
            )
            return
        for part in parts:
            yield from self._word_pieces(
                _fold(part.group()),
                offset + part.start(),
                offset + part.end(),
                language,
                False,
                part.group(),
            )
        joined = "".join(_fold(part.group()) for part in parts)
        if any(c.isalpha() for c in joined):
            # "brain-computer" -> "braincomput", "COVID-19" -> "covid19", "AG-600" -> "ag600".
            yield from self._word_pieces(joined, offset, offset + parts[-1].end(), language, True)

    def _word_pieces(
        self,
        word: str,
        offset: int,
        end: int,
        language: str | None,
        optional: bool,
        written: str = "",
    ) -> Iterator[_Piece]:
        """One folded word spanning ``offset:end`` of the text (``written`` as the text writes
        it): a month, a code, or a (stemmed) word followed by its compound parts."""
        month = self._months.number(written) if written else None
        if month is not None:
            yield _Piece((month_term(month),), offset, end, optional, "month")
            return
        word = without_format_characters(word)
        if word.endswith("'s"):
            word = word[:-2]
        if not word:
            return
        if any(c.isdigit() for c in word):
            # Codes ("ag600", "6g", "14th") are kept as written; an ordinal is its number too
            # ("136th" = the "136." and "第136届" of German and Chinese text).
            yield _Piece((word,), offset, end, optional, "code")
            ordinal = _ORDINAL.fullmatch(word)
            if ordinal:
                yield _Piece((ordinal.group(1),), offset, end, True, "figure", extra=True)
            return
        term = self.stem(word, language) if language is not None else word
        yield _Piece((term,), offset, end, optional, "word", word)
        if optional:
            return  # an extra form already (a joined "braincomput"): its parts are there
        for part, p_start, p_end in self._compound_parts(word, offset, end, language):
            term = self.stem(part, language) if language is not None else part
            yield _Piece((term,), p_start, p_end, True, "word", part, extra=True)

    def _compound_parts(
        self, word: str, start: int, end: int, language: str | None
    ) -> list[tuple[str, int, int]]:
        """The parts of a compound written at ``start:end`` (a passage's German word, any word
        of a question: ``language`` None), each with its span: its own where the folded word
        is as long as the text it comes from, else the whole word's ("Außenhandel")."""
        if language is not None and language not in _COMPOUND_LANGUAGES:
            return []
        parts = self._compounds.parts(word)
        if not parts:
            return []
        if len(word) != end - start:
            return [(part.word, start, end) for part in parts]
        return [(part.word, start + part.start, start + part.end) for part in parts]

    # ---- questions ------------------------------------------------------------------------

    def query_terms(self, query: str, whole: Collection[str] = ()) -> list[QueryTerm]:
        """The words of a question with candidate index terms for each language it may be in.

        ``whole``: names in Chinese characters the question writes, kept as one word each
        (jieba cuts 黄坤明说了什么 into 黄坤 / 明说).
        """
        whole = [fold_han_run(name, 0, len(name)).text for name in whole if name]
        whole += self._names
        normalised = _normalise_span_preserving(query)
        languages = self._language_order(normalised)
        zh_stopwords = self._stopwords.get("zh", frozenset())
        terms: list[QueryTerm] = []
        previous: _Piece | None = None
        for match in _SCANNER.finditer(normalised):
            start, end = match.span()
            if match.lastgroup == "han":
                run = fold_han_run(normalised, start, end)  # as passages are segmented
                for term, t_start, t_end in _magnitude_terms(run, previous):
                    terms.append(QueryTerm(query[t_start:t_end], (term,), optional=True))
                for term, t_start, t_end in _month_terms(run, previous):
                    if previous is not None and t_start == previous.start:
                        # "2月": the month is the word; its figure only an extra form.
                        terms = [
                            replace(t, optional=True) if t.candidates == previous.candidates else t
                            for t in terms
                        ]
                    terms.append(QueryTerm(query[t_start:t_end], (term,)))
                after_figure = previous is not None and previous.end == run.starts[0]
                cuts = _with_date_unit(run.text, _places(run.text, whole), after_figure)
                for word, w_start, w_end, optional in _segment(run.text, cuts, optional_parts=True):
                    # The parts jieba finds inside a longer word are extra forms of that word;
                    # the unit of a date figure ("2025年", "2月", "18日") is part of the figure.
                    s_start, s_end = run.span(w_start, w_end)
                    unit = after_figure and w_start == 0 and word in _DATE_UNITS
                    terms.append(
                        QueryTerm(
                            query[s_start:s_end],
                            (word,),
                            stopword=word in zh_stopwords,
                            optional=optional or unit,
                        )
                    )
                    value = chinese_numeral(word)
                    if value is not None:
                        terms.append(QueryTerm(query[s_start:s_end], (value,), optional=True))
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
        return question_language(normalised, self._stopwords, self._query_languages)

    def query_languages(self, query: str) -> tuple[str, ...]:
        """The languages ``query`` may be in, the likeliest first."""
        return self._language_order(_normalise_span_preserving(query))

    def _language_order(self, text: str) -> tuple[str, ...]:
        """Query languages, the likeliest first (see ``retrieval.languages``)."""
        return language_order(text, self._stopwords, self._query_languages)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A term of a chunk before stopword filtering: candidates (one per reading), span, kind."""

    candidates: tuple[str, ...]
    start: int
    end: int
    optional: bool
    kind: str  # "word" (stemmed, may be a stopword), "figure" or "code" (kept as written)
    word: str = ""  # the folded word before stemming, for the stopword test
    extra: bool = False  # a compound's part: no length of its own (``Token.extra``)


def _places(text: str, whole: Sequence[str]) -> list[tuple[int, int]]:
    """Where each of ``whole`` stands in ``text``, longest first, never overlapping."""
    cuts: list[tuple[int, int]] = []
    for name in sorted(whole, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            if all(start >= e or start + len(name) <= s for s, e in cuts):
                cuts.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return sorted(cuts)


def _with_date_unit(
    text: str, cuts: list[tuple[int, int]], after_figure: bool
) -> list[tuple[int, int]]:
    """``cuts`` with the date unit a run after a figure starts with ("2024年全社会") kept as a
    word of its own, unless jieba's dictionary has the word it begins (年底, 年初, 月底). jieba's
    guesser (HMM) otherwise joins the unit to what follows: 年全 / 社会, a word no text has."""
    if not after_figure or text[:1] not in _DATE_UNITS or any(s == 0 for s, _ in cuts):
        return cuts
    jieba = _JIEBA.get()
    # The first word is all that is asked: a short stretch is segmented, not the whole run.
    first = next(iter(jieba.tokenize(text[:_UNIT_LOOKAHEAD])), None)
    if first is None or first[2] <= 1 or jieba.FREQ.get(first[0], 0) > 0:
        return cuts  # a dictionary word (a prefix of one has frequency 0 in jieba's table)
    return [(0, 1), *cuts]


def _segment(
    text: str, cuts: Sequence[tuple[int, int]], *, optional_parts: bool
) -> list[tuple[str, int, int, bool]]:
    """jieba's words of a Chinese run in search mode (a long word and its parts), each span of
    ``cuts`` (sorted, apart) kept as one word. With ``optional_parts`` (a question) the parts
    jieba finds inside a longer word are marked optional: extra forms of that word."""
    jieba = _JIEBA.get()
    if not cuts and not optional_parts:
        return [(w, s, e, False) for w, s, e in jieba.tokenize(text, mode="search")]
    words: list[tuple[str, int, int, bool]] = []
    position = 0
    for start, end in [*cuts, (len(text), len(text))]:
        if start > position:
            piece = text[position:start]
            precise = {(s, e) for _, s, e in jieba.tokenize(piece)} if optional_parts else None
            for word, w_start, w_end in jieba.tokenize(piece, mode="search"):
                optional = precise is not None and (w_start, w_end) not in precise
                words.append((word, position + w_start, position + w_end, optional))
        if end > start:
            words.append((text[start:end], start, end, False))
        position = end
    return words


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


# An English ordinal: "1st", "22nd", "136th".
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
# Chinese units of a date written with a figure: "2025年", "2月", "18日".
_DATE_UNITS = frozenset("年月日")
# Characters after a date unit segmented to find the word it begins: longer than any such word.
_UNIT_LOOKAHEAD = 8


def _month_terms(run: FoldedRun, previous: _Piece | None) -> Iterator[tuple[str, int, int]]:
    """The months a Chinese run writes: "2月" (the figure just before the run, then 月) and
    "二月", "十二月" (numerals), each as its month term with its span in the original text."""
    if previous is not None and previous.end == run.starts[0] and not previous.optional:
        found = chinese_month(run.text, previous.candidates[0])
        if found is not None and run.text.startswith("月"):
            yield month_term(found[0]), previous.start, run.span(0, 1)[1]
    for match in CHINESE_MONTH.finditer(run.text):
        found = chinese_month(match.group(), None)
        if found is not None:
            yield month_term(found[0]), *run.span(match.start(), match.end())


def _magnitude_terms(run: FoldedRun, previous: _Piece | None) -> Iterator[tuple[str, int, int]]:
    """ "14万亿元" -> "14万亿", "14万亿元" and the value 1.4e13: a figure with its Chinese
    magnitude (and unit), read from the folded run ("14萬億元" gives the same terms)."""
    if previous is None or previous.end != run.starts[0] or previous.optional:
        return
    text = run.text
    length = 0
    multiplier = 1
    while length < len(text) and text[length] in _CJK_MAGNITUDES:
        multiplier *= _CJK_MAGNITUDES[text[length]]
        length += 1
    if length == 0:
        return
    magnitude = text[:length]
    magnitude_end = run.span(0, length)[1]
    for value in _scaled_values(previous.candidates, (multiplier,)):
        yield value, previous.start, magnitude_end
    with_unit = length < len(text) and text[length] in _CJK_UNITS
    for value in previous.candidates:
        yield value + magnitude, previous.start, magnitude_end
        if with_unit:
            unit_end = run.span(0, length + 1)[1]
            yield value + magnitude + text[length], previous.start, unit_end


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
