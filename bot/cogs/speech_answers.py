"""/official's speech view: the sentences of an official's transcribed speech in one document,
paragraph by paragraph, as the transcript gives them (opened from the menu under /official)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby, pairwise

from bot import texts
from bot.answer_parts import inline, short_date
from bot.cards import DESCRIPTION_LIMIT, Answer, Card, Origin, fit_card
from bot.citations import Cited, full_citation, quote_url, short_source
from bot.cogs.official_parts import Speech, official_title, speech_menu, speeches
from bot.markdown import ELLIPSIS, clip, discord_len, link
from bot.quotes import quote_block
from retrieval.models import Official, Statement

PAGE_TEXT = 2000  # characters of speech a page shows: a paragraph or two, read at a glance
GAP = 3  # characters between two sentences beyond which the quote marks a cut ("…")


def speech_answer(
    official: Official, document_key: str, language: str | None = None
) -> Answer | None:
    """The official's speech in the document whose key is `document_key`, paged; None when
    they have no speech there."""
    speech = next((s for s in speeches(official) if s.key == document_key), None)
    if speech is None:
        return None
    chunks = _pages(speech.sentences)
    total = len(speech.sentences)
    heading = _heading(speech, language)
    pages: list[Card] = []
    first = 1
    for number, chunk in enumerate(chunks, start=1):
        blocks = [list(group) for _, group in groupby(chunk, key=lambda s: s.paragraph)]
        body = _body(speech, blocks, linked=True)
        if discord_len(heading) + discord_len(body) + 2 > DESCRIPTION_LIMIT:
            body = _body(speech, blocks, linked=False)  # sentence links can be long
        last = first + len(chunk) - 1
        pages.append(
            fit_card(
                Card(
                    title=official_title(official),
                    description=f"{heading}\n\n{body}",
                    footer=texts.speech_footer(first, last, total, number, len(chunks), language),
                    citation="\n".join(
                        full_citation(None, _cited(speech, block, official), language)
                        for block in blocks
                    ),
                    source_url=quote_url(speech.document, chunk[0].text),
                )
            )
        )
        first = last + 1
    return Answer(
        tuple(pages),
        origin=Origin("speech", official.name, document_key),
        menu=speech_menu(official, shown=document_key, language=language),
        language=language,
    )


def _pages(sentences: Sequence[Statement]) -> list[list[Statement]]:
    """Sentences cut into pages of about PAGE_TEXT characters, whole sentences each."""
    pages: list[list[Statement]] = [[]]
    used = 0
    for sentence in sentences:
        size = len(sentence.text)
        if pages[-1] and used + size > PAGE_TEXT:
            pages.append([])
            used = 0
        pages[-1].append(sentence)
        used += size
    return pages


def _heading(speech: Speech, language: str | None = None) -> str:
    document = speech.document
    title = link(f"*{clip(inline(document.title), 120)}*", document.url)
    source = short_source(document.source, language)
    when = short_date(document.date, language)
    return f"{texts.SPEECH_HEADING(language)}: {title} \u00b7 {source} \u00b7 {when}"


def _joined(block: Sequence[Statement]) -> str:
    """A paragraph's sentences as one quote; "…" where sentences of the paragraph are left out
    (not the speaker's, or too short to count)."""
    text = block[0].text.strip()
    for before, sentence in pairwise(block):
        joint = " " if sentence.start - before.end <= GAP else f" {ELLIPSIS} "
        text += joint + sentence.text.strip()
    return text


def _body(speech: Speech, blocks: Sequence[Sequence[Statement]], *, linked: bool) -> str:
    """Each paragraph's sentences as a block quote, then its number, linked to its first
    sentence on the page when `linked` and the page is online."""
    parts: list[str] = []
    room = (DESCRIPTION_LIMIT - 400) // max(len(blocks), 1)
    for block in blocks:
        number = f"\u00b6\u00a0{block[0].paragraph}"
        target = quote_url(speech.document, block[0].text) if linked else speech.document.url
        parts.append(f"{quote_block(_joined(block), [], room)}\n-# {link(number, target)}")
    return "\n\n".join(parts)


def _cited(speech: Speech, block: Sequence[Statement], official: Official) -> Cited:
    return Cited(
        document=speech.document,
        text=_joined(block),
        paragraph=block[0].paragraph,
        speaker=official.name,
    )
