"""The models' own behaviour beyond their fields."""

from __future__ import annotations

from retrieval.models import Passage, Statement, share_field_names

TEXT = "A passage of thirty characters"


def _trusted(passage_id: int) -> Passage:
    return Passage.trusted(passage_id, "doc", 2, 10, 40, TEXT, "en", None)


def test_trusted_passage_is_the_validated_one() -> None:
    """A passage made without validation equals, hashes and dumps as the validated one."""
    validated = Passage(
        id=7, document_id="doc", paragraph=2, start=10, end=40, text=TEXT, language="en"
    )
    trusted = _trusted(7)
    assert trusted == validated
    assert hash(trusted) == hash(validated)
    assert trusted.model_dump() == validated.model_dump()
    assert trusted.model_fields_set == set(Passage.model_fields)


def test_copying_a_trusted_passage_leaves_the_others_alone() -> None:
    """Trusted passages share one set of field names; a copy with changes does not alter it."""
    first, second = _trusted(7), _trusted(8)
    changed = first.model_copy(update={"text": "other"})
    assert changed.text == "other"
    assert first.text == TEXT
    assert second.model_fields_set == set(Passage.model_fields)


def test_models_sharing_field_names_stay_apart() -> None:
    """Statements given one shared set of field names still copy with changes on their own."""
    first, second = (
        Statement(text=text, document="d", date=None, paragraph=1, start=0, end=4, kind="reported")
        for text in ("One.", "Two.")
    )
    share_field_names([first, second])
    assert first.model_fields_set is second.model_fields_set
    changed = first.model_copy(update={"text": "Three."})
    assert (changed.text, first.text, second.text) == ("Three.", "One.", "Two.")
    assert second.model_fields_set == set(Statement.model_fields)
