"""Rules for the DemoNews site: a rule file under rules/ and one Python rule registered here.

clean imports this module when it loads the pack (entry point ``demo`` in the
group ``clean.rules``), which registers the Python rule before its TOML entry
is checked.
"""

from dataclasses import replace
from pathlib import Path

from clean.model.document import Removal
from clean.engine.registry import python_rule

RULES = Path(__file__).parent / "rules"
AD_LABEL = "дн-промо"


@python_rule("demo.ad-label")
def drop_ad_label(doc, rule, rules):
    """Drop a line reading only 'ДН-промо' when the next kept line is an ad token (erid: ...)."""
    kept = doc.kept_indices()
    lines, removals = list(doc.lines), list(doc.removals)
    for here, after in zip(kept, kept[1:]):
        line = lines[here]
        if line.text.strip().lower() == AD_LABEL and lines[after].text.lstrip().lower().startswith("erid"):
            lines[here] = replace(line, removed=rule.id)
            removals.append(Removal(rule.id, line.start, line.text))
    removals.sort(key=lambda r: r.line)
    return doc.replace(lines=tuple(lines), removals=tuple(removals))
