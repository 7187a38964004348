"""What /official and /officials answer."""

from __future__ import annotations

from typing import Literal

import pytest

from bot import texts
from bot.cards import Origin, checksum
from bot.cogs.official_parts import name_in_title, official_title
from bot.cogs.speech_answers import speech_answer
from retrieval.models import (
    Candidate,
    Official,
    OfficialLookup,
    OfficialTitle,
    Statement,
)
from tests.bot.fixtures import (
    HUANG,
    WANG,
    directory_answer,
    lookup_answer,
)
from tests.bot.invented_officials import (
    QIAO,
    RELEASE,
    SPEECH_2025,
    SPEECH_2026,
    spoken,
)
from tests.bot.limits import (
    HOSTILE_TEXTS,
    assert_safe,
    hostile_document,
)


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_official_answer_within_limits_for_hostile_text(kind: str) -> None:
    """An official with hostile names, titles and statements still fits every limit."""
    text = HOSTILE_TEXTS[kind] or "?"
    document = hostile_document(text)
    official = Official(
        name=text[:300],
        aliases=[text[:200]] * 12,
        titles=[OfficialTitle(title=text, document=document.id, date=None)] * 30,
        documents=[document] * 30,
        statements=[
            Statement(text=text, document=document.id, date=None, paragraph=1, start=0, end=1)
        ]
        * 10,
    )
    answer = lookup_answer(text, OfficialLookup(official=official))
    assert_safe(answer)
    assert len(answer.pages) == 4


def test_official_answer_shows_titles_documents_statements() -> None:
    """An official's card has the name in Latin and Chinese script, titles with source and
    date, documents and statements."""
    card = lookup_answer("Wang Weizhong", OfficialLookup(official=WANG)).pages[0]
    assert card.title == "Wang Weizhong (王伟中)"
    fields = {f.name: f.value for f in card.fields}
    assert "Governor of Guangdong \u2014 news aktuell, 6\u00a0Feb\u00a02025" in fields["Titles"]
    assert all(document.title in fields["Documents"] for document in WANG.documents)
    assert "> Governor Wang Weizhong headed the event." in fields["Statement 1"]
    assert "王伟中" not in card.description  # in the header, not repeated as an alias


def test_official_answer_pages_statements_three_at_a_time() -> None:
    """Seven statements make three pages; titles and documents only on the first."""
    answer = lookup_answer("Huang Kunming", OfficialLookup(official=HUANG))
    assert len(answer.pages) == 3
    assert [f.name for f in answer.pages[0].fields][:2] == ["Titles", "Documents"]
    assert [f.name.split(" ·")[0] for f in answer.pages[2].fields] == ["Statement 7"]


def test_official_without_statements_says_so_on_one_page() -> None:
    """An official the corpus names but never quotes gets one page that says so."""
    quiet = WANG.model_copy(update={"statements": []})
    answer = lookup_answer("Wang Weizhong", OfficialLookup(official=quiet))
    [card] = answer.pages
    assert [f.name for f in card.fields] == ["Titles", "Documents", "Statements"]
    assert card.fields[-1].value == "The corpus quotes no statement by them."
    assert card.footer == "no statements"


def test_empty_directory_says_so() -> None:
    """A corpus that names no officials gets a sentence, not an empty page."""
    [card] = directory_answer([]).pages
    assert (card.title, card.description) == ("Officials", "The corpus names no officials yet.")


def test_unknown_official_lists_closest_names() -> None:
    """An unknown name gets the closest names, under a title that does not say "not found"."""
    answer = lookup_answer(
        "Wang", OfficialLookup(official=None, suggestions=["Wang Weizhong", "Wang Yueqin"])
    )
    assert not answer.found
    card = answer.pages[0]
    assert card.title == texts.CLOSEST_OFFICIALS_TITLE()
    assert "\u2022 **Wang Weizhong**\n\u2022 **Wang Yueqin**" in card.description
    assert answer.menu is not None and [c.label for c in answer.menu.choices] == [
        "Wang Weizhong",
        "Wang Yueqin",
    ]


def test_nothing_close_says_official_not_found() -> None:
    """A name nothing comes close to is "Official not found", with no menu."""
    answer = lookup_answer("Nobody At All", OfficialLookup(official=None))
    assert answer.pages[0].title == texts.OFFICIAL_NOT_FOUND_TITLE()
    assert answer.menu is None and not answer.found


def test_reported_statements_fill_the_pages_and_speeches_are_a_menu() -> None:
    """Page one shows reported statements only; the 61 transcript sentences are not paged but
    offered in a menu, one entry per speech with its title, date and count, newest first."""
    answer = lookup_answer("Qiao Lanfeng", OfficialLookup(official=QIAO))
    assert len(answer.pages) == 2  # 4 reported statements, 3 a page
    shown = [f.value for page in answer.pages for f in page.fields if f.name.startswith("State")]
    assert all("stressed that harbour project" in value for value in shown)
    assert "61 sentences of their speech in 2 transcripts" in answer.pages[0].description
    assert answer.menu is not None and answer.menu.kind == "speech"
    assert answer.menu.placeholder == texts.SPEECH_PICK_PLACEHOLDER()
    newest, oldest = answer.menu.choices
    assert newest.label == SPEECH_2026.title and newest.value == checksum(SPEECH_2026.id)
    assert newest.description == "12 May 2026 · 60 sentences · Harbour Daily"
    assert oldest.label == SPEECH_2025.title and "1 sentence" in (oldest.description or "")


def test_titles_in_three_languages_are_listed_once() -> None:
    """ "Mayor", "Bürgermeister" and 市长 are one office: one line of titles."""
    card = lookup_answer("Qiao Lanfeng", OfficialLookup(official=QIAO)).pages[0]
    titles = next(f.value for f in card.fields if f.name == "Titles")
    dates = "12\u00a0May\u00a02026 \u2013 13\u00a0May\u00a02026"
    assert titles == f"• Mayor / Bürgermeister / 市长 \u2014 3 documents, {dates}"


def test_a_speech_shows_its_sentences_by_paragraph() -> None:
    """Choosing a speech shows its sentences as quotes, a paragraph's sentences together and
    its number under them; the footer counts sentences; the menu offers the statements back."""
    answer = speech_answer(QIAO, checksum(SPEECH_2026.id))
    assert answer is not None and 2 <= len(answer.pages) <= 4
    first = answer.pages[0]
    assert first.title == "Qiao Lanfeng (乔兰峰)"
    assert first.description.startswith(texts.SPEECH_HEADING())
    assert "the years ahead. Sentence 1 of the harbour" in first.description
    assert "-# [\u00b6 3](https://news.example.org/harbour/speech-2026#:~:text=" in (
        first.description
    )
    assert first.footer is not None and first.footer.startswith("sentences 1\u2013")
    assert answer.origin == Origin("speech", "Qiao Lanfeng", checksum(SPEECH_2026.id))
    assert answer.menu is not None
    back, *speeches = answer.menu.choices
    assert back.label == texts.REPORTED_STATEMENTS_CHOICE()
    assert [c.default for c in speeches] == [True, False]


def test_a_speech_marks_the_sentences_left_out() -> None:
    """Two sentences of a paragraph that do not follow each other are joined by "…"."""
    apart = [
        spoken(SPEECH_2025, 2, 0, "The first sentence we keep is this one."),
        spoken(SPEECH_2025, 2, 500, "The second sentence we keep is that one."),
    ]
    official = QIAO.model_copy(update={"statements": apart})
    answer = speech_answer(official, checksum(SPEECH_2025.id))
    assert answer is not None
    assert "this one. \u2026 The second" in answer.pages[0].description


def test_a_speech_not_in_the_document_is_none() -> None:
    """A key that names none of the official's speeches opens nothing."""
    assert speech_answer(QIAO, checksum(RELEASE.id)) is None


def test_an_office_several_hold_lists_them_with_their_offices_and_a_menu() -> None:
    """ "director" held by several: their names, Chinese names and offices, and a menu to open
    one; the title says several hold the office, never "not found"."""
    lookup = OfficialLookup(
        official=None,
        suggestions=["Fang Yiqun", "Lu Minghao"],
        read_as="office",
        candidates=[
            Candidate(name="Fang Yiqun", title="director of the Harbour Commission"),
            Candidate(
                name="Lu Minghao", title="director of the Port Bureau", chinese_name="陆明浩"
            ),
        ],
    )
    answer = lookup_answer("director", lookup)
    card = answer.pages[0]
    assert card.title == texts.SEVERAL_OFFICIALS_TITLE() and answer.found
    assert "• **Fang Yiqun** \u2014 director of the Harbour Commission" in card.description
    assert "• **Lu Minghao (陆明浩)** \u2014 director of the Port Bureau" in card.description
    assert answer.menu is not None and answer.menu.kind == "official"
    assert [(c.label, c.value) for c in answer.menu.choices] == [
        ("Fang Yiqun", checksum("Fang Yiqun")),
        ("Lu Minghao (陆明浩)", checksum("Lu Minghao")),
    ]


@pytest.mark.parametrize(
    ("read_as", "note"),
    [
        ("corrected", "-# \u201cqiao lanfen\u201d read as Qiao Lanfeng."),
        ("office", "-# \u201cqiao lanfen\u201d read as an office: Qiao Lanfeng holds it."),
    ],
)
def test_a_corrected_or_office_reading_is_noted(
    read_as: Literal["corrected", "office"], note: str
) -> None:
    """Input read as another spelling or as an office gets one subtext line saying so."""
    lookup = OfficialLookup(official=QIAO, read_as=read_as)
    description = lookup_answer("qiao lanfen", lookup).pages[0].description
    assert description.endswith(note)
    plain = lookup_answer("Qiao Lanfeng", OfficialLookup(official=QIAO, read_as="name"))
    assert "read as" not in plain.pages[0].description


def test_the_name_is_read_back_from_a_header_with_the_chinese_name() -> None:
    """The header's Chinese name is left out when a button reads the name back."""
    assert name_in_title(official_title(QIAO)) == "Qiao Lanfeng"
    assert name_in_title("Qiao Lanfeng (acting)") == "Qiao Lanfeng (acting)"


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_speech_and_several_officials_within_limits_for_hostile_text(kind: str) -> None:
    """Hostile names, document titles and speeches still give cards and menus Discord takes."""
    text = HOSTILE_TEXTS[kind] or "?"
    documents = [
        hostile_document(text).model_copy(update={"id": f"doc-{n}", "date": None})
        for n in range(30)
    ]
    speech = [
        Statement(
            text=text,
            document=document.id,
            date=None,
            paragraph=n,
            start=n * 10,
            end=n * 10 + 5,
            kind="transcript",
        )
        for document in documents
        for n in range(1, 4)
    ]
    official = QIAO.model_copy(
        update={"name": text[:300], "documents": documents, "statements": speech}
    )
    answer = lookup_answer(text, OfficialLookup(official=official))
    assert_safe(answer)
    assert answer.menu is not None and len(answer.menu.choices) == 25
    opened = speech_answer(official, answer.menu.choices[0].value)
    assert opened is not None
    assert_safe(opened)
    several = OfficialLookup(
        official=None,
        read_as="office",
        candidates=[Candidate(name=f"{text[:200]} {n}", title=text) for n in range(40)],
    )
    assert_safe(lookup_answer(text, several))


def test_cite_names_the_official_who_spoke() -> None:
    """An official's statements, cited to paste, name who said them, as /ask's Cite does;
    the line under each statement on the official's own card does not repeat the name."""
    card = lookup_answer("Wang Weizhong", OfficialLookup(official=WANG)).pages[0]
    assert card.citation is not None
    assert card.citation.startswith("[1] Wang Weizhong, news aktuell (ots), ")
    assert "said by" not in card.fields[-1].value
