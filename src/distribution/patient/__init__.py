"""The patient: facts, national IDs, KRR records and eligibility per channel.

The public names are re-exported from :mod:`distribution`; import them from there.
"""
