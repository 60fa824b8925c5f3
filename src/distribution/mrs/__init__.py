"""MRS, the register's system: its status codes mapped to ePROM's and the datadump audit.

The public names are re-exported from :mod:`distribution`; import them from there.
"""
