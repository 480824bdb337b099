"""Build-time glue and the pure process model behind the guide (mkdocs-macros imports this package)."""

from macros.main import define_env

__all__ = ["define_env"]
