"""Shipped patterns take time linear in the line (issue 17): no quadratic near-miss.

``[caption `` 16,000 times on one line, or an 80 KB PHP-notice line of many
``in /path`` near-misses, made shipped patterns backtrack quadratically (each
try scanned to the end of the line). The property checked here: the time of a
pattern over a line of 4n copies of a fragment is about 4 times its time over
n copies, never about 16 times. Fragments are cut from the rules' own examples
(the near-misses that matter start like a match). It compares two times of
the same pattern on the same machine, with generous slack (under 8x where
linear gives 4x and quadratic 16x); it asserts nothing about absolute speed.
"""

from __future__ import annotations

import time

import pytest

from clean.catalog.loader import shipped_rules

RULES = shipped_rules()
SMALL, RATIO, SLACK = 20_000, 4, 8.0
NOISE_FLOOR = 0.05  # seconds: a line of 4n copies scanned faster than this cannot be quadratic at this size


def seconds(pattern, text: str) -> float:
    started = time.perf_counter()
    for _ in pattern.finditer(text, timeout=20):
        pass
    return time.perf_counter() - started


def growth(pattern, fragment: str) -> tuple[float, float]:
    """The best of three times over n and 4n copies, taken in turns so a busy machine slows both alike."""
    copies = SMALL // len(fragment) + 1
    small_text, large_text = fragment * copies, fragment * (copies * RATIO)
    small = large = float("inf")
    for _ in range(3):
        small = min(small, seconds(pattern, small_text))
        large = min(large, seconds(pattern, large_text))
    return small, large


def linear(pattern, fragment: str) -> tuple[bool, str]:
    """Whether the time grows about linearly; measured again, up to three times, before saying it does not."""
    for _ in range(3):
        small, large = growth(pattern, fragment)
        if large < NOISE_FLOOR or large / max(small, 1e-6) < SLACK:
            return True, ""
    return False, f"{fragment!r}: {small:.4f}s -> {large:.4f}s for {RATIO}x text"


def fragments(rule) -> list[str]:
    lines = [example.before.split("\n", 1)[0] for example in rule.examples]
    return sorted({line[:cut] for line in lines for cut in (8, len(line) // 2, len(line)) if len(line[:cut]) >= 2})


DATA_RULES = [rule for rule in RULES.rules if rule.pattern]


@pytest.mark.parametrize("rule", DATA_RULES, ids=[rule.id for rule in DATA_RULES])
def test_a_shipped_pattern_is_linear_on_repeated_near_misses(rule):
    pattern = RULES.patterns[rule.id].compiled
    for fragment in fragments(rule):
        ok, why = linear(pattern, fragment)
        assert ok, why


@pytest.mark.parametrize("rule_id, fragment", [
    ("noise.wp-shortcode", "[caption "),  # 16,000 of them on one line was quadratic
    ("noise.html-tag", "<!-- "),
    ("noise.php-notice", "Notice: x in /var/www/a.php, "),  # an 80 KB notice line of near-misses
    ("noise.bitrix-error", "/home/bitrix/www/bitrix/mod/"),
])
def test_the_attacks_that_were_quadratic_are_linear(rule_id, fragment):
    ok, why = linear(RULES.patterns[rule_id].compiled, fragment)
    assert ok, why
