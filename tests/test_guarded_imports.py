"""Private internals of ftfy (``ftfy.badness``) and CPython (``re._parser``) speed cleaning up; a version
without them still cleans, the slow way, with the same output and a warning saying so."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from clean.pipeline import Pipeline
from tests.conftest import ROOT

MOJIBAKE = "РџСЂРµР·РёРґРµРЅС‚ РІСЃС‚СЂРµС‚РёР»СЃСЏ\n\n14 августа 2023 года в Астане прошла встреча министров обороны.\n"
HIDE = {  # as if this ftfy had renamed its badness check, or this Python had no re._parser
    "ftfy.badness": "import ftfy.badness; del ftfy.badness.MOJIBAKE_CATEGORIES",
    "re._parser": "sys.modules['re._parser'] = None",
}
SCRIPT = """
import json, sys, warnings
exec(sys.argv[1])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from clean.pipeline import Pipeline
    items = [i.model_dump() for path in sys.argv[2:] for i in Pipeline().clean_file(path)]
print(json.dumps({"warnings": [str(w.message) for w in caught], "items": items}, ensure_ascii=False))
"""


@pytest.mark.parametrize("module, warning", [("ftfy.badness", "no ftfy.badness"), ("re._parser", "no re._parser")])
def test_without_the_internal_cleaning_gives_the_same_items_and_warns(module, warning, tmp_path, seeds):
    page = tmp_path / "mojibake.txt"
    page.write_text(MOJIBAKE, encoding="utf-8")
    paths = [str(page), *map(str, seeds)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, HIDE[module], *paths], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    slow = json.loads(done.stdout)
    assert any(warning in w for w in slow["warnings"])
    os.chdir(ROOT)
    fast = [i.model_dump() for path in paths for i in Pipeline().clean_file(path)]
    assert slow["items"] == fast
    assert fast[0]["title"].startswith("Президент")  # the mojibake was repaired on both paths
