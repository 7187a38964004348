"""What /ask answers: quotes with one citation line each, notes under them, nothing-found."""

from __future__ import annotations

import pytest

from bot.cogs.ask_answers import notes_line
from bot.examples import load_examples
from bot.markdown import escape, to_plain
from bot.quote_facts import QuoteFacts
from retrieval.models import (
    DocumentInfo,
    Expansion,
    SearchResponse,
    Statement,
)
from tests.bot.fixtures import (
    GOVERNOR_EN,
    INVESTMENT_ZH,
    MIRROR,
    PRESS_CONF,
    PRESS_DE,
    PRESS_EN,
    ROBOTICS_DE,
    ROBOTICS_EN,
    WANG,
    copy_of,
    corrected_response,
    counterpart_of,
    result,
    robotics_response,
    robotics_with_counterpart,
)
from tests.bot.limits import (
    HOSTILE_TEXTS,
    ask,
    assert_markdown_balanced,
    assert_safe,
    hostile_document,
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
    answer = ask(text or "?", response, per_page=10)
    assert_safe(answer)
    for card in answer.pages:
        assert_markdown_balanced(card.description)


def test_ask_answer_quotes_verbatim_with_bold_matches() -> None:
    """Each quote appears verbatim in a block quote, its matched words in bold."""
    answer = ask("robotics", robotics_response(), per_page=3)
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
    """The line under a quote names the source, a date that never breaks and the paragraph;
    the title links to the sentence itself."""
    description = ask("robotics", robotics_response(), per_page=3).pages[0].description
    line = description.split("\n")[1]
    assert line.startswith("-# **1** · news aktuell · 6\u00a0Feb\u00a02025 · \u00b6\u00a05 · ")
    assert (
        f"({PRESS_EN.url}#:~:text=There%20is%20a%20special%20priority%20in,"
        "strong%20growth%20potential%20and%20large%20scale.)"
    ) in line


def test_ask_answer_lists_other_publishers_under_the_citation() -> None:
    """A quote other documents also published says so on its citation line, with dates."""
    copied = (
        robotics_response()
        .results[0]
        .model_copy(update={"also_published": [copy_of(PRESS_CONF), copy_of(MIRROR, 51)]})
    )
    response = SearchResponse(query="q", results=[copied])
    description = ask("robotics", response, per_page=3).pages[0].description
    line = description.split("\n")[-1]
    assert line.startswith("-# **1** · news aktuell")
    # A copy without a source is named by its site.
    assert line.endswith(
        "also published by Yangcheng Evening News \u2013\u2026 (16\u00a0Jan\u00a02025), "
        "[mirror.example](https://www.mirror.example/news/1)"
    )


def test_ask_answer_without_copies_has_no_also_published_line() -> None:
    """A quote no other document carries gets no "also published" line."""
    description = ask("robotics", robotics_response(), per_page=3).pages[0].description
    assert "also published" not in description


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_also_published_within_limits_for_hostile_names(kind: str) -> None:
    """Copies with hostile sources and titles keep every page within Discord's limits."""
    text = HOSTILE_TEXTS[kind]
    copies = [copy_of(hostile_document(text), n) for n in range(30)]
    quote = result(text or "x", hostile_document(text), ["bold"])
    response = SearchResponse(
        query=text, results=[quote.model_copy(update={"also_published": copies})] * 12
    )
    answer = ask(text or "?", response, per_page=10)
    assert_safe(answer)
    for card in answer.pages:
        assert_markdown_balanced(card.description)


def test_ask_answer_without_url_has_no_link() -> None:
    """A document without a URL is cited by title alone."""
    response = SearchResponse(query="q", results=[result(INVESTMENT_ZH, PRESS_CONF, ["招商"])])
    description = ask("招商", response, per_page=3).pages[0].description
    assert f"*{escape(PRESS_CONF.title)}*" in description
    assert "](" not in description
    assert "**招商**" in description


def test_ask_answer_pages_by_quotes_per_answer() -> None:
    """Results beyond the quotes per answer go to further pages, numbered on."""
    answer = ask("robotics", robotics_response(), per_page=2)
    assert len(answer.pages) == 2
    assert "-# **3**" in answer.pages[1].description
    assert answer.pages[1].footer is not None and "page 2/2" in answer.pages[1].footer


def test_ask_answer_shows_other_spellings_searched() -> None:
    """A name searched in its other spellings is said in the note line under the quotes."""
    response = robotics_response().model_copy(
        update={"expansions": [Expansion(original="张劲松", added=["Zhang Jinsong"])]}
    )
    card = ask("张劲松说了什么", response, per_page=3).pages[0]
    assert card.description.endswith("\n\n-# 亦搜索: Zhang Jinsong (\u201c张劲松\u201d)")


def test_ask_answer_shows_corrections() -> None:
    """A corrected spelling is shown, under the quotes, as the question actually searched."""
    answer = ask("what did wang weizong say", corrected_response(), per_page=3)
    description = answer.pages[0].description
    assert description.startswith("> ")
    assert description.endswith("-# Read as \u201cwhat did wang weizhong say\u201d")


def test_nothing_found_says_so_and_suggests() -> None:
    """No results: one private sentence and three example questions, at most eight lines."""
    answer = ask(
        "weather in Paris", SearchResponse(query="q", results=[]), examples=load_examples()
    )
    assert not answer.found and answer.ephemeral
    [card] = answer.pages
    lines = card.description.split("\n")
    assert "no passage that answers \u201cweather in Paris\u201d" in lines[0]
    assert [line.startswith("• /ask ") for line in lines[1:4]] == [True] * 3
    assert len(lines) <= 7 and not card.fields
    assert answer.origin is None


def test_quote_names_the_language_it_is_also_in_with_a_link_to_that_sentence() -> None:
    """A translated quote's citation says "also in German", linked to the German sentence."""
    response = robotics_with_counterpart(counterpart_of(PRESS_DE, ROBOTICS_DE))
    description = ask("robotics", response, per_page=3).pages[0].description
    line = description.split("\n")[-1]
    assert line.startswith("-# **1** · news aktuell")
    assert line.endswith(
        f" · also in [German]({PRESS_DE.url}#:~:text=Besondere%20Priorit%C3%A4t%20liege%20auf"
        "%20den%20Bereichen,und%20gro%C3%9Fem%20Ma%C3%9Fstab%20entwickelt%20werden%20sollten.)"
    )


def test_quote_without_counterparts_names_no_other_language() -> None:
    """A quote in one language only gets no "also in" segment."""
    description = ask("robotics", robotics_response(), per_page=3).pages[0].description
    assert "also in" not in description


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
    answer = ask(text or "?", response, per_page=10)
    assert_safe(answer)
    for card in answer.pages:
        assert_markdown_balanced(card.description)


def test_synonyms_the_quotes_matched_are_named_once() -> None:
    """An answer found through synonyms says which words stood for which, in the note line."""
    response = robotics_response().model_copy(
        update={"synonyms": [Expansion(original="rules", added=["regulation"])]}
    )
    description = ask("What rules apply to robotics?", response).pages[0].description
    assert description.endswith("-# Same meaning: \u201crules\u201d = regulation")


def test_translations_an_answer_was_found_through_are_named_once() -> None:
    """An answer found through translation says, in the asker's language, which word was
    searched as which."""
    response = robotics_response().model_copy(
        update={"translations": [Expansion(original="港口", added=["harbour"])]}
    )
    assert notes_line("港口有多少", response) == "-# 经由翻译: \u201c港口\u201d \u2192 harbour"
    assert notes_line("Welche Häfen hat die Provinz?", response).startswith("-# Gefunden über: ")


def test_each_quote_has_exactly_one_citation_line() -> None:
    """Every quote is followed by one subtext line, and nothing else cites it."""
    description = ask("robotics", robotics_response(), per_page=3).pages[0].description
    blocks = description.split("\n\n")
    assert len(blocks) == 3
    for block in blocks:
        *quote, line = block.split("\n")
        assert all(q.startswith("> ") for q in quote)
        assert line.startswith("-# ")


def test_the_full_citation_is_kept_for_the_cite_button() -> None:
    """The page carries its quotes' full citations (full source, title, ISO date, paragraph,
    clean address) and the address of its first quote."""
    card = ask("robotics", robotics_response(), per_page=3).pages[0]
    assert card.citation is not None
    first = card.citation.split("\n")[0]
    assert first == (
        f"[1] news aktuell (ots), \u201c{PRESS_EN.title}\u201d, 2025-02-06, para. 5. {PRESS_EN.url}"
    )
    assert card.source_url is not None and card.source_url.startswith(f"{PRESS_EN.url}#:~:text=")


def test_a_quote_said_by_an_official_names_the_speaker() -> None:
    """A quote the statements index gives to an official says who said it."""
    facts = QuoteFacts.of(
        [WANG.model_copy(update={"statements": [statement_at(PRESS_EN, 100, 400)]})], []
    )
    description = ask("robotics", robotics_response(), facts=facts).pages[0].description
    first, second = description.split("\n\n")[:2]
    assert "-# **1** · said by Wang Weizhong · news aktuell" in first
    assert "said by" not in second  # another document: nobody is implied


def test_notes_stand_under_the_quotes_never_above() -> None:
    """Every note (correction, spellings, synonyms, translations) is one line at the end."""
    response = corrected_response().model_copy(
        update={
            "expansions": [Expansion(original="wang", added=["王伟中"])],
            "translations": [Expansion(original="say", added=["说"])],
        }
    )
    description = ask("what did wang weizong say", response).pages[0].description
    assert description.startswith("> ")
    assert description.count("-# Read as") == 1
    last = description.split("\n")[-1]
    assert "Read as" in last and "Also searched as" in last and "Found through" in last


def test_a_question_of_figures_bolds_the_figure_not_the_words() -> None:
    """Asked how much, the quote shows its figure in bold, not the question's words."""
    quote = "Guangdong is expected to achieve GDP of over 14 trillion yuan in 2024."
    response = SearchResponse(
        query="q", results=[result(quote, PRESS_EN, ["GDP", "expected", "2024"])]
    )
    description = ask("What GDP does Guangdong expect for 2024?", response).pages[0].description
    assert "**14 trillion yuan**" in description
    assert "**GDP**" not in description and "**2024**" not in description


def test_words_found_in_most_of_the_corpus_are_not_bold() -> None:
    """A matched word found in most passages marks nothing and is not bold."""
    passages = ["Guangdong is a province."] * 8 + ["Robotics is new."] * 2
    facts = QuoteFacts.of([], passages)
    response = SearchResponse(
        query="q",
        results=[result("Guangdong promotes robotics.", PRESS_EN, ["Guangdong", "robotics"])],
    )
    description = ask("Guangdong robotics", response, facts=facts).pages[0].description
    assert "**robotics**" in description and "**Guangdong**" not in description


def statement_at(document: DocumentInfo, start: int, end: int) -> Statement:
    return Statement(text="x", document=document.id, date=None, paragraph=5, start=start, end=end)


def test_a_quote_from_a_pdf_names_its_page() -> None:
    """The page a search result gives (a PDF's) reaches the line under the quote and Cite."""
    from_pdf = result(ROBOTICS_EN, PRESS_EN, ["robotics"], paragraph=12).model_copy(
        update={"page": 4}
    )
    card = ask("robotics", SearchResponse(query="robotics", results=[from_pdf])).pages[0]
    assert " · p.\u00a04 · \u00b6\u00a012 · " in card.description
    assert card.citation is not None and ", p. 4, para. 12." in card.citation


def test_nothing_found_without_examples_is_one_sentence_and_a_hint() -> None:
    """Nothing found, with no examples to show (a public reply): the sentence ends there and
    one line says where the examples are; no "try for example:" leading to nothing."""
    answer = ask("weather in Paris", SearchResponse(query="q", results=[]))
    lines = answer.pages[0].description.split("\n")
    assert len(lines) == 2
    assert lines[0].endswith("(lingnan quotes, it never guesses).")
    assert lines[1].startswith("-# /help shows example questions")
