"""Rule packs: folders of rule files that other installed packages ship.

A team that wants its own rules everywhere ``clean`` runs ships them as a
package (``clean-rules-mysite``) that declares an entry point in the group
``clean.rules``::

    [project.entry-points."clean.rules"]
    mysite = "clean_rules_mysite:RULES"

The entry point names a module (its folder holds the rule files), a path, or a
function returning a path. Loading the entry point imports the package, so a
pack may also register Python rules with :func:`clean.engine.registry.python_rule`.
Packs load after the shipped rules and before a user's ``--rules`` folders, in
the order of their names; a later id overrides an earlier one.

>>> pack_folders(names=[])
[]
"""

from __future__ import annotations

import os
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from types import ModuleType

from clean.model.errors import RuleError

GROUP = "clean.rules"


def installed_packs() -> list[EntryPoint]:
    """The entry points of the ``clean.rules`` group, sorted by name."""
    return sorted(entry_points(group=GROUP), key=lambda ep: ep.name)


def pack_folders(names: list[str] | None = None) -> list[Path]:
    """The rule folders of the installed packs (all of them, or those named)."""
    packs = installed_packs()
    if names is not None:
        known = {ep.name for ep in packs}
        missing = sorted(set(names) - known)
        if missing:
            raise RuleError(GROUP, f"no installed rule pack named {', '.join(missing)}; installed: "
                                   f"{', '.join(sorted(known)) or 'none'}")
        packs = [ep for ep in packs if ep.name in names]
    return [folder_of(ep) for ep in packs]


def rule_origins(rules, user_folders: list[Path]) -> dict[str, str]:
    """Where each rule of ``rules`` came from, by id: ``shipped``, ``pack NAME`` or the user's folder."""
    from clean.catalog.files import shipped_rules_dir

    places = [(shipped_rules_dir(), "shipped")]
    places += [(folder_of(ep).resolve(), f"pack {ep.name}") for ep in installed_packs()]
    places += [(Path(f).resolve(), str(f)) for f in user_folders]
    origins = {}
    for rule in rules.rules:
        file = Path(rule.file).resolve()
        found = [name for folder, name in places if file.is_relative_to(folder)]
        origins[rule.id] = found[-1] if found else "?"
    return origins


def folder_of(ep: EntryPoint) -> Path:
    """The folder an entry point points at: a module's folder, a path, or what a function returns."""
    where = f"entry point {ep.name!r} = {ep.value!r} in group {GROUP!r}"
    try:
        target = ep.load()
    except Exception as exc:  # a broken pack names itself rather than crashing the run
        raise RuleError(where, f"cannot be loaded: {exc}; reinstall or uninstall the pack") from None
    if isinstance(target, ModuleType):
        target = Path(target.__file__).parent
    elif callable(target):
        target = target()
    if not isinstance(target, (str, os.PathLike)) or not Path(target).is_dir():
        raise RuleError(where, f"must point at a module, a folder or a function returning one; got {target!r}")
    return Path(target)
