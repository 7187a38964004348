"""The formatter: what each answer says, and Discord's limits held whatever the corpus holds."""

from __future__ import annotations

import re

import discord
import pytest

from bot import formatting
from bot.examples import Example, load_examples
from bot.formatting import Answer, Card, Suggestions, to_embed, to_text
from bot.markdown import _ATOM, _URL, discord_len, to_plain
from retrieval.models import (
    Copy,
    Counterpart,
    DocumentInfo,
    DocumentSummary,
    Official,
    OfficialLookup,
    OfficialTitle,
    SearchResponse,
    Statement,
)
from tests.bot.fixtures import (
    GOVERNOR_EN,
    HUANG,
    INVESTMENT_ZH,
    PRESS_CONF,
    PRESS_DE,
    PRESS_EN,
    ROBOTICS_DE,
    ROBOTICS_EN,
    WANG,
    FakeStats,
    corrected_response,
    result,
    robotics_response,
)

HOSTILE_TEXTS = {
    "long": "Guangdong will strengthen 20 strategic industrial clusters. " * 200,
    "empty": "",
    "markdown": "**bold** __u__ ~~s~~ ||spoiler|| `code` ```block``` > quote\n# Head\n- item\n"
    "1. one [link](https://evil.example/x_y) <t:1700000000:R> -# small \\ end",
    "mentions": "@everyone @here <@123456789012345678> <@&234567890123456789> ping",
    "rtl": "\u202eمرحبا بالعالم שלום עולם\u202c الذكاء الاصطناعي والروبوتات",
    "cjk": INVESTMENT_ZH * 20,
    "emoji": "🤖👨‍👩‍👧🇨🇳🏭" * 300,
    "surrogates": "𠀀𠀁𠀂𝐀𝐁𝐂" * 400,
    "combining": "e\u0301" * 900 + " Zürich",
    "one long word": "x" * 5000,
}


def rendered_strings(card: Card) -> list[str]:
    return [
        card.title,
        card.description,
        card.footer or "",
        *(f.name for f in card.fields),
        *(f.value for f in card.fields),
    ]


def assert_within_limits(card: Card) -> None:
    assert 0 < discord_len(card.title) <= formatting.TITLE_LIMIT
    assert discord_len(card.description) <= formatting.DESCRIPTION_LIMIT
    assert len(card.fields) <= formatting.FIELD_COUNT_LIMIT
    for item in card.fields:
        assert 0 < discord_len(item.name) <= formatting.FIELD_NAME_LIMIT
        assert 0 < discord_len(item.value) <= formatting.FIELD_VALUE_LIMIT
    assert discord_len(card.footer or "") <= formatting.FOOTER_LIMIT
    assert formatting.card_length(card) <= formatting.EMBED_TOTAL_LIMIT
    assert len(to_embed(card)) <= formatting.EMBED_TOTAL_LIMIT


def assert_markdown_balanced(text: str) -> None:
    # URLs stay unescaped on purpose (Discord links them before reading markdown)
    without_urls = re.sub(_URL, "URL", re.sub(r"\]\([^()\s]+\)", "](URL)", text))
    atoms = _ATOM.findall(without_urls)
    assert atoms.count("**") % 2 == 0, text
    assert atoms.count("*") % 2 == 0, text
    for marker in ("_", "~", "|", "`"):
        assert marker not in atoms, (marker, text)


def assert_no_live_mentions(text: str) -> None:
    assert "@everyone" not in text
    assert "@here" not in text
    assert re.search(r"<@[!&]?\d{17,20}>", text) is None


def assert_safe(answer: Answer) -> None:
    assert answer.pages
    for card in answer.pages:
        assert_within_limits(card)
        for text in rendered_strings(card):
            assert_no_live_mentions(text)


def hostile_document(text: str) -> DocumentInfo:
    return DocumentInfo(
        id="doc-" + str(abs(hash(text)) % 1000),
        title=text or "Untitled",
        source=text or "unknown",
        date="2025-02-06",
        url="https://example.com/" + "a" * 50,
        language="en",
    )


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_ask_answer_within_limits_for_hostile_text(kind: str) -> None:
    """Quotes, titles and sources of any content keep every embed within Discord's limits."""
    text = HOSTILE_TEXTS[kind]
    document = hostile_document(text)
    response = SearchResponse(
        query=text,
        results=[result(text or "x", document, ["robotics", "招商", "bold"]) for _ in range(15)],
    )
    answer = formatting.ask_answer(text or "?", response, per_page=10, suggestions=Suggestions())
    assert_safe(answer)
    for card in answer.pages:
        assert_markdown_balanced(card.description)


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
    answer = formatting.official_answer(text, OfficialLookup(official=official))
    assert_safe(answer)
    assert len(answer.pages) == 4


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_directory_sources_and_help_within_limits(kind: str) -> None:
    """The directory, sources, help and nothing-found answers fit whatever names they list."""
    text = HOSTILE_TEXTS[kind] or "?"
    document = hostile_document(text)
    officials = [Official(name=f"{text[:150]} {n}", titles=[]) for n in range(40)]
    summaries = [DocumentSummary(**document.model_dump(), passages=3) for _ in range(12)]
    suggestions = Suggestions(
        officials=[text] * 10, documents=[text] * 10, examples=[Example("en", text)] * 10
    )
    for answer in (
        formatting.officials_answer(officials),
        formatting.sources_answer(summaries),
        formatting.help_answer(FakeStats(), suggestions),
        formatting.nothing_found_answer(text, suggestions),
        formatting.official_answer(text, OfficialLookup(official=None, suggestions=[text] * 10)),
        formatting.reload_answer(FakeStats(), [text] * 50, 1.5),
    ):
        assert_safe(answer)


def test_fit_card_trims_an_oversized_card() -> None:
    """A card over every limit comes back within all of them."""
    huge = "word " * 3000
    card = Card(
        title=huge,
        description=huge,
        fields=tuple(formatting.Field(huge, huge) for _ in range(40)),
        footer=huge,
    )
    assert_within_limits(formatting.fit_card(card))


def test_ask_answer_quotes_verbatim_with_bold_matches() -> None:
    """Each quote appears verbatim in a block quote, its matched words in bold."""
    answer = formatting.ask_answer(
        "robotics", robotics_response(), per_page=3, suggestions=Suggestions()
    )
    description = answer.pages[0].description
    assert (
        "> There is a special priority in the areas of artificial intelligence and "
        "**robotics**, which" in description
    )
    assert "**Robotik**" in description
    plain = to_plain(description).replace("**", "")
    for text in (ROBOTICS_EN, ROBOTICS_DE, GOVERNOR_EN):
        assert text in plain


def test_ask_answer_cites_source_title_date_and_links_the_quote() -> None:
    """The citation names source, title and date; the title links to the sentence itself."""
    description = (
        formatting.ask_answer(
            "robotics", robotics_response(), per_page=3, suggestions=Suggestions()
        )
        .pages[0]
        .description
    )
    assert "news aktuell (ots)" in description
    assert "2025-02-06" in description
    assert (
        f"[*{PRESS_EN.title}*]({PRESS_EN.url}#:~:text=There%20is%20a%20special%20priority%20in,"
        "strong%20growth%20potential%20and%20large%20scale.)"
    ) in description


def copy_of(document: DocumentInfo, passage_id: int = 50) -> Copy:
    return Copy(document=document, passage_id=passage_id, paragraph=2, start=0, end=10)


MIRROR = DocumentInfo(
    id="mirror-of-the-release",
    title="A mirror of the release",
    source="unknown source",
    date=None,
    url="https://www.mirror.example/news/1",
    language="en",
)


def test_ask_answer_lists_other_publishers_under_the_citation() -> None:
    """A quote other documents also published gets one line naming them, with their dates."""
    copied = (
        robotics_response()
        .results[0]
        .model_copy(update={"also_published": [copy_of(PRESS_CONF), copy_of(MIRROR, 51)]})
    )
    response = SearchResponse(query="q", results=[copied])
    description = (
        formatting.ask_answer("robotics", response, per_page=3, suggestions=Suggestions())
        .pages[0]
        .description
    )
    cite, also = description.split("\n")[-2:]
    assert cite.startswith("\u2014 **1.** news aktuell (ots)")
    # Long source names are shortened; a copy without a source is named by its site.
    assert also == (
        "also published by Yangcheng Evening News \u2013 Lingnan on\u2026 (2025-01-16), "
        "[mirror.example](https://www.mirror.example/news/1)"
    )


def test_copy_without_source_or_url_is_named_by_its_title() -> None:
    """A copy that names no source and has no address is shown by its title, in italics."""
    untraced = MIRROR.model_copy(update={"url": None, "date": "2025-03-01"})
    line = formatting.also_published_line([copy_of(untraced)], 200)
    assert line == "also published by *A mirror of the release* (2025-03-01)"


def test_ask_answer_without_copies_has_no_also_published_line() -> None:
    """A quote no other document carries gets no "also published" line."""
    description = (
        formatting.ask_answer(
            "robotics", robotics_response(), per_page=3, suggestions=Suggestions()
        )
        .pages[0]
        .description
    )
    assert "also published" not in description


def test_also_published_line_counts_the_names_that_do_not_fit() -> None:
    """Names beyond the room are counted, unlinked first so that more names fit."""
    copies = [copy_of(MIRROR.model_copy(update={"source": f"Site {n}"}), n) for n in range(9)]
    line = formatting.also_published_line(copies, 80)
    assert line.startswith("also published by Site 0, Site 1")
    assert line.endswith(" more")
    assert discord_len(line) <= 80
    assert "](" not in line


def test_console_shows_the_other_publishers() -> None:
    """The console prints the same "also published" line, the link spelled out."""
    copied = robotics_response().results[0].model_copy(update={"also_published": [copy_of(MIRROR)]})
    card = formatting.ask_answer(
        "robotics",
        SearchResponse(query="q", results=[copied]),
        per_page=3,
        suggestions=Suggestions(),
    ).pages[0]
    assert "also published by mirror.example <https://www.mirror.example/news/1>" in to_text(card)


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_also_published_within_limits_for_hostile_names(kind: str) -> None:
    """Copies with hostile sources and titles keep every page within Discord's limits."""
    text = HOSTILE_TEXTS[kind]
    copies = [copy_of(hostile_document(text), n) for n in range(30)]
    quote = result(text or "x", hostile_document(text), ["bold"])
    response = SearchResponse(
        query=text, results=[quote.model_copy(update={"also_published": copies})] * 12
    )
    answer = formatting.ask_answer(text or "?", response, per_page=10, suggestions=Suggestions())
    assert_safe(answer)
    for card in answer.pages:
        assert_markdown_balanced(card.description)


def test_ask_answer_without_url_has_no_link() -> None:
    """A document without a URL is cited by title alone."""
    response = SearchResponse(query="q", results=[result(INVESTMENT_ZH, PRESS_CONF, ["招商"])])
    description = (
        formatting.ask_answer("招商", response, per_page=3, suggestions=Suggestions())
        .pages[0]
        .description
    )
    assert f"*{formatting.escape(PRESS_CONF.title)}*" in description
    assert "](" not in description
    assert "**招商**" in description


def test_ask_answer_pages_by_quotes_per_answer() -> None:
    """Results beyond the quotes per answer go to further pages, numbered on."""
    answer = formatting.ask_answer(
        "robotics", robotics_response(), per_page=2, suggestions=Suggestions()
    )
    assert len(answer.pages) == 2
    assert "**3.**" in answer.pages[1].description
    assert answer.pages[1].footer is not None and "page 2/2" in answer.pages[1].footer


def test_ask_answer_shows_other_spellings_searched() -> None:
    """A name searched in its other spellings is said above the quotes."""
    from retrieval.models import Expansion

    response = robotics_response().model_copy(
        update={"expansions": [Expansion(original="张劲松", added=["Zhang Jinsong"])]}
    )
    card = formatting.ask_answer(
        "张劲松说了什么", response, per_page=3, suggestions=Suggestions()
    ).pages[0]
    assert card.description.startswith("Also searched as Zhang Jinsong (for \u201c张劲松\u201d).")


def test_ask_answer_shows_corrections() -> None:
    """A corrected spelling is shown as the query actually searched."""
    answer = formatting.ask_answer(
        "what did wang weizong say", corrected_response(), per_page=3, suggestions=Suggestions()
    )
    assert answer.pages[0].description.startswith(
        "Showing results for \u201cwhat did wang weizhong say\u201d."
    )


def test_nothing_found_says_so_and_suggests() -> None:
    """No results: a plain statement plus officials, topics and example questions."""
    suggestions = Suggestions(
        officials=["Huang Kunming", "Wang Weizhong"],
        documents=[PRESS_EN.title],
        examples=load_examples(),
    )
    answer = formatting.ask_answer(
        "weather in Paris",
        SearchResponse(query="q", results=[]),
        per_page=3,
        suggestions=suggestions,
    )
    assert not answer.found
    card = answer.pages[0]
    assert "The corpus has no passage that answers \u201cweather in Paris\u201d" in card.description
    names = [f.name for f in card.fields]
    assert names == [
        "Officials you can look up with /official",
        "Topics: the documents in the corpus",
        "Example questions",
    ]
    assert "Huang Kunming" in card.fields[0].value


def test_official_answer_shows_titles_documents_statements() -> None:
    """An official's card has titles with source and date, documents and statements."""
    card = formatting.official_answer("Wang Weizhong", OfficialLookup(official=WANG)).pages[0]
    assert card.title == "Wang Weizhong"
    fields = {f.name: f.value for f in card.fields}
    assert "Governor of Guangdong \u2014 news aktuell (ots), 2025-02-06" in fields["Titles"]
    assert all(document.title in fields["Documents"] for document in WANG.documents)
    assert "> Governor Wang Weizhong headed the event." in fields["Statement 1 · 2025-02-06"]
    assert "王伟中" in card.description


def test_official_answer_pages_statements_three_at_a_time() -> None:
    """Seven statements make three pages; titles and documents only on the first."""
    answer = formatting.official_answer("Huang Kunming", OfficialLookup(official=HUANG))
    assert len(answer.pages) == 3
    assert [f.name for f in answer.pages[0].fields][:2] == ["Titles", "Documents"]
    assert [f.name.split(" ·")[0] for f in answer.pages[2].fields] == ["Statement 7"]


def test_official_answer_tells_reported_statements_from_transcript_sentences() -> None:
    """Sentences of an official's own speech are counted apart and labelled as transcript."""
    spoken = HUANG.statements[0].model_copy(update={"kind": "transcript"})
    official = HUANG.model_copy(update={"statements": [spoken, *HUANG.statements[1:]]})
    card = formatting.official_answer("Huang", OfficialLookup(official=official)).pages[0]
    assert "6 statements reported · 1 sentence from the transcript" in card.description
    labels = [f.name for f in card.fields if f.name.startswith("Statement")]
    assert labels[0].endswith("from the speech transcript")
    assert not labels[1].endswith("from the speech transcript")


def test_official_without_statements_says_so_on_one_page() -> None:
    """An official the corpus names but never quotes gets one page that says so."""
    quiet = WANG.model_copy(update={"statements": []})
    answer = formatting.official_answer("Wang Weizhong", OfficialLookup(official=quiet))
    [card] = answer.pages
    assert [f.name for f in card.fields] == ["Titles", "Documents", "Statements"]
    assert card.fields[-1].value == "The corpus quotes no statement by them."
    assert card.footer == "no statements"


def test_empty_directory_says_so() -> None:
    """A corpus that names no officials gets a sentence, not an empty page."""
    [card] = formatting.officials_answer([]).pages
    assert (card.title, card.description) == ("Officials", "The corpus names no officials yet.")


def test_unknown_official_lists_closest_names() -> None:
    """An unknown name gets the closest names."""
    answer = formatting.official_answer(
        "Wang", OfficialLookup(official=None, suggestions=["Wang Weizhong", "Wang Yueqin"])
    )
    assert not answer.found
    assert "\u2022 Wang Weizhong\n\u2022 Wang Yueqin" in answer.pages[0].description


def test_sources_answer_lists_title_source_date_language_link() -> None:
    """Each document shows its linked title, source, date, language and passage count."""
    summary = DocumentSummary(**PRESS_EN.model_dump(), passages=42)
    description = formatting.sources_answer([summary]).pages[0].description
    assert f"[**{PRESS_EN.title}**]({PRESS_EN.url})" in description
    assert "news aktuell (ots) · 2025-02-06 · English · 42 passages" in description


def test_help_has_examples_in_three_languages() -> None:
    """/help lists the commands and example questions in English, German and Chinese."""
    card = formatting.help_answer(FakeStats(), Suggestions(examples=load_examples())).pages[0]
    examples = {f.name: f.value for f in card.fields}["Example questions"]
    assert "artificial intelligence and robotics" in examples
    assert "über" in examples
    assert re.search(r"[\u4e00-\u9fff]", examples)
    assert "/official" in {f.name: f.value for f in card.fields}["Commands"]


def test_help_says_what_the_bot_does_and_lists_every_user_command() -> None:
    """/help opens with what the bot does, then one line per user command, with its option."""
    card = formatting.help_answer(FakeStats(), Suggestions()).pages[0]
    assert card.description.startswith("I answer questions about Guangdong's industrial policy")
    commands = {f.name: f.value for f in card.fields}["Commands"].split("\n")
    assert [line.split(" \u2014 ")[0] for line in commands[:5]] == [
        "`/ask question`",
        "`/official name`",
        "`/officials`",
        "`/sources`",
        "`/help`",
    ]
    assert "/reload" not in card.fields[0].value


def test_cooldown_message_rounds_up_the_wait() -> None:
    """The cooldown sentence names the wait in whole seconds, never zero."""
    assert "wait 13 seconds" in formatting.cooldown_message(12.1)
    assert "wait 1 second " in formatting.cooldown_message(0.2)


def test_to_embed_and_to_text_show_the_same_words() -> None:
    """Console text and the embed carry the same title, quote and footer."""
    card = formatting.ask_answer(
        "robotics", robotics_response(), per_page=3, suggestions=Suggestions()
    ).pages[0]
    embed = to_embed(card)
    text = to_text(card)
    assert isinstance(embed, discord.Embed)
    assert embed.title == card.title and embed.description == card.description
    assert embed.footer.text == card.footer
    assert "There is a special priority" in text
    assert card.footer is not None and card.footer in text
    assert f"<{PRESS_EN.url}#:~:text=" in text


def test_quote_starting_mid_sentence_opens_with_an_ellipsis() -> None:
    """A passage beginning in lower case (cut from a longer sentence) is marked "…made"."""
    quote = formatting.quote_block("made a series of major decisions and arrangements.", [], 500)
    assert quote == "> \u2026made a series of major decisions and arrangements."


def test_quote_ending_on_a_comma_closes_with_an_ellipsis() -> None:
    """A passage ending on a comma (the sentence goes on) is marked with a closing "…"."""
    quote = formatting.quote_block("He proposed strategies for development,", [], 500)
    assert quote == "> He proposed strategies for development,\u2026"


def test_whole_sentence_quotes_get_no_ellipsis() -> None:
    """A sentence starting with a capital, a digit or a mixed-case word is shown as it is."""
    for text in ("Huang Kunming spoke.", "5G is planned.", "iPhone sales rose."):
        assert formatting.quote_block(text, [], 500) == f"> {text}"


def test_sources_title_counts_one_document_in_the_singular() -> None:
    """A corpus of one document is titled "Sources (1 document)", not "1 documents"."""
    summary = DocumentSummary(**PRESS_EN.model_dump(), passages=42)
    assert formatting.sources_answer([summary]).pages[0].title == "Sources (1 document)"


def test_console_title_rule_spans_wide_characters() -> None:
    """Under a Chinese title the console's rule spans two columns per character."""
    text = to_text(Card(title="广东的地区生产总值预计是多少"))
    assert text.split("\n")[1] == "=" * 28


def test_tight_citation_keeps_source_and_date() -> None:
    """When room is short the citation gives up link and title length, never the date."""
    cite = formatting.bounded_citation(PRESS_EN, ROBOTICS_EN, 7, 110)
    assert discord_len(cite) <= 110
    assert cite.startswith("news aktuell (ots) · ")
    assert cite.endswith(" · 2025-02-06 · ¶ 7")


def test_synonyms_the_quotes_matched_are_named_once() -> None:
    """An answer found through synonyms says which words stood for which, in one short line."""
    from retrieval.models import Expansion

    note = formatting.synonyms_note([Expansion(original="rules", added=["regulation"])])
    assert note.startswith("-# Same meaning:")
    assert "\u201crules\u201d as regulation" in note


# --- the quote in other languages ----------------------------------------------------------------


def counterpart_of(
    document: DocumentInfo, text: str, *, passage_id: int = 60, original: bool = False
) -> Counterpart:
    return Counterpart(
        document=document,
        passage_id=passage_id,
        paragraph=5,
        start=0,
        end=len(text),
        text=text,
        language=document.language,
        original=original,
    )


def robotics_with_counterpart(*counterparts: Counterpart) -> SearchResponse:
    shown = robotics_response().results[0].model_copy(update={"also_in": list(counterparts)})
    return SearchResponse(query="q", results=[shown])


def test_quote_names_the_language_it_is_also_in_with_a_link_to_that_sentence() -> None:
    """A translated quote's citation says "also in German", linked to the German sentence."""
    response = robotics_with_counterpart(counterpart_of(PRESS_DE, ROBOTICS_DE))
    description = (
        formatting.ask_answer("robotics", response, per_page=3, suggestions=Suggestions())
        .pages[0]
        .description
    )
    cite = description.split("\n")[-1]
    assert cite.startswith("\u2014 **1.** news aktuell (ots)")
    assert cite.endswith(
        f" · also in [German]({PRESS_DE.url}#:~:text=Besondere%20Priorit%C3%A4t%20liege%20auf"
        "%20den%20Bereichen,und%20gro%C3%9Fem%20Ma%C3%9Fstab%20entwickelt%20werden%20sollten.)"
    )


def test_the_original_is_marked_as_such() -> None:
    """A counterpart the dates tell is the original is marked "(original)"."""
    segment = formatting.also_in_segment(
        [counterpart_of(PRESS_DE.model_copy(update={"url": None}), ROBOTICS_DE, original=True)],
        200,
    )
    assert segment == "also in German (original)"


def test_counterparts_in_one_language_link_once() -> None:
    """Two passages of one translation are one language, linked from the first's opening words
    to the last's closing words; a copy of the translation elsewhere adds nothing."""
    first, second = "Erster Satz der Übersetzung hier.", "Zweiter Satz endet genau hier."
    elsewhere = PRESS_DE.model_copy(update={"id": "a-copy", "url": "https://copy.example/1"})
    segment = formatting.also_in_segment(
        [
            counterpart_of(PRESS_DE, first),
            counterpart_of(PRESS_DE, second, passage_id=61),
            counterpart_of(elsewhere, first, passage_id=90),
        ],
        400,
    )
    assert segment.count("German") == 1
    assert "copy.example" not in segment
    assert "Erster" in segment and "genau%20hier." in segment


def test_several_languages_give_way_to_plain_names_when_room_is_short() -> None:
    """Without room for the links, the languages are named plainly."""
    chinese = PRESS_CONF.model_copy(update={"language": "zh", "url": "https://zh.example/1"})
    counterparts = [counterpart_of(PRESS_DE, ROBOTICS_DE), counterpart_of(chinese, INVESTMENT_ZH)]
    segment = formatting.also_in_segment(counterparts, 40)
    assert segment == "also in German, Chinese"


def test_quote_without_counterparts_names_no_other_language() -> None:
    """A quote in one language only gets no "also in" segment."""
    description = (
        formatting.ask_answer(
            "robotics", robotics_response(), per_page=3, suggestions=Suggestions()
        )
        .pages[0]
        .description
    )
    assert "also in" not in description


def test_console_shows_the_other_language_with_its_address() -> None:
    """The console prints the same "also in German" segment, the link spelled out."""
    response = robotics_with_counterpart(counterpart_of(PRESS_DE, ROBOTICS_DE, original=True))
    card = formatting.ask_answer("robotics", response, per_page=3, suggestions=Suggestions()).pages[
        0
    ]
    assert f"also in German <{PRESS_DE.url}#:~:text=Besondere" in to_text(card)
    assert "(original)" in to_text(card)


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_also_in_within_limits_for_hostile_text(kind: str) -> None:
    """Counterparts with hostile texts and titles keep every page within Discord's limits."""
    text = HOSTILE_TEXTS[kind]
    counterparts = [
        counterpart_of(hostile_document(text).model_copy(update={"language": code}), text or "x")
        for code in ("de", "zh", "fr", "x]y(z")
    ]
    quote = result(text or "x", hostile_document(text), ["bold"])
    response = SearchResponse(
        query=text, results=[quote.model_copy(update={"also_in": counterparts})] * 12
    )
    answer = formatting.ask_answer(text or "?", response, per_page=10, suggestions=Suggestions())
    assert_safe(answer)
    for card in answer.pages:
        assert_markdown_balanced(card.description)


def test_translations_an_answer_was_found_through_are_named_once() -> None:
    """An answer found through translation says which word was searched as which."""
    from retrieval.models import Expansion

    note = formatting.translations_note([Expansion(original="港口", added=["harbour"])])
    assert note == "-# Found through: \u201c港口\u201d \u2192 harbour"
