"""Build-time glue and the pure process model behind the guide (imported by mkdocs-macros)."""

from macros.main import define_env

__all__ = ["define_env"]
