"""Command line (placeholder replaced below)."""


def main() -> int:
    """Run the command line."""
    return 0
