"""Tools that read a run's records to show what happened: ``explain``, ``report``, ``diff`` and ``score``."""
