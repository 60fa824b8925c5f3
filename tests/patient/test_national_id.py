"""National IDs: python-stdnum is loaded when a number is checked, and not before."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Run in a fresh interpreter: this test process has imported python-stdnum long ago.
SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone

    import distribution

    def loaded():
        return sorted(name for name in sys.modules if name.split(".")[0] == "stdnum")

    at = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    facts = distribution.PatientFacts(reference_time=at, age=40, level4_eid=True)
    eligibility = distribution.assess(facts, on_behalf_of=facts)
    eligibility.to_dict()
    distribution.explain("Basic", eligibility)
    distribution.preflight("BasicOrPaper")
    print(loaded())
    distribution.assess(distribution.PatientFacts(reference_time=at, national_id="15108695088"))
    print(loaded())
    """
)


def test_stdnum_is_imported_only_when_a_national_id_is_checked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    before, after = done.stdout.splitlines()
    assert before == "[]"
    assert "'stdnum.no.fodselsnummer'" in after
