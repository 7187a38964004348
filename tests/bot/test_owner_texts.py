"""The owner's /reload, /add and /remove sentences in each language."""

from __future__ import annotations

from bot.owner_texts import add_refused_message, loaded_in, now_serving
from retrieval.errors import Refusal


def test_german_size_refusal_writes_decimal_commas() -> None:
    """A file too large is refused in German, its size and limit with decimal commas."""
    sentence = add_refused_message(
        "huge.txt", Refusal.TOO_LARGE, "", "de", size_mb=2.25, limit_mb=1.5
    )
    assert sentence == (
        "\u201ehuge.txt\u201c wurde nicht hinzugefügt: die Datei ist zu groß (2,2\u00a0MB; die "
        "Grenze liegt bei 1,5\u00a0MB, festgelegt durch LINGNAN_ADD_MAX_MB)."
    )


def test_chinese_unknown_type_names_the_types_read() -> None:
    """A .docx is refused in Chinese, naming the types lingnan reads."""
    sentence = add_refused_message("minutes.docx", Refusal.UNKNOWN_TYPE, ".docx", "zh")
    assert sentence == (
        "\u201cminutes.docx\u201d未添加：lingnan 读取 .txt、.md、.html、.htm、.pdf 和 .jsonl 文件，"
        "不读取 .docx 文件。"
    )


def test_serving_counts_are_counted_in_german() -> None:
    """One document is singular, several plural, in German."""
    assert now_serving(1, 12, 3, "de") == (
        "Jetzt verfügbar: 1 Dokument, 12 Passagen und 3 Amtsträger."
    )


def test_english_is_unchanged() -> None:
    """Without a language the owner reads the English as before."""
    assert now_serving(5, 144, 12) == "Now serving 5 documents, 144 passages and 12 officials."
    assert loaded_in(0.5) == "Loaded in 0.50\u00a0s."
