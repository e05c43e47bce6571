"""A faster ``__init__`` for the frozen, slotted dataclasses built on the per-line hot path.

A frozen dataclass's own ``__init__`` sets each field with ``object.__setattr__(self, name, value)``, which
looks the field's slot up by name every time: about 1.3 µs for a :class:`~clean.model.document.Line`, and
the stages build a line, an edit or a document for every change they make. :func:`quick_init` gives the
class an ``__init__`` with the same signature (the same fields, defaults and default factories, in order)
that calls each slot's own setter instead, about twice as fast. Nothing else changes: the instances are
the same, still frozen (assigning a field raises ``FrozenInstanceError``), equal, hashed, printed and
pickled as before, and :func:`dataclasses.replace` and :func:`dataclasses.fields` work as they did.

>>> from dataclasses import dataclass, field
>>> @quick_init
... @dataclass(frozen=True, slots=True)
... class Point:
...     x: int
...     y: int = 0
...     tags: list = field(default_factory=list)
>>> Point(1), Point(1, y=2, tags=["a"])
(Point(x=1, y=0, tags=[]), Point(x=1, y=2, tags=['a']))
"""

from __future__ import annotations

from dataclasses import MISSING, fields

_FACTORY = object()  # the default of a field with a default factory: "not given, call the factory"


def quick_init(cls: type) -> type:
    """Give the frozen, slotted dataclass ``cls`` an ``__init__`` that sets its slots directly (see module
    docstring); a class with ``__post_init__``, a keyword-only field or a field left out of ``__init__`` is
    returned unchanged."""
    own = fields(cls)
    if hasattr(cls, "__post_init__") or not all(f.init and not f.kw_only for f in own) or "__slots__" not in cls.__dict__:
        return cls
    namespace: dict = {"_FACTORY": _FACTORY}
    params, body = [], []
    for n, f in enumerate(own):
        namespace[f"_set{n}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        if f.default is not MISSING:
            namespace[f"_default{n}"] = f.default
            params.append(f"{f.name}=_default{n}")
            body.append(f"    _set{n}(self, {f.name})")
        elif f.default_factory is not MISSING:
            namespace[f"_factory{n}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(f"    _set{n}(self, _factory{n}() if {f.name} is _FACTORY else {f.name})")
        else:
            params.append(f.name)
            body.append(f"    _set{n}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(compile(source, f"<quick_init {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return cls
