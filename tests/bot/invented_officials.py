"""An invented official for the /official tests: reported statements in a press release (English
and German), a long transcribed speech and a short one, a title in three languages. Names and
texts are made up."""

from __future__ import annotations

from retrieval.models import DocumentInfo, Official, OfficialTitle, Statement

RELEASE = DocumentInfo(
    id="harbour-release-en",
    title="Harbour city signs forty projects",
    source="Harbour City Government (press office)",
    date="2026-05-13",
    url="https://gov.example.org/harbour/release",
    language="en",
)
RELEASE_DE = RELEASE.model_copy(
    update={"id": "harbour-release-de", "title": "Hafenstadt unterzeichnet", "language": "de"}
)
SPEECH_2026 = DocumentInfo(
    id="harbour-speech-2026-en",
    title="Full text of Mayor Qiao Lanfeng's speech at the harbour forum",
    source="Harbour Daily",
    date="2026-05-12",
    url="https://news.example.org/harbour/speech-2026",
    language="en",
)
SPEECH_2025 = SPEECH_2026.model_copy(
    update={
        "id": "harbour-speech-2025-en",
        "title": "Mayor Qiao Lanfeng's new year address",
        "date": "2025-01-02",
        "url": None,
    }
)


def spoken(document: DocumentInfo, paragraph: int, start: int, text: str) -> Statement:
    return Statement(
        text=text,
        document=document.id,
        date=document.date,
        paragraph=paragraph,
        start=start,
        end=start + len(text),
        kind="transcript",
    )


def reported(number: int) -> Statement:
    text = f"Mayor Qiao Lanfeng stressed that harbour project number {number} will go ahead."
    return Statement(
        text=text, document=RELEASE.id, date=RELEASE.date, paragraph=number, start=0, end=9
    )


def speech_sentences(count: int) -> list[Statement]:
    """`count` sentences of one speech, four a paragraph, one after the other in the text."""
    sentences: list[Statement] = []
    position = 1000
    for n in range(count):
        text = (
            f"Sentence {n} of the harbour speech says what the city will build in the years ahead."
        )
        sentences.append(spoken(SPEECH_2026, 3 + n // 4, position, text))
        position += len(text) + 1
    return sentences


SPEECH_SENTENCES = speech_sentences(60)
QIAO = Official(
    name="Qiao Lanfeng",
    aliases=["乔兰峰"],
    titles=[
        OfficialTitle(title="Mayor", document=RELEASE.id, date="2026-05-13"),
        OfficialTitle(title="Bürgermeister", document=RELEASE_DE.id, date="2026-05-13"),
        OfficialTitle(title="市长", document=SPEECH_2026.id, date="2026-05-12"),
    ],
    documents=[RELEASE, RELEASE_DE, SPEECH_2026, SPEECH_2025],
    statements=[
        *(reported(n) for n in range(1, 5)),
        *SPEECH_SENTENCES,
        spoken(SPEECH_2025, 2, 50, "A new year of work on the harbour begins today for all of us."),
    ],
)
