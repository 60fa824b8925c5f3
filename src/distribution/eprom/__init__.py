"""ePROM's protocol: the order pre-flight, request bodies, callbacks, verdicts and verification.

The public names are re-exported from :mod:`distribution`; import them from there.
"""
