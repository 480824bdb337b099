"""MkDocs glue: registers the site's macros (read by mkdocs-macros); never packed."""

from macros.main import define_env

__all__ = ["define_env"]
