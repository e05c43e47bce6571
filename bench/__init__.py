"""The benchmark: a reproducible corpus of scraped pages (:mod:`bench.corpus`) and a runner (:mod:`bench.run`)."""
