"""Knowledge-graph builder for Vietnamese news about the Party's organisation and personnel work."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dangkg")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0"
