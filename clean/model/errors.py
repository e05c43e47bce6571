"""The one exception family of ``clean``: bad input and bad rule files.

Every message names the file (and for rules, the rule and the field) and says
what to do. Oddities inside a page are not exceptions: they become removals,
flags or entries in ``errors`` of ``sources.jsonl``.
"""


class CleanError(Exception):
    """Base class for every error ``clean`` reports to its user."""


class RuleError(CleanError):
    """A rule file that cannot be loaded: malformed, duplicate id, failing example..."""

    def __init__(self, file: str, problem: str, rule: str | None = None):
        self.file, self.rule, self.problem = file, rule, problem
        where = f"{file}: rule {rule!r}" if rule else file
        super().__init__(f"{where}: {problem}")


class InputError(CleanError):
    """An input file that cannot be read as text (missing, binary, undecodable...)."""

    def __init__(self, path: str, problem: str):
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class StoppedOnError(CleanError):
    """A run with ``--strict`` met its first input error and stopped."""


class RunInterrupted(CleanError):
    """A run stopped by Ctrl-C; its progress journal lets ``--resume`` finish it."""


class WorkerLost(CleanError):
    """A worker process died mid-run (killed, out of memory); ``--resume`` carries on."""


class UsageError(CleanError, ValueError):
    """A call that names something that does not exist (a rule or family to disable...); exit code 2."""
