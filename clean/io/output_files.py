"""Reading what ``clean run`` wrote, in every layout it writes: the one place the tools find the items.

A run writes its items as ``items.jsonl``, compressed (``items.jsonl.gz``,
``items.jsonl.zst``) or in shards (``items-00000.jsonl[.gz|.zst]``, ...; see
:mod:`clean.io.outputs`). :func:`items_files` finds them in an output folder, in
order; :func:`read_lines` reads one such file, decompressing by its suffix,
one line at a time; :func:`records` parses them. ``clean diff``, ``clean
report`` and the pytest plugin read items through here, so a layout added to
the writer is read by every tool.

>>> import tempfile, pathlib
>>> from clean.io.outputs import JsonlSink
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with JsonlSink(folder, "items", compress="gzip", shard_bytes=5) as sink:
...     for n in range(3):
...         sink.write(f'{{"n": {n}}}\\n'.encode(), chars=7)
>>> [record["n"] for record in records(folder, "items")]
[0, 1, 2]
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

from clean.model.errors import InputError

SHARD = re.compile(r"-\d{5}")  # the shard number after the name: items-00000.jsonl
SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")
BLOCK = 2**20  # compressed bytes read at a time


def items_files(folder: str | Path, name: str = "items") -> list[Path]:
    """The files of ``name`` (``items``, ``sources``) in an output folder, shards in order; InputError if none."""
    folder = Path(folder)
    found = sorted(p for p in folder.glob(f"{name}*.jsonl*")
                   if p.is_file() and _layout(p.name, name))
    if not found:
        raise InputError(str(folder / f"{name}.jsonl"), "not found; give an items.jsonl file (or .gz, .zst) or a"
                                                        " folder written by 'clean run'")
    return found


def _layout(file_name: str, name: str) -> bool:
    rest = file_name.removeprefix(name)
    if rest[:1] == "-":
        if not SHARD.match(rest):
            return False
        rest = rest[6:]
    return rest in SUFFIXES


def output_files(path: str | Path, name: str = "items") -> list[Path]:
    """The files of ``name`` for ``path``: a folder's (:func:`items_files`), or ``path`` itself as given."""
    path = Path(path)
    if path.is_dir():
        return items_files(path, name)
    if not path.is_file():
        raise InputError(str(path), "not found; give an items.jsonl file (or .gz, .zst) or a folder written by"
                                    " 'clean run'")
    return [path]


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a JSONL file as text, decompressed by its suffix (``.gz``, ``.zst``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
            yield from f
    elif name.endswith(".zst"):
        yield from _zstd_lines(path)
    else:
        with open(path, encoding="utf-8", newline="\n") as f:
            yield from f


def _zstd_lines(path: Path) -> Iterator[str]:
    """The lines of a zstd file, frame after frame; a file that ends inside a frame is an OSError (the
    library's stream reader would end there silently, as if the file were whole)."""
    zstandard = _zstd()
    with open(path, "rb") as raw:
        decompressor, pending, ended = zstandard.ZstdDecompressor().decompressobj(), b"", True
        while chunk := raw.read(BLOCK):
            while chunk:
                try:
                    pending += decompressor.decompress(chunk)
                except zstandard.ZstdError as exc:
                    raise OSError(f"not zstd data: {exc}") from None
                ended = decompressor.eof
                chunk = decompressor.unused_data if ended else b""
                if ended:
                    decompressor = zstandard.ZstdDecompressor().decompressobj()
            *lines, pending = pending.split(b"\n")
            yield from (line.decode("utf-8") + "\n" for line in lines)
        if not ended:
            raise EOFError("the file ends inside a zstd frame (truncated)")
        if pending:
            yield pending.decode("utf-8")


def _zstd():
    try:
        import zstandard
    except ImportError:
        raise InputError("zstandard", "reading .zst output needs zstandard: pip install 'clean[zstd]'") from None
    return zstandard


def numbered_records(path: str | Path, name: str = "items") -> Iterator[tuple[str, dict]]:
    """``(where, record)`` for each record of the output at ``path``, ``where`` being ``FILE:LINE``."""
    for file in output_files(path, name):
        lines = read_lines(file)
        try:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield f"{file}:{number}", _parse(line, f"{file}:{number}")
        except (ValueError, EOFError, OSError) as exc:  # bad UTF-8, a truncated or corrupt archive
            raise InputError(str(file), f"cannot read ({type(exc).__name__}: {exc}); is this a clean output?")


def records(path: str | Path, name: str = "items") -> Iterator[dict]:
    """The records of the output at ``path`` (a folder or a file), in order."""
    return (record for _, record in numbered_records(path, name))


def _parse(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON ({exc.msg}); is this a clean output?") from None
    except RecursionError:
        raise InputError(where, "nested too deeply; is this a clean output?") from None
    if not isinstance(record, dict):
        raise InputError(where, "not a JSON object; is this a clean output?")
    return record
