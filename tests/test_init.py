"""The public face: one table of exports, what `import distribution` loads, and nothing more."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tools import exports

import distribution

INIT = Path(distribution.__file__)


@pytest.mark.reads_source
def test_the_generated_imports_and_all_follow_the_table() -> None:
    source = INIT.read_text(encoding="utf-8")
    assert exports.generated(source) == source, "run `python -m tools.exports`"


def test_every_name_in_the_table_is_in_all_and_nothing_else() -> None:
    tabled = {
        name
        for table in (distribution._EAGER, distribution._LAZY)
        for names in table.values()
        for name in names
    }
    assert set(distribution.__all__) == tabled | {"__version__"}


@pytest.mark.reads_source
def test_the_generator_rewrites_a_stale_block() -> None:
    source = INIT.read_text(encoding="utf-8")
    stale = source.replace('    "verify",\n', "", 1)
    assert stale != source
    assert exports.generated(stale) == source


def _modules_after(code: str) -> set[str]:
    # The list is taken before the probe imports json to print it.
    probe = (
        f"import sys\n{code}\nloaded = sorted(sys.modules)\nimport json\nprint(json.dumps(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_package_loads_the_core_and_no_layer_above_it() -> None:
    loaded = _modules_after("import distribution")
    ours = {name for name in loaded if name.split(".")[0] == "distribution"}
    assert ours == {
        "distribution",
        "distribution._describable",
        "distribution._error_texts",
        "distribution._errors",
        "distribution._evidence",
        "distribution._reading",
        "distribution._texts",
        "distribution.availability",
        "distribution.codes",
        "distribution.engine",
        "distribution.routes",
    }
    assert not {"stdnum", "json", "zoneinfo", "csv", "hmac"} & loaded
    # The network code is the command line's and the fake server's alone.
    assert not {"socket", "ssl", "http", "socketserver", "asyncio", "httpx"} & loaded


def test_no_public_name_loads_the_fake_or_the_network_code() -> None:
    names = "\n".join(f"distribution.{name}" for name in distribution.__all__)
    loaded = _modules_after(f"import distribution\n{names}")
    ours = {name for name in loaded if name.startswith("distribution.")}
    assert not {name for name in ours if name.split(".")[1] in {"fake", "http", "cli"}}
    assert not {"http.server", "http.client", "socketserver", "asyncio", "httpx"} & loaded


def test_a_lazy_name_loads_its_module_on_first_use() -> None:
    loaded = _modules_after("import distribution\ndistribution.preflight")
    assert "distribution.eprom.preflight" in loaded
    assert "distribution.mrs.audit" not in loaded
    assert "distribution.cli" not in loaded
