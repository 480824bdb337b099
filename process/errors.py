"""Errors raised while reading the process definition (one base class, one message shape)."""

from __future__ import annotations


class ProcessFileError(Exception):
    """A process definition that cannot be used: names the file, the line and the field.

    Reads as ``process.yml:42: steps[3].owner: unknown owner 'clinet' (known: client, ...)``.
    """

    def __init__(self, file: str, line: int | None, field: str, message: str) -> None:
        """Keep the parts separately so tests and tools can read them."""
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        """``file:line: field: message`` (line or field left out when unknown)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
