"""``lgo-decisions render``: a folder of files in any writer's format (Akoma Ntoso above all), written safely."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lgo_decisions import read
from lgo_decisions.cli import main
from lgo_decisions.readers.akn import read_akn
from lgo_decisions.writers.akn import validate_akn

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_a_corpus_becomes_a_folder_of_akn_files_that_validate_and_read_back_equal(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "akn"
    assert main(["render", "-q", "--to", "akn", str(corpus), "-o", str(out)]) == 0
    files = sorted(out.iterdir())
    assert len(files) == 5
    assert all(f.name.endswith(".akn.xml") for f in files)
    by_reference = {read(p).reference: read(p) for p in corpus.iterdir()}
    for f in files:
        data = f.read_bytes()
        assert validate_akn(data) == []
        back = read_akn(data)
        assert back == by_reference[back.reference]
        assert f.name == back.reference.replace(" ", "-") + ".akn.xml"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_the_folder_reads_back_with_parse(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "akn"
    assert main(["render", "-q", "--to", "akn", str(corpus), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["parse", "-q", str(out)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["reference"] for r in records) == sorted(read(p).reference for p in corpus.iterdir())
    assert {r["source"]["reader"] for r in records} == {"akn"}


def test_existing_files_are_never_overwritten_silently(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "akn"
    out.mkdir()
    mine = out / "20-007-417.akn.xml"
    mine.write_text("my own notes")
    assert main(["render", "--to", "akn", str(corpus), "-o", str(out)]) == 1
    assert mine.read_text() == "my own notes"
    err = capsys.readouterr().err
    assert "4 written" in err
    assert "1 failed" in err
    assert "20-007-417.akn.xml exists: refusing to overwrite it" in err
    assert main(["render", "-q", "--overwrite", "--to", "akn", str(corpus), "-o", str(out)]) == 0
    assert validate_akn(mine.read_bytes()) == []


def test_an_input_is_never_overwritten_even_with_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "20-007-417.txt"
    shutil.copy(sorted(EXAMPLES.glob("000_*.txt"))[0], page)
    assert main(["render", "--overwrite", "--to", "text", str(page), "-o", str(tmp_path)]) == 1
    assert page.read_bytes() == sorted(EXAMPLES.glob("000_*.txt"))[0].read_bytes()
    assert "is an input" in capsys.readouterr().err


def test_an_output_folder_inside_an_input_folder_is_refused(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--to", "akn", str(corpus), "-o", str(corpus / "akn")]) == 2
    assert "inside the input folder" in capsys.readouterr().err
    assert not (corpus / "akn").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "pdf"], "no writer named 'pdf'"),
        (["--to", "html", "--legislation"], "--legislation is an option of the akn writer only"),
        (["--to", "akn", "-w", "-1"], "--workers must be 0"),
    ],
)
def test_usage_errors(
    corpus: Path, tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", *args, str(corpus), "-o", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err


def test_every_writer_renders_a_folder(corpus: Path, tmp_path: Path) -> None:
    for writer, suffix in (("text", ".txt"), ("html", ".html")):
        out = tmp_path / writer
        assert main(["render", "-q", "--to", writer, str(corpus), "-o", str(out)]) == 0
        files = sorted(out.iterdir())
        assert [f.suffix for f in files] == [suffix] * 5
        for f in files:
            assert read(f) == read(
                corpus / next(p.name for p in corpus.iterdir() if read(p).reference == read(f).reference)
            )


def test_a_record_that_cannot_be_written_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "records.jsonl"
    good = {"reference": "20 007 417", "summary": "Fine."}
    bad = {"reference": "20 007 418", "summary": "Bell \u0007 inside."}
    records.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    out = tmp_path / "out"
    assert main(["render", "--to", "akn", str(records), "-o", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == ["20-007-417.akn.xml"]
    assert "RenderError" in capsys.readouterr().err


def test_a_folder_of_akn_files_reads_back_and_other_xml_there_is_skipped(corpus: Path, tmp_path: Path) -> None:
    from lgo_decisions import read_corpus

    out = tmp_path / "akn"
    assert main(["render", "-q", "--to", "akn", str(corpus), "-o", str(out)]) == 0
    (out / "sitemap.xml").write_text("<urlset><url><loc>https://example.org/</loc></url></urlset>", encoding="utf-8")
    results = list(read_corpus([out]))
    assert [r.name.rsplit("/", 1)[-1] for r in results] == sorted(p.name for p in out.glob("*.akn.xml"))
    assert all(r.decision is not None and r.decision.source.reader == "akn" for r in results)
    originals = {read(p).reference for p in corpus.glob("*.txt")}
    assert {r.decision.reference for r in results if r.decision} == originals
