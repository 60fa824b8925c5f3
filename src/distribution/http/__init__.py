"""The fake ePROM on a socket, and a client for ePROM's v2 API: the library's only network code.

Nothing in the library imports this package but the command line; ``import distribution`` never
loads it. Its modules, each imported on its own:

- :mod:`distribution.http.server`: :class:`~distribution.http.server.FakeEpromServer`, the
  pure :class:`~distribution.fake.FakeEprom` served with the standard library's HTTP server,
  putting its callbacks to the ordering system (``eprom-distribution fake-eprom``).
- :mod:`distribution.http.receiver`: a stand-in ordering system that takes callbacks, for tests.
- :mod:`distribution.http.client`: ``EpromClient`` and ``AsyncEpromClient`` for the real ePROM
  (and the fake); needs the ``client`` extra (httpx).
- :mod:`distribution.http.errors`: the client's errors, importable without httpx.
- :mod:`distribution.http.pytest_plugin`: the ``fake_eprom`` fixture.
"""
