"""Which titles are public offices (``TitleVocabulary.is_public``), on invented titles."""

from __future__ import annotations

import pytest

from retrieval.officials.vocabulary import TitleVocabulary, load_vocabulary


@pytest.fixture(scope="module")
def titles() -> TitleVocabulary:
    return load_vocabulary().titles


@pytest.mark.parametrize(
    "title",
    [
        "Governor",
        "Shenzhen Mayor",
        "stellvertretende Bürgermeisterin",
        "Macaus Regierungschef",
        "director of the Zhuhai Water Bureau",
        "official with the Ministry of Water Resources",
        "Sprecher des Verkehrsamts der Stadt Foshan",
        "head of Xiangzhou District",
        "市交通局局长",
        "省贸促会会长",
    ],
)
def test_offices_and_titles_naming_a_public_body_are_public(titles: TitleVocabulary, title: str):
    """An office public by itself, or any office of a public body or place, is public."""
    assert titles.is_public(title)


@pytest.mark.parametrize(
    "title",
    [
        "head of the School of Law of Nanhai University",  # a university
        "chief scientist of the Deep Sea Drilling Project",  # a profession, no body
        "Chairman of Fenghuang Trading",  # a firm that does not say it is one
        "spokesperson of the Nanhai Expo",  # a trade fair
        "Sprecher der Messe",
        "director of the department of finance at the Nanhai Development Centre",  # "at" a non-body
        "senior analyst at the provincial Department of Commerce",  # a profession
        "stellvertretender Generaldirektor des Nanhai Trade Centre",
        "商会会长",  # a chamber of commerce
        "Sprecher",  # an office of nobody in particular
    ],
)
def test_positions_outside_public_bodies_are_not_public(titles: TitleVocabulary, title: str):
    """Universities, firms, fairs, professions and bare generic heads are no public office."""
    assert not titles.is_public(title)


def test_at_names_the_body_the_office_belongs_to(titles: TitleVocabulary):
    """ "director of the X department at the Y": Y decides, so a ministry makes it public."""
    assert titles.is_public("director of the planning department at the Ministry of Transport")
    assert not titles.is_public("director of the planning department at the Lingnan Group")
