"""Hypothesis profiles: no deadlines (CI machines are slow and shared).

CI runs more examples, derandomized: the same examples every run, so a green main stays green
and the 100 % coverage gate cannot flicker. Local runs stay random and keep exploring.
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
settings.load_profile("ci" if os.environ.get("CI") else "default")
