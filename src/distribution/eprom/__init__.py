"""ePROM's protocol: the order pre-flight, request bodies, callbacks, responses and reconciliation.

The public names are re-exported from :mod:`distribution`; import them from there.
"""
