"""Run the pipeline on a Ray cluster: ``clean run ... --engine ray [--address ...]``.

:class:`RayExecutor` has the shape of :class:`~clean.run.executor.LocalExecutor`
(``workers`` and ``map``), so :func:`clean.run.executor.run` reads the same inputs
and writes the same files with it. The pipeline and the reader are put into
Ray's object store once; each Ray task cleans a chunk of input files and
returns their records; results come back in input order, so ``items.jsonl``
is byte-identical to the local engine's. At most :data:`WINDOW_PER_CPU` chunks
per CPU are in flight, so memory on the driver stays bounded however many
inputs there are. The stages know nothing of Ray.

Every node must see the input paths (a shared file system, or the same
folder copied to each node); the output is written by the driver.

Ray is an optional extra: ``pip install 'clean[ray]'``.

>>> RayExecutor(address="auto", workers=4).workers
4
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from clean.io.inputs import Reader
from clean.run.local_engine import clean_dumped
from clean.io.page_records import Dumped

CHUNK = 8  # input files per Ray task
WINDOW_PER_CPU = 4  # chunks in flight per CPU of the cluster


class RayExecutor:
    """Runs a pipeline over files as Ray tasks on an existing or a local Ray cluster."""

    def __init__(self, address: str | None = None, workers: int | None = None):
        self.address = address
        self._workers = workers

    @property
    def workers(self) -> int:
        """The CPUs used: as asked, else the cluster's (connecting to it if needed)."""
        if self._workers is None:
            ray = self._connect()
            self._workers = int(ray.cluster_resources().get("CPU", 1))
        return self._workers

    def _connect(self):
        try:
            import ray
        except ImportError as exc:
            raise SystemExit("--engine ray needs Ray: pip install 'clean[ray]'") from exc
        if not ray.is_initialized():
            options = {"num_cpus": self._workers} if self.address is None and self._workers else {}
            ray.init(address=self.address, include_dashboard=False, log_to_driver=False, **options)
        return ray

    def map(self, pipeline, paths: Iterable[str | None], reader: Reader | None = None,
            ) -> Iterator[list[Dumped] | None]:
        """For each of ``paths`` in order, its pages cleaned on the cluster and dumped: one list per file
        (``None`` for a ``None`` in ``paths``, a place kept for an input that needs no cleaning)."""
        ray = self._connect()
        task = ray.remote(_clean_chunk)
        shared = ray.put((pipeline, reader or Reader()))
        pending: deque = deque()
        window = max(1, self.workers * WINDOW_PER_CPU)
        paths = iter(paths)
        while chunk := list(islice(paths, CHUNK)):
            pending.append(task.remote(shared, chunk))
            if len(pending) >= window:
                yield from ray.get(pending.popleft())
        while pending:
            yield from ray.get(pending.popleft())


def _clean_chunk(shared, paths: list[str | None]) -> list[list[Dumped] | None]:
    pipeline, reader = shared
    return [clean_dumped(pipeline, reader, path) for path in paths]
