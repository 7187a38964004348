"""An official's titles merged across languages by the office they hold."""

from __future__ import annotations

from retrieval.models import OfficialTitle
from retrieval.officials.title_groups import merge_titles, title_language


def titles(*pairs: tuple[str, str]) -> list[OfficialTitle]:
    return [OfficialTitle(title=title, document=doc, date="2026-06-09") for title, doc in pairs]


LANGUAGES = {"en-doc": "en", "de-doc": "de", "zh-doc": "zh"}


def forms(found: list[OfficialTitle]) -> list[str]:
    return [t.title for t in found]


def test_one_office_in_three_languages_is_one_entry() -> None:
    """ "Mayor", "Bürgermeister" and 市长 merge; each language keeps its own form."""
    [merged] = merge_titles(
        titles(("Mayor", "en-doc"), ("Bürgermeister", "de-doc"), ("市长", "zh-doc")), LANGUAGES
    )
    assert forms(merged.forms) == ["Mayor", "Bürgermeister", "市长"]
    assert merged.languages == ["en", "de", "zh"]


def test_a_second_wording_in_one_language_is_kept_but_not_shown_twice() -> None:
    """Two English wordings of one office: the first is the form, both are titles."""
    [merged] = merge_titles(
        titles(
            ("secretary of the party committee of Zhuhai", "en-doc"),
            ("Zhuhai Party Secretary", "en-doc"),
        ),
        LANGUAGES,
    )
    assert forms(merged.forms) == ["secretary of the party committee of Zhuhai"]
    assert len(merged.titles) == 2


def test_the_same_office_in_two_places_stays_apart() -> None:
    """Party secretary of Zhuhai and of Foshan are two entries, each with its translation."""
    merged = merge_titles(
        titles(
            ("Party Secretary of Zhuhai", "en-doc"),
            ("Party Secretary of Foshan", "en-doc"),
            ("Parteisekretär von Foshan", "de-doc"),
        ),
        LANGUAGES,
    )
    assert [forms(m.forms) for m in merged] == [
        ["Party Secretary of Zhuhai"],
        ["Party Secretary of Foshan", "Parteisekretär von Foshan"],
    ]


def test_a_lesser_office_is_another_entry() -> None:
    """A vice mayor is not a mayor: two entries."""
    merged = merge_titles(titles(("Vice Mayor", "en-doc"), ("Mayor", "en-doc")), LANGUAGES)
    assert len(merged) == 2


def test_titles_of_no_known_office_merge_only_when_worded_alike() -> None:
    """Titles the equivalents file does not know merge only with the same words."""
    merged = merge_titles(
        titles(("Harbour Pilot", "en-doc"), ("harbour pilot", "en-doc"), ("Lotse", "de-doc")),
        LANGUAGES,
    )
    assert [len(m.titles) for m in merged] == [2, 1]


def test_a_title_in_characters_is_chinese_whatever_its_document() -> None:
    """A title written in characters is Chinese even in an English document."""
    assert title_language("省商务厅厅长", "en") == "zh"
    assert title_language("Mayor", "de") == "de"
