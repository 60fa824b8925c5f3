"""Hypothesis profiles: no deadlines (CI machines are slow and shared).

CI runs more examples, derandomized: the same examples every run, so a green main stays green
and the 100 % coverage gate cannot flicker. Local runs stay random and keep exploring. The
mutation run (``nox -s mutation``) runs the tests once per mutant: it asks for the "mutation"
profile through ``EPROM_HYPOTHESIS_PROFILE``, few derandomized examples, so a mutant's verdict is
the same every run and ten thousand of them finish in an afternoon.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=300,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "mutation",
    deadline=None,
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("EPROM_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)
