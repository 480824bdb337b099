"""The validator's one exception family (user text never raises: it yields findings)."""

from __future__ import annotations

from validator.texts import localized


class ValidatorError(Exception):
    """Base class of every error the validator raises on purpose."""


class RuleCardError(ValidatorError):
    """A rule card is malformed or does not match its function (a bug in the package)."""


class SourceError(ValidatorError):
    """An input file cannot be read; carries a message key and its arguments for ru/en text."""

    TEXTS = "source"  # its messages are validator/texts.toml's source_<key>

    def __init__(self, key: str, **args: object) -> None:
        """Remember the message key and its arguments."""
        super().__init__(key)
        self.key = key
        self.args_map = args

    def message(self, lang: str = "en") -> str:
        """The one-line message in a language."""
        return " ".join(localized(f"{self.TEXTS}_{self.key}", lang, self.args_map).split())
