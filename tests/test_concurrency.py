"""Many threads deciding, explaining, assessing and simulating at once get exactly the
single-threaded results. The one value written after it is made is an assessment's reasons,
on first read; threads reading them at once all get the same reasons."""

from __future__ import annotations

import random
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from distribution import (
    Availability,
    DistributionRule,
    HelsenorgeConsent,
    PatientFacts,
    assess,
    decide,
    decide_many,
    decide_priority_list,
    explain,
    simulate,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

THREADS = 16


@contextmanager
def _switching_often() -> Iterator[None]:
    """Switch threads as often as possible, to provoke races."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def _task(seed: int) -> tuple[object, ...]:
    rng = random.Random(seed)
    rule = rng.choice(list(DistributionRule))
    a = Availability.from_index(rng.randrange(16))
    cohort = [Availability.from_index(rng.randrange(16)) for _ in range(50)]
    facts = PatientFacts(
        reference_time=datetime(2026, 11, 25, tzinfo=UTC),
        age=rng.randrange(0, 90),
        level4_eid=rng.random() < 0.8,
        helsenorge_consent=rng.choice(list(HelsenorgeConsent)),
        postal_address=rng.random() < 0.9,
    )
    lang = rng.choice(["nb", "en"])
    return (
        decide(rule, a),
        decide(rule.api_name, a).to_dict(),
        explain(rule, a, lang=lang),  # type: ignore[arg-type]
        decide_many(rule, cohort),
        decide_priority_list(rng.sample(["helsenorge", "paper", "krr_contact"], 2), a),
        assess(facts),
        explain(rule, assess(facts), lang=lang),  # type: ignore[arg-type]
        simulate(cohort).to_dict(),
    )


def test_threads_get_the_single_threaded_results() -> None:
    seeds = list(range(400))
    expected = [_task(seed) for seed in seeds]
    with _switching_often():
        barrier = threading.Barrier(THREADS)

        def run(chunk: list[int]) -> list[tuple[object, ...]]:
            barrier.wait()
            return [_task(seed) for seed in chunk]

        chunks = [seeds[i::THREADS] for i in range(THREADS)]
        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(run, chunks))
    for i, chunk in enumerate(chunks):
        for seed, got in zip(chunk, results[i], strict=True):
            assert got == expected[seed]


def test_shared_decisions_are_the_same_objects_in_every_thread() -> None:
    a = Availability(paper=True)
    with ThreadPoolExecutor(THREADS) as pool:
        seen = set(pool.map(lambda _: id(decide("PaperOnly", a)), range(200)))
    assert len(seen) == 1


def test_threads_reading_one_assessment_first_all_get_its_reasons() -> None:
    """The reasons of an assessment are worked out when first read: threads reading the same
    fresh result at once each get the reasons a single thread gets."""
    facts = PatientFacts(
        reference_time=datetime(2026, 11, 25, tzinfo=UTC),
        age=40,
        level4_eid=True,
        helsenorge_consent=HelsenorgeConsent.FULL,
        postal_address=True,
    )
    expected = assess(facts).reasons_by_channel
    with _switching_often():
        for _ in range(50):
            fresh = assess(facts)
            barrier = threading.Barrier(THREADS)

            def read(_: int, fresh: object = fresh, barrier: threading.Barrier = barrier) -> object:
                barrier.wait()
                return fresh.reasons_by_channel  # type: ignore[attr-defined]

            with ThreadPoolExecutor(THREADS) as pool:
                assert set(pool.map(read, range(THREADS))) == {expected}
