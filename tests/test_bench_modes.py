"""The benchmark's modes run and count what they clean (figures are printed by ``python -m bench``, never
asserted: a slow machine gets figures, not a failure)."""

from __future__ import annotations

from bench.measure import measure

PAGE = "Заголовок новости\n20.11.202020 ноября 2020 года прошла встреча.\n-----\nNotice: x in /var/www/a.php on line 3\n"


def test_norules_mode_runs_the_pipeline_with_no_rule(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"{n}.txt").write_text(PAGE, encoding="utf-8")
    bare = measure("norules", corpus, tmp_path / "bare", 1)
    full = measure("pipeline", corpus, tmp_path / "full", 1)
    assert bare["pages"] == full["pages"] == 3 and bare["bytes"] == full["bytes"]
    text = (tmp_path / "bare" / "items.jsonl").read_text(encoding="utf-8")
    assert "Notice: x in /var/www/a.php" in text and "-----" in text  # nothing removed: no rule ran
    assert "Notice: x" not in (tmp_path / "full" / "items.jsonl").read_text(encoding="utf-8")
