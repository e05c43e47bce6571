"""The view made from the previous one (clean/engine/view_carry.py) is the view a document builds itself.

Generated pages (lines of letters of several scripts, ё, 'İ', signs, digits, blank lines, a line holding
a line end of its own) and generated changes (lines removed, edited, made blank, given another role):
the carried view's index, text, offsets and first words equal those of the same document built fresh,
whether the old view had found its first words or not.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean.engine.line_marks import remove_lines
from clean.engine.view_carry import carry_view
from clean.model.document import Document, Line

LINE = st.text(alphabet=st.sampled_from(list("abЁёİıΣς ς\t-»©.1٣\u0301\u00a0Ж")), max_size=12)
CHANGE = st.tuples(st.integers(0, 40), st.sampled_from(["remove", "edit", "blank", "title", "same"]),
                   st.one_of(LINE, st.just("an edit\nwith a line end")))


def fresh(doc: Document):
    """The view ``doc`` builds itself, with its first words."""
    view = Document(*[getattr(doc, f) for f in ("source", "lines", "removals", "edits", "site", "segments",
                                                "articles", "items", "errors")]).view()
    return view.index, view.text, view.offsets, view.first_words()


def changed(doc: Document, changes) -> Document:
    lines = list(doc.lines)
    for at, kind, text in changes:
        if not lines:
            break
        i = at % len(lines)
        line = lines[i]
        if line.removed is not None:
            continue
        if kind == "remove":
            lines[i] = line.replace(removed="test.rule")
        elif kind == "edit" and text.strip():
            lines[i] = line.replace(text=text)
        elif kind == "blank":
            lines[i] = line.replace(text="", role="blank")
        elif kind == "title":
            lines[i] = line.replace(role="title")
        elif kind == "same":
            lines[i] = line.replace(text=line.text)
    return doc.replace(lines=tuple(lines))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=12), st.lists(CHANGE, max_size=5), st.booleans(), st.booleans())
def test_a_carried_view_is_the_view_built_fresh(lines, changes, words_found, odd_line):
    if odd_line:
        lines = [*lines[:1], "with a\nline end", *lines[1:]]
    doc = Document.from_text("x")
    doc = doc.replace(lines=tuple(Line(n + 1, n + 1, t, "text" if t.strip() else "blank") for n, t in enumerate(lines)))
    if words_found:
        doc.view().first_words()
    else:
        doc.view()
    new = carry_view(doc, changed(doc, changes))
    view = new.view()
    assert (view.index, view.text, view.offsets, view.first_words()) == fresh(new)


def test_removing_the_first_the_last_and_every_line():
    doc = Document.from_text("Главная\nЕщё по теме\nText")
    doc.view().first_words()
    for removed in ([0], [2], [0, 2], [1], [0, 1, 2]):
        new = remove_lines(doc, "test.rule", removed)
        view = new.cached_view
        assert view is not None and (view.index, view.text, view.offsets, view.first_words()) == fresh(new)
