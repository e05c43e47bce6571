"""The rule engine: the rule format and :class:`~clean.engine.ruleset.RuleSet`, the kinds that apply
pattern rules, the register of Python rules, and the scans that keep rules cheap (line-start twins,
literal prefilters).

It knows no rule by name: the rules themselves are data under ``rules/`` and Python under
:mod:`clean.families`; loading them is :mod:`clean.catalog`'s work.
"""
