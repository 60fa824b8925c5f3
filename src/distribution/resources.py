"""Data files shipped in the package: the wire format's JSON Schema and the decision matrix.

A service that validates decisions in another process, or loads the 9 × 16 table into a
database, reads them from the installed package rather than from a copy of the docs. The schema
is written by hand here; the matrix files are generated from the rule table, like the copies in
``docs/``, and a test fails when either drifts.

>>> import json
>>> schema = json.loads(read_data("decision.schema.json"))
>>> schema["title"]
'eprom-distribution decision'
>>> len(json.loads(read_data("decision-matrix.json")))
144
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final, Literal, get_args

from distribution._errors import UnknownCodeError, wrong_type

__all__ = ["DataName", "read_data"]

DataName = Literal["decision.schema.json", "decision-matrix.json", "decision-matrix.csv"]
"""The files :func:`read_data` serves."""
DATA_NAMES: Final[tuple[DataName, ...]] = get_args(DataName)


def read_data(name: DataName) -> str:
    """Return the text of the shipped data file *name* (UTF-8).

    Raises:
        DistributionError: *name* is not one of :data:`DATA_NAMES`.
    """
    if not isinstance(name, str):
        raise wrong_type(name, field="name", expected="a file name")
    if name not in DATA_NAMES:
        raise UnknownCodeError("unknown_code", value=name, field="data file", choices=DATA_NAMES)
    return files("distribution").joinpath("data", name).read_text(encoding="utf-8")
