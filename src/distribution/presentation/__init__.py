"""Presentation: everything longer than a sentence, in words for people.

Where words come from, one rule for the whole library:

- A value that is one sentence (a reason, a problem, an anomaly, a bad row) describes itself
  with ``describe(*, lang)``, from the text table of its own layer (``_texts`` beside it). The
  core names that shape ``Describable`` (``distribution._describable``); the library's errors
  render such a value in the language of the message.
- Everything longer than one sentence (the explanation of a decision or a reconciliation, a
  returned form's timeline, the report of an audit or a run, the tables) is a function here,
  taking the value and ``lang``: :func:`~distribution.explain_decision`,
  :func:`~distribution.explain_reconciliation`, :func:`~distribution.explain_timeline`,
  :func:`~distribution.explain_audit`, … Never a method on the value, and its words live in
  this layer's ``_texts``.

So a value never imports this layer (the import contract in ``pyproject.toml`` forbids it), and
changing how an explanation reads touches only this folder. The public names are re-exported
from :mod:`distribution`; import them from there.
"""
