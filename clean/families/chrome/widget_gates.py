"""Page-level gates for the widget and navigation rules: the few kept lines worth a full look.

Folding every line (:func:`clean.families.chrome.widgets.fold`) costs more than the rules
themselves, and on most pages no line is a widget. Every test of those rules
fixes how a line it takes *opens*: a share bar with a network name or the first
word of a ``whole`` phrase, a menu with a section name, a breadcrumb with the
home page's name (after separators), a related link, credit or call with its
phrase (after non-letters). So one regex pass finds each line's first run of
letters, and a line is looked at only if that run, case-folded with ``ё`` as
``е``, is the first word of one of the rule's phrases (:func:`opening_words`);
the rule then checks those lines exactly as before, and returns the document
itself when none is left.

Why the gate never drops a line the full check would take: :mod:`clean.engine.openers`, where
:func:`lines_opening` and :func:`opening_words` live (they are imported here for these rules).

>>> from clean.model.document import Document
>>> doc = Document.from_text("Ещё по теме\\nHomeward\\n\\n» HOME / News")
>>> lines_opening(frozenset({"еще", "home"}), doc.view())
[0, 3]
"""

from __future__ import annotations

from clean.engine.openers import ODD, lines_opening, opening_words  # noqa: F401  (this module's API)
