"""The onboarding-process domain: model, schedule, checklists and documents (stdlib + validator).

Runs in CPython and in Pyodide; the YAML loader (`process.definition`) is imported explicitly.
"""

from process.model import Duration, Phase, Process, Question, Step, Text, Unit

__all__ = ["Duration", "Phase", "Process", "Question", "Step", "Text", "Unit"]
