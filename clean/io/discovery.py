"""Finding the inputs: files as given, folders walked lazily, in the order of their sorted paths.

:func:`discover` yields the paths to clean one at a time, in exactly the
order a sorted list of them would have, without ever holding that list: each
folder is listed (``os.scandir``) and sorted when the walk reaches it, so
memory grows with the size of one folder and the depth of the tree, never
with the corpus. The trick that keeps the order of full paths is the sort key:
a sub-folder sorts by its name followed by ``/``, the character every path
inside it has at that position. Several inputs are merged in order
(``heapq.merge``) and a path given twice is cleaned once.

Names that start with a dot (``.git``, ``.hidden/``, the run's own
``.progress.jsonl``) and the output folder are never walked: a run into a
folder inside its input never reads its own output. :class:`Skip` adds the
``--exclude`` globs. A path named explicitly is cleaned whatever its name.

Symlinked folders are followed once; a link back to a folder already walked (a
loop) is yielded too, with its reason in ``problems``, so it becomes an error
record at its place in the order.

>>> paths = discover(["seeds"])
>>> next(paths).rsplit("/", 1)[-1]
'000_3750915008d33f14.txt'
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

from clean.io.inputs import PATTERNS
from clean.io.outdir import previous_output
from clean.io.paths import display_path, shown_path  # noqa: F401  (part of this module's API)

SUFFIXES = tuple(pattern.removeprefix("*") for pattern in PATTERNS)  # same as matching the patterns to a name
Entry = tuple[str, str, str, bool]  # sort key, path, path as shown (relative to the cwd), is a folder to walk


@dataclass(frozen=True)
class Skip:
    """What a folder walk leaves out besides dot-names: ``folders`` (real paths; the output folder) and
    ``globs`` (``--exclude``): a glob without ``/`` is matched to each name, one with ``/`` to the path
    as shown (``*`` crosses ``/``), so ``drafts``, ``*.bak.txt`` and ``news/2019/*`` all work.

    >>> skip = Skip(globs=("drafts", "news/*/old.txt"))
    >>> [skip.excludes(p) for p in ("in/drafts", "news/2019/old.txt", "news/2019/new.txt")]
    [True, True, False]
    """

    folders: frozenset[str] = frozenset()
    globs: tuple[str, ...] = ()

    @classmethod
    def for_run(cls, out_dir: str | os.PathLike | None, globs: Iterable[str] = ()) -> Skip:
        """The output folder ``out_dir`` and the ``--exclude`` globs."""
        folders = frozenset([os.path.realpath(out_dir)]) if out_dir is not None else frozenset()
        return cls(folders, tuple(g.rstrip("/") for g in globs))

    def excludes(self, shown: str) -> bool:
        """True when the path ``shown`` (as discovery shows it) matches a glob."""
        name = shown.rsplit("/", 1)[-1]
        return any(fnmatchcase(shown if "/" in glob else name, glob) for glob in self.globs)


NO_SKIP = Skip()


def discover(inputs: Iterable[str], problems: dict[str, str] | None = None, skip: Skip = NO_SKIP) -> Iterator[str]:
    """The files to clean, paths relative to the cwd: files as given, folders walked for :data:`SUFFIXES`.

    The given folders are listed at once, their sub-folders as the walk reaches them; dot-names, the
    folders and globs of ``skip`` and the output folders of earlier runs (their ``run.json`` or journal
    says ``clean`` wrote them) are left out of a walk (a path given is never left out).
    """
    problems = {} if problems is None else problems
    streams = [_folder(given, problems, skip) if os.path.isdir(given) else iter([display_path(given)])
               for given in inputs]
    return _once(heapq.merge(*streams))


def _once(paths: Iterator[str]) -> Iterator[str]:
    """``paths`` (sorted) without repeats."""
    last = None
    for path in paths:
        if path != last:
            yield path
        last = path


def _folder(top: str, problems: dict[str, str], skip: Skip) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()  # (device, inode) of the folders walked: one entry per folder, not per file
    return _walk(_listing(str(Path(top)), display_path(top), seen, problems, skip), seen, problems, skip)


def _walk(entries: list[Entry], seen: set, problems: dict[str, str], skip: Skip) -> Iterator[str]:
    """Depth first, with a stack of listings rather than recursion: a tree 1,000 folders deep is walked too."""
    stack = [iter(entries)]
    while stack:
        for _, path, shown, is_folder in stack[-1]:
            if is_folder:
                stack.append(iter(_listing(path, shown, seen, problems, skip)))
                break
            yield shown
        else:
            stack.pop()


def _listing(folder: str, shown: str, seen: set, problems: dict[str, str], skip: Skip) -> list[Entry]:
    """The entries of ``folder`` (shown as ``shown``), sorted so that a depth-first walk yields sorted paths.

    A folder that cannot be listed (no permission, a path beyond PATH_MAX) is
    itself an entry, with its reason in ``problems``: an error record, never a
    silent gap. A name found
    by the walk is never ``.``, ``..`` or holds a ``/``, so the shown path of an
    entry is its folder's followed by its name (what :func:`display_path` gives, much cheaper).
    """
    seen.add(_identity(folder))  # not realpath: it costs the depth, and a 1,000-deep tree made the walk quadratic
    seen.discard(None)  # a folder that cannot be looked at is no loop's target
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError as exc:
        problems[shown] = f"{shown}: cannot list this folder ({exc.strerror or exc}); the files in it were not cleaned"
        return [("", folder, shown, False)]
    head = "" if shown == "." else shown.rstrip("/") + "/"
    listing = []
    for entry in entries:
        path, name = os.path.join(folder, entry.name), entry.name
        if name.startswith(".") or (skip.globs and skip.excludes(head + name)):
            continue
        if not _is_folder(entry):
            if name.endswith(SUFFIXES):
                listing.append((name, path, head + name, False))
        elif entry.is_symlink() and _identity(path) in seen:
            target = os.path.realpath(path)
            problems[head + name] = f"{head + name}: symlink loop: links to {target}, a folder already walked; skipped"
            listing.append((name, path, head + name, False))
        elif not (skip.folders and _identity(path) in _identities(skip.folders)) and not previous_output(Path(path)):
            listing.append((name + "/", path, head + name, True))  # (identities, not realpath: see above)
    listing.sort()
    return listing


@lru_cache(maxsize=8)
def _identities(folders: frozenset[str]) -> frozenset[tuple[int, int]]:
    """The (device, inode) of each of ``folders`` that exists."""
    return frozenset(found for folder in folders if (found := _identity(folder)) is not None)


def _identity(folder: str) -> tuple[int, int] | None:
    """The (device, inode) of ``folder``, following links; None when it cannot be looked at."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
