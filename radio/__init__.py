"""radio: turn written news into broadcast-ready audio."""

__version__ = "0.1.0"
