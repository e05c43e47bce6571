"""The faster ``__init__`` of the model's frozen dataclasses (``clean.model.slots_init``) builds what the
dataclass's own ``__init__`` builds, and keeps them frozen, picklable and replaceable."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from clean.model.document import DateMark, Document, Edit, Line, Removal, Segment, SourceInfo
from clean.model.slots_init import quick_init
from clean.model.view import PageView

MODEL = (Line, Document, Removal, Edit, DateMark, Segment, SourceInfo, PageView)


def _plain_twin(cls: type) -> type:
    """``cls`` made again as a plain frozen, slotted dataclass (its own generated ``__init__``)."""
    specs = [(f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory,
                                                compare=f.compare, repr=f.repr))
             for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=True, slots=True)


def _values(obj) -> list:
    return [getattr(obj, f.name) for f in dataclasses.fields(obj)]


@pytest.mark.parametrize("cls", MODEL, ids=lambda c: c.__name__)
def test_the_model_classes_use_the_quick_init(cls):
    assert cls.__init__.__code__.co_filename == f"<quick_init {cls.__name__}>"  # not the dataclass's own
    assert cls.__init__.__qualname__ == f"{cls.__name__}.__init__"


@pytest.mark.parametrize("cls", MODEL, ids=lambda c: c.__name__)
def test_quick_init_gives_what_the_dataclass_init_gives(cls):
    twin = _plain_twin(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    given = {name: f"value-{name}" for name in names}
    for k in range(len(required), len(names) + 1):  # the required fields, then more and more of the others
        positional = [given[name] for name in names[:k]]
        assert _values(cls(*positional)) == _values(twin(*positional))
        keywords = {name: given[name] for name in names[:k]}
        assert _values(cls(**keywords)) == _values(twin(**keywords))
    with pytest.raises(TypeError):
        cls(*[given[name] for name in names], "one too many")
    with pytest.raises(TypeError):
        cls(**given, not_a_field=1)
    if required:
        with pytest.raises(TypeError):
            cls(**{name: given[name] for name in required[1:]})


def test_default_factories_give_each_instance_its_own_value():
    source = SourceInfo("a.txt", "0" * 64, "utf-8")
    first, second = Document(source, ()), Document(source, ())
    assert first.memo == {} and first.memo is not second.memo


def test_instances_stay_frozen_equal_picklable_and_replaceable():
    line = Line(3, 4, "Текст", removed="chrome.widget", stamp=DateMark("2024-01-02", "02.01.2024", "dates.x"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "другой"
    assert line == Line(3, 4, "Текст", "text", "chrome.widget", DateMark("2024-01-02", "02.01.2024", "dates.x"))
    assert hash(line) == hash(pickle.loads(pickle.dumps(line)))
    assert dataclasses.replace(line, text="x") == line.replace(text="x") == Line(3, 4, "x", "text", "chrome.widget",
                                                                              line.stamp)
    doc = Document.from_text("Заголовок\n\nТекст.", path="p.txt")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.memo == {} and again.view() == doc.view()


def test_a_class_quick_init_cannot_serve_is_left_as_it_is():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self):
            if self.x < 0:
                raise ValueError("negative")

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        x: int

    for cls in (Checked, Unslotted):
        init = cls.__init__
        assert quick_init(cls) is cls and cls.__init__ is init
    with pytest.raises(ValueError):
        Checked(-1)
