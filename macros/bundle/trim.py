"""The part of an installed package that some of its modules need, found by reading their
top-level imports (nothing is imported): holidays for one country, not its 200 others.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Trimmed:
    """Module paths to pack (``groups/christian``, no ``.py``) and package ``__init__.py``
    files rewritten to import only the packed submodules, by path in the package."""

    modules: tuple[str, ...]
    inits: dict[str, bytes]


def _imports(tree: ast.Module, package: str) -> list[ast.ImportFrom]:
    """The module's top-level ``from <package>... import`` statements (not those under an
    ``if``, such as ``if TYPE_CHECKING:``, nor those inside functions)."""
    return [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        and node.level == 0
        and (node.module or "").split(".")[0] == package
    ]


def _path(dotted: str) -> str:
    """``holidays.groups.christian`` → ``groups/christian``; the top package → ``__init__``."""
    parts = dotted.split(".")[1:]
    return "/".join(parts) if parts else "__init__"


def trim(folder: Path, roots: tuple[str, ...]) -> Trimmed:
    """What the modules `roots` (paths such as ``countries/russia``) of the package at `folder`
    need. A subpackage's ``__init__`` is rewritten to keep only the imports of packed modules:
    importing one calendar must not import them all."""
    package = folder.name
    trees: dict[str, ast.Module] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in trees:
            continue
        file = folder / f"{module}.py"
        if not file.is_file():
            file = folder / module / "__init__.py"
            module = f"{module}/__init__"
            if module in trees:
                continue
        trees[module] = ast.parse(file.read_text(encoding="utf-8"))
        todo += _parents(module.removesuffix("/__init__"))
        if module.endswith("/__init__"):  # rewritten below: its imports are not followed
            continue
        for node in _imports(trees[module], package):
            target = _path(node.module or package)
            if (folder / target / "__init__.py").is_file():  # from a subpackage: its names
                todo += _providers(folder, target, {alias.name for alias in node.names})
            todo.append(target)
    inits = {
        f"{module}.py": _rewritten(folder / f"{module}.py", trees[module], package, set(trees))
        for module in trees
        if module.endswith("/__init__")
    }
    return Trimmed(tuple(sorted(trees)), inits)


def _parents(module: str) -> list[str]:
    """The packages Python imports before `module`: ``groups/christian`` → ``groups``."""
    parts = module.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _providers(folder: Path, subpackage: str, names: set[str]) -> list[str]:
    """The submodules from which the subpackage's ``__init__`` takes `names`."""
    tree = ast.parse((folder / subpackage / "__init__.py").read_text(encoding="utf-8"))
    return [
        _path(node.module or "")
        for node in _imports(tree, folder.name)
        if names & {alias.asname or alias.name for alias in node.names}
    ]


def _rewritten(file: Path, tree: ast.Module, package: str, packed: set[str]) -> bytes:
    """The ``__init__`` without its imports of modules that are not packed."""
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped: set[int] = set()
    for node in _imports(tree, package):
        if _path(node.module or package) not in packed:
            dropped.update(range(node.lineno - 1, node.end_lineno or node.lineno))
    kept = [line for number, line in enumerate(lines) if number not in dropped]
    return "".join(kept).encode()
