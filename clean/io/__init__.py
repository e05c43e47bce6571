"""Input and output: finding inputs, reading and decoding them into pages, writing items and sources,
and the journal that lets a run resume."""
