"""``repair.*``: the cheap test that says which lines may need ftfy."""
