"""The command line: its JSON shapes are a public interface, its errors one line on stderr."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.cli import main

DOCUMENT_KEYS = {"id", "title", "source", "date", "url", "language"}


def run_cli(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_json_has_the_documented_shape(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`search --json` prints query and results with text, score, document, paragraph, offsets."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "search", "Who headed the conference?", "--json"],
        capsys,
        monkeypatch,
    )
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "Who headed the conference?"
    assert data["results"], "a question about the corpus has answers"
    first = data["results"][0]
    assert {"text", "score", "document", "paragraph", "start", "end"} <= first.keys()
    assert DOCUMENT_KEYS <= first["document"].keys()


def test_search_top_k_limits_the_results(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`--top-k 1` returns exactly one result for a question the corpus answers."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "search", "robotics", "--top-k", "1", "--json"],
        capsys,
        monkeypatch,
    )
    assert code == 0
    assert len(json.loads(out)["results"]) == 1


def test_search_offsets_point_at_the_quote_in_the_file(seeds_copy: Path, capsys, monkeypatch):
    """The text at a result's offsets in the original file is the quoted text."""
    _, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "search", "germplasm samples", "--json"], capsys, monkeypatch
    )
    result = json.loads(out)["results"][0]
    from retrieval.library import Library

    document = Library.load(seeds_copy).corpus.document(result["document"]["id"])
    assert document.text[result["start"] : result["end"]] == result["text"]


def test_batch_search_prints_one_json_line_per_question(seeds_copy: Path, capsys, monkeypatch):
    """`search --json -` answers each stdin line with one JSON object, in order, blanks included."""
    questions = "How many crop germplasm samples were collected?\n\nrecipe for chocolate cake\n"
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "search", "--json", "-"], capsys, monkeypatch, questions
    )
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == [
        "How many crop germplasm samples were collected?",
        "",
        "recipe for chocolate cake",
    ]
    assert lines[0]["results"]
    assert lines[1]["results"] == [] and lines[1]["error"]
    assert lines[2]["results"] == []


def test_documents_json_lists_every_document_with_its_passage_count(
    seeds_copy: Path, capsys, monkeypatch
) -> None:
    """`documents --json` is a list of document objects, each with a positive passages count."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "documents", "--json"], capsys, monkeypatch
    )
    assert code == 0
    documents = json.loads(out)
    assert len(documents) == 5
    for document in documents:
        assert DOCUMENT_KEYS | {"passages"} <= document.keys()
        assert document["passages"] > 0


def test_unknown_official_exits_1_with_suggestions(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`official` with an unknown name exits 1 and prints null with the closest names."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "official", "Wang Wei", "--json"], capsys, monkeypatch
    )
    data = json.loads(out)
    if code == 0:  # "Wang Wei" may fairly resolve to Wang Weizhong; a real stranger must not
        code, out, _ = run_cli(
            ["--corpus", str(seeds_copy), "official", "Angela Merkel", "--json"],
            capsys,
            monkeypatch,
        )
        data = json.loads(out)
    assert code == 1
    assert data["official"] is None
    assert isinstance(data["suggestions"], list) and data["suggestions"]


def test_official_json_has_the_documented_shape(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`official` with a misspelt name finds the official and prints the documented keys."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "official", "wang weizong", "--json"], capsys, monkeypatch
    )
    assert code == 0
    data = json.loads(out)
    assert data["name"] == "Wang Weizhong"
    assert {"name", "aliases", "titles", "documents", "statements"} <= data.keys()
    assert {"title", "document", "date"} <= data["titles"][0].keys()
    assert DOCUMENT_KEYS <= data["documents"][0].keys()
    assert {"text", "document", "date"} <= data["statements"][0].keys()


def test_officials_text_lists_names_with_their_main_title(seeds_copy: Path, capsys, monkeypatch):
    """`officials` prints one line per official, name then title."""
    code, out, _ = run_cli(["--corpus", str(seeds_copy), "officials"], capsys, monkeypatch)
    assert code == 0
    assert any(line.startswith("Huang Kunming: ") for line in out.splitlines())


def test_empty_question_is_one_line_on_stderr(seeds_copy: Path, capsys, monkeypatch) -> None:
    """An empty question exits non-zero with one line on stderr and nothing on stdout."""
    code, out, err = run_cli(["--corpus", str(seeds_copy), "search", "   "], capsys, monkeypatch)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_missing_corpus_folder_is_one_line_on_stderr(tmp_path: Path, capsys, monkeypatch) -> None:
    """A corpus folder that does not exist exits non-zero with one line naming it."""
    missing = tmp_path / "nowhere"
    code, _, err = run_cli(["--corpus", str(missing), "documents"], capsys, monkeypatch)
    assert code != 0
    assert len(err.strip().splitlines()) == 1
    assert "nowhere" in err


def test_off_topic_question_says_the_corpus_has_no_answer(seeds_copy: Path, capsys, monkeypatch):
    """A question the corpus cannot answer gets an honest sentence, not a poor match."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "search", "What is the capital of France?"],
        capsys,
        monkeypatch,
    )
    assert code == 0
    assert "no passage" in out


def test_interactive_prompt_answers_piped_questions(seeds_copy: Path, capsys, monkeypatch) -> None:
    """With no command, each line read is answered in the terminal until end of input."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy)], capsys, monkeypatch, "Wer leitete die Konferenz?\nquit\n"
    )
    assert code == 0
    assert "Wang Weizhong" in out


def test_module_entry_point_runs_as_a_program(seeds_copy: Path) -> None:
    """`python -m retrieval documents` runs as a separate program and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "retrieval", "--corpus", str(seeds_copy), "documents"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "passages" in result.stdout


def test_bm25_parameters_change_the_scores(seeds_copy: Path, capsys, monkeypatch) -> None:
    """--k1 and --b reach the index: the same question scores differently."""
    question = ["search", "artificial intelligence and robotics", "--json", "--top-k", "1"]
    _, default, _ = run_cli(["--corpus", str(seeds_copy), *question], capsys, monkeypatch)
    _, tuned, _ = run_cli(
        ["--corpus", str(seeds_copy), "--k1", "0.9", "--b", "0.4", *question], capsys, monkeypatch
    )
    assert json.loads(default)["results"][0]["score"] != json.loads(tuned)["results"][0]["score"]


def test_bm25_b_outside_zero_to_one_is_one_line_on_stderr(seeds_copy: Path, capsys, monkeypatch):
    """A b above 1 is refused with one line on stderr and a non-zero exit."""
    code, out, err = run_cli(
        ["--corpus", str(seeds_copy), "--b", "2", "documents"], capsys, monkeypatch
    )
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1


def test_bm25_k1_that_is_not_a_number_is_one_line_on_stderr(
    seeds_copy: Path, capsys, monkeypatch
) -> None:
    """--k1 nan is refused in one line, not searched with (every question would find nothing)."""
    code, out, err = run_cli(
        ["--corpus", str(seeds_copy), "--k1", "nan", "documents"], capsys, monkeypatch
    )
    assert code != 0 and out == ""
    assert "k1" in err and len(err.strip().splitlines()) == 1


def test_search_json_gives_the_page_of_a_pdf_quote(tmp_path: Path, capsys, monkeypatch) -> None:
    """A quote from a PDF carries `page` (the page it starts on); other keys are unchanged."""
    from tests.retrieval.pdf_maker import make_pdf

    pages = [
        ["The port authority will dredge the northern channel to a depth of seventeen metres."],
        ["Container ships of the largest class will then call at the terminal from 2029 onward."],
    ]
    (tmp_path / "port.pdf").write_bytes(make_pdf(pages))
    code, out, _ = run_cli(
        ["--corpus", str(tmp_path), "search", "largest container ships", "--json"],
        capsys,
        monkeypatch,
    )
    assert code == 0
    first = json.loads(out)["results"][0]
    assert first["page"] == 2
    assert {"text", "score", "document", "paragraph", "start", "end", "passage_id"} <= first.keys()
    code, out, _ = run_cli(
        ["--corpus", str(tmp_path), "search", "largest container ships"], capsys, monkeypatch
    )
    assert "page 2, paragraph" in out


def _corpus_with_linked_index(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text(
        "The harbour will get two new cranes this year, the port authority said.\n", "utf-8"
    )
    (tmp_path / "elsewhere").mkdir()
    (corpus / ".lingnan-index").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return corpus


def test_index_that_cannot_be_saved_exits_1_with_one_line(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """`index` on a folder where the index cannot be saved fails: exit 1, one line, no claim."""
    code, out, err = run_cli(
        ["index", str(_corpus_with_linked_index(tmp_path))], capsys, monkeypatch
    )
    assert code == 1
    assert out == ""
    assert err.startswith("error: Could not save the search index") and err.count("\n") == 1


def test_search_warns_when_the_index_cannot_be_saved(tmp_path: Path, capsys, monkeypatch) -> None:
    """`search` still answers from the index built in memory, with a one-line warning."""
    corpus = _corpus_with_linked_index(tmp_path)
    code, out, err = run_cli(["--corpus", str(corpus), "search", "cranes"], capsys, monkeypatch)
    assert code == 0
    assert "cranes" in out
    assert err.startswith("warning: Could not save the search index") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("option", "value"), [("--k1", "inf"), ("--k1", "-inf"), ("--b", "nan"), ("--b", "inf")]
)
def test_bm25_parameters_must_be_finite(
    seeds_copy: Path, capsys, monkeypatch, option: str, value: str
) -> None:
    """Infinite or undefined BM25 parameters are refused in one line with exit 2."""
    code, out, err = run_cli(
        ["--corpus", str(seeds_copy), f"{option}={value}", "documents"], capsys, monkeypatch
    )
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1


def test_skipped_files_are_counted_on_stderr_without_v(tmp_path: Path, capsys, monkeypatch):
    """Without -v, one line on stderr says how many files were skipped, not one per file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_text("The port will get two new cranes this year.\n", "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _, err = run_cli(["--corpus", str(corpus), "search", "cranes"], capsys, monkeypatch)
    assert code == 0
    assert err.splitlines() == ["2 files skipped (-v lists them)"]


def test_waiting_for_another_build_is_one_line_on_stderr(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """While another process builds the index, stderr says so at once, without -v."""
    from retrieval import index_store
    from retrieval.index_store import IndexStore

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_text("The port will get two new cranes this year.\n", "utf-8")
    monkeypatch.setattr(index_store, "LOCK_WAIT_SECONDS", 0.3)
    with IndexStore(corpus).lock():
        code, _, err = run_cli(["--corpus", str(corpus), "search", "cranes"], capsys, monkeypatch)
    assert code == 0
    waits = [line for line in err.splitlines() if "Waiting for another build" in line]
    assert len(waits) == 1


def test_search_filters_narrow_and_are_stated_in_json(
    seeds_copy: Path, capsys, monkeypatch
) -> None:
    """`--since 2025 --language de` quotes only German 2025 documents; the JSON says so in
    new keys, the documented ones unchanged."""
    code, out, _ = run_cli(
        [
            "--corpus",
            str(seeds_copy),
            "search",
            "--since",
            "2025",
            "--language",
            "de",
            "Who headed the conference?",
            "--json",
        ],
        capsys,
        monkeypatch,
    )
    assert code == 0
    data = json.loads(out)
    assert data["results"]
    assert all(r["document"]["language"] == "de" for r in data["results"])
    assert all(r["document"]["date"] >= "2025" for r in data["results"])
    assert data["filters"] == {"language": "de", "since": "2025", "until": None, "source": None}
    assert {"query", "results", "corrections", "undated_left_out", "without_filters"} <= data.keys()


def test_search_filters_that_leave_nothing_say_so(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`--until 2020`: no document, and how many results there are without the filter."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "search", "--until", "2020", "Who headed the conference?"],
        capsys,
        monkeypatch,
    )
    assert code == 0
    assert "(filters: until 2020)" in out
    assert "No document of the corpus meets these filters." in out
    assert "Without the filters: 3 results." in out


def test_a_filter_date_that_is_none_is_one_line(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`--since soon` exits 2 with one sentence naming the forms a date takes."""
    code, out, err = run_cli(
        ["--corpus", str(seeds_copy), "search", "--since", "soon", "robotics"], capsys, monkeypatch
    )
    assert code == 2 and not out
    assert err.count("\n") == 1 and "2024-03" in err


def test_since_after_until_is_one_english_line(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`--since 2025 --until 2024` exits 2 with the English sentence naming both bounds."""
    code, out, err = run_cli(
        ["--corpus", str(seeds_copy), "search", "--since", "2025", "--until", "2024", "robotics"],
        capsys,
        monkeypatch,
    )
    assert code == 2 and not out
    assert err == "error: \u201csince 2025\u201d is after \u201cuntil 2024\u201d.\n"


def test_timeline_lists_dated_lines_oldest_first(seeds_copy: Path, capsys, monkeypatch) -> None:
    """`timeline manufacturing`: lines that start with their date, in date order; JSON too."""
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "timeline", "manufacturing"], capsys, monkeypatch
    )
    assert code == 0
    dates = [line.split()[0] for line in out.splitlines() if line[:2] == "20"]
    assert len(dates) >= 3 and dates == sorted(dates)
    code, out, _ = run_cli(
        ["--corpus", str(seeds_copy), "timeline", "manufacturing", "--json"], capsys, monkeypatch
    )
    data = json.loads(out)
    assert [e["date"] for e in data["entries"]] == dates
    assert {"topic", "entries", "undated", "corrections"} <= data.keys()
