"""The model: the document a page becomes (lines kept with their source offsets), the records written out, and the errors.

Everything else reads these; they import nothing of ``clean`` outside this package.
"""
