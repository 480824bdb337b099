"""What only a batch shows: checks that compare the templates of one run with each other (one
CLI run over all its PATHs, one bulk request or file in the browser; `check_many`).

Findings are still built only by the registry, from the cards, by rule functions of one Subject:
this step runs first and tells each template what it needs to know about the earlier ones (the
earlier template with the same wording), and the rule (format.duplicate_body) reads that from
its Subject. A lone `check()` has no earlier templates, so such a rule finds nothing there.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.model import Category, Template

# Rules that can fire only in a batch (the checker's single-template form never shows them).
BATCH_RULES = ("format.duplicate_body",)


def wording(template: Template) -> tuple[str, str] | None:
    """What Meta compares for a duplicate: the body and the footer, trimmed. None for an
    AUTHENTICATION template (Meta exempts them) and for an empty body."""
    if (template.category or "").strip().upper() == Category.AUTHENTICATION:
        return None
    body = template.body.strip()
    return (body, (template.footer or "").strip()) if body else None


def earlier_twins(templates: Sequence[Template]) -> list[str | None]:
    """For each template, the first earlier one of the batch with the same wording, named by
    its name and 1-based position (`order_shipped (#2)`, or `#2` without a name), else None."""
    first: dict[tuple[str, str], str] = {}
    twins: list[str | None] = []
    for position, template in enumerate(templates, start=1):
        key = wording(template)
        twins.append(first.get(key) if key else None)
        if key and key not in first:
            name = (template.name or "").strip()[:60]
            first[key] = f"{name} (#{position})" if name else f"#{position}"
    return twins
