"""Presentation: explanations, code meanings and tables for people.

The public names are re-exported from :mod:`distribution`; import them from there.
"""
