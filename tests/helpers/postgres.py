"""A throwaway PostgreSQL server for the tests: its own data directory, a Unix socket, no TCP.

The server's binaries are found on PATH or under /usr/lib/postgresql/*/bin (Debian's layout).
initdb refuses to run as root, so as root the server runs as the ``postgres`` user (Debian's
package makes it) through ``runuser``. Without the binaries the tests are skipped, except under
CI (``CI=true``), where they fail: CI installs PostgreSQL (.ci/run).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

_TOOLS = ("initdb", "pg_ctl")


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found is not None and shutil.which("initdb") is not None:
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    )
    return next((d for d in versions if all((d / tool).exists() for tool in _TOOLS)), None)


def _unavailable(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run under CI: {why}")
    pytest.skip(why)


@contextlib.contextmanager
def server() -> Iterator[str]:
    """Start a server; yield the directory of its socket (psycopg's ``host``); stop it."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        _unavailable("no PostgreSQL server binaries (initdb, pg_ctl); apt-get install postgresql")
    assert bin_dir is not None
    prefix: list[str] = []
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no postgres user to run the server as")
        prefix = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="eprom-pg-"))
    data, sockets = base / "data", base / "sockets"
    sockets.mkdir()
    if owner is not None:
        for path in (base, sockets):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    log = base / "server.log"

    def run(*argv: str) -> None:
        subprocess.run([*prefix, *argv], check=True, capture_output=True, timeout=120)

    try:
        run(
            str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--no-locale",
        )  # fmt: skip
        options = f"-c listen_addresses='' -k {sockets} -c fsync=off"
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
        try:
            yield str(sockets)
        finally:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)
