"""The layers' import direction (README, "Project layout"), checked on every module.

``core`` <- ``storage`` <- ``services`` <- ``export``, ``sync`` <- ``ui`` <- ``app``, ``__main__``.

Every ``import`` counts, wherever it is: at module level, inside a function, under
``if TYPE_CHECKING:``, and ``importlib.import_module("...")`` / ``__import__("...")`` with a
literal name. ``pm_desktop/__init__.py`` and ``pm_desktop/locations.py`` are shared leaves:
they import nothing of the project and no Qt or SQLAlchemy, so any layer but ``core`` may use
them. A new top-level module must be given a layer here before it passes.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "pm_desktop"
PACKAGE_DIR = Path(__file__).resolve().parents[2] / PACKAGE

QT = ("PySide6", "shiboken6")
DATABASE = ("sqlalchemy", "alembic")

# layer -> the pm_desktop modules it may import (a name covers its submodules), and the
# third-party top-level packages it must not import. ``None`` means "anything".
ROOT = "pm_desktop"
LOCATIONS = "pm_desktop.locations"


def _project(*layers: str) -> frozenset[str]:
    return frozenset(f"{PACKAGE}.{layer}" for layer in layers)


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str] | None
    """pm_desktop modules this layer may import; None: any."""
    forbidden: tuple[str, ...] = ()
    """Third-party top-level packages this layer must not import."""


LEAF = Rule(allowed=frozenset(), forbidden=QT + DATABASE)
RULES: dict[str, Rule] = {
    "root": LEAF,
    "locations": LEAF,
    "core": Rule(allowed=_project("core"), forbidden=QT + DATABASE),
    "storage": Rule(allowed=_project("core", "storage") | {ROOT, LOCATIONS}, forbidden=QT),
    "services": Rule(
        allowed=_project("core", "storage", "services") | {ROOT, LOCATIONS}, forbidden=QT
    ),
    "export": Rule(
        allowed=_project("core", "storage", "services", "export") | {ROOT, LOCATIONS},
        forbidden=QT,
    ),
    "sync": Rule(
        allowed=_project("core", "storage", "services", "sync") | {ROOT, LOCATIONS},
        forbidden=QT,
    ),
    "hub": Rule(
        allowed=_project("core", "storage", "services", "hub") | {ROOT, LOCATIONS},
        forbidden=QT,
    ),
    "ui": Rule(
        allowed=_project("core", "services", "export", "sync", "ui") | {ROOT, LOCATIONS},
        forbidden=DATABASE,
    ),
    "app": Rule(allowed=None),
    "main": Rule(allowed=None),
}
SUBPACKAGES = ("core", "storage", "services", "export", "sync", "hub", "ui")
TOP_LEVEL = {"__init__": "root", "locations": "locations", "app": "app", "__main__": "main"}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    module: str
    imported: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.imported} ({self.reason})"


def layer_of(module: str) -> str | None:
    """The layer of a pm_desktop module name, or None if it has not been given one."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        raise ValueError(f"{module} is not in {PACKAGE}")
    if len(parts) == 1:
        return "root"
    if parts[1] in SUBPACKAGES:
        return parts[1]
    if len(parts) == 2:
        return TOP_LEVEL.get(parts[1])
    return None


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    relative = path.relative_to(package_dir.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _is_project_module(name: str, package_dir: Path) -> bool:
    """Whether ``pm_desktop.x.y`` names a module or package in the source tree."""
    relative = Path(*name.split(".")[1:]) if "." in name else Path()
    base = package_dir / relative
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    if not parts:
        raise ValueError(f"relative import beyond the top of the package in {module}")
    return ".".join([*parts, target] if target else parts)


def imported_names(
    source: str, module: str, *, is_package: bool = False, package_dir: Path = PACKAGE_DIR
) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in ``source``, nested ones included."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = (
                _resolve_relative(module, is_package, node.level, node.module)
                if node.level
                else node.module or ""
            )
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                # ``from pm_desktop import storage`` imports the subpackage; ``from pm_desktop
                # import __version__`` imports only the package itself.
                if base.split(".")[0] == PACKAGE and (
                    _is_project_module(candidate, package_dir)
                    or (base == PACKAGE and alias.name in {*SUBPACKAGES, *TOP_LEVEL})
                ):
                    found.append((node.lineno, candidate))
                else:
                    found.append((node.lineno, base))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            first = node.args[0]
            if (
                name in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and not first.value.startswith(".")
            ):
                found.append((node.lineno, first.value))
    return found


def _covers(allowed: str, name: str) -> bool:
    # ``pm_desktop`` itself (for __version__) must not cover every subpackage.
    if allowed == ROOT:
        return name == ROOT
    return name == allowed or name.startswith(allowed + ".")


def check_source(
    source: str,
    module: str,
    path: str,
    *,
    is_package: bool = False,
    package_dir: Path = PACKAGE_DIR,
) -> list[Violation]:
    layer = layer_of(module)
    if layer is None:
        return [Violation(path, 1, module, "-", "module not assigned to a layer in test_layers.py")]
    rule = RULES[layer]
    violations = []
    for line, name in imported_names(
        source, module, is_package=is_package, package_dir=package_dir
    ):
        top = name.split(".")[0]
        if top == PACKAGE:
            if rule.allowed is not None and not any(_covers(a, name) for a in rule.allowed):
                target = layer_of(name) or name
                violations.append(
                    Violation(path, line, module, name, f"{layer} may not import {target}")
                )
        elif top in rule.forbidden:
            violations.append(Violation(path, line, module, name, f"{layer} may not import {top}"))
    return violations


def check_tree(package_dir: Path = PACKAGE_DIR) -> tuple[int, list[Violation]]:
    files = sorted(package_dir.rglob("*.py"))
    violations: list[Violation] = []
    for file in files:
        violations.extend(
            check_source(
                file.read_text(encoding="utf-8"),
                module_name(file, package_dir),
                str(file.relative_to(package_dir.parent)),
                is_package=file.name == "__init__.py",
                package_dir=package_dir,
            )
        )
    return len(files), violations


def test_pm_desktop_follows_the_layer_rules() -> None:
    count, violations = check_tree()
    assert count >= 10, f"only {count} modules found under {PACKAGE_DIR}; is the path right?"
    message = "\n".join(str(v) for v in violations)
    assert not violations, f"imports against the layer direction (README):\n{message}"


def test_every_layer_has_modules() -> None:
    layers = {layer_of(module_name(f)) for f in PACKAGE_DIR.rglob("*.py")}
    assert {"root", "locations", "core", "storage", "services", "main"} <= layers


# The checker itself: these must be caught, or the test above could pass vacuously.
@pytest.mark.parametrize(
    ("module", "source", "imported"),
    [
        ("pm_desktop.ui.fake", "from pm_desktop.storage import models\n", "pm_desktop.storage"),
        ("pm_desktop.ui.fake", "from pm_desktop import storage\n", "pm_desktop.storage"),
        ("pm_desktop.ui.fake", "import sqlalchemy.orm\n", "sqlalchemy.orm"),
        ("pm_desktop.ui.fake", "from ..storage.engine import make_engine\n", "pm_desktop.storage"),
        ("pm_desktop.ui.fake", "from pm_desktop.hub import server\n", "pm_desktop.hub"),
        ("pm_desktop.core.fake", "import pm_desktop.locations\n", "pm_desktop.locations"),
        ("pm_desktop.core.fake", "from pm_desktop import __version__\n", "pm_desktop"),
        (
            "pm_desktop.core.fake",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from PySide6.QtCore import QDate\n",
            "PySide6.QtCore",
        ),
        ("pm_desktop.core.fake", "def f():\n    import alembic\n", "alembic"),
        (
            "pm_desktop.storage.fake",
            "def f():\n    from pm_desktop.services import x\n",
            "pm_desktop.services",
        ),
        ("pm_desktop.storage.fake", "import shiboken6\n", "shiboken6"),
        ("pm_desktop.services.fake", "from pm_desktop.export import pdf\n", "pm_desktop.export"),
        ("pm_desktop.services.fake", "from PySide6 import QtCore\n", "PySide6"),
        ("pm_desktop.export.fake", "from pm_desktop.ui import main_window\n", "pm_desktop.ui"),
        ("pm_desktop.sync.fake", "from pm_desktop import app\n", "pm_desktop.app"),
        ("pm_desktop.sync.fake", "from PySide6.QtNetwork import QTcpSocket\n", "PySide6"),
        ("pm_desktop.hub.fake", "from pm_desktop.ui import x\n", "pm_desktop.ui"),
        (
            "pm_desktop.storage.fake",
            "import importlib\nimportlib.import_module('pm_desktop.ui.x')\n",
            "pm_desktop.ui.x",
        ),
        ("pm_desktop.locations", "import pm_desktop.storage\n", "pm_desktop.storage"),
        ("pm_desktop", "from pm_desktop.ui import x\n", "pm_desktop.ui"),
        ("pm_desktop.newthing", "import os\n", "-"),
    ],
)
def test_checker_catches(module: str, source: str, imported: str) -> None:
    violations = check_source(source, module, f"{module.replace('.', '/')}.py")
    assert len(violations) == 1, violations
    assert violations[0].imported.startswith(imported)
    assert str(violations[0]).startswith(f"{module.replace('.', '/')}.py:")


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("pm_desktop.core.fake", "from pm_desktop.core.errors import PmError\nimport datetime\n"),
        ("pm_desktop.core.fake", "from .errors import PmError\n"),
        ("pm_desktop.storage.fake", "import sqlalchemy\nfrom pm_desktop.locations import x\n"),
        ("pm_desktop.services.fake", "from pm_desktop.storage import models\n"),
        ("pm_desktop.export.fake", "from pm_desktop.services import projects\n"),
        ("pm_desktop.ui.fake", "from PySide6.QtWidgets import QWidget\nimport shiboken6\n"),
        ("pm_desktop.ui.fake", "from pm_desktop import __version__\n"),
        ("pm_desktop.ui.fake", "from pm_desktop.services.container import Services\n"),
        ("pm_desktop.ui.fake", "from . import widgets\nfrom .. import export\n"),
        ("pm_desktop.app", "from pm_desktop.storage import database\nimport PySide6\n"),
        ("pm_desktop.__main__", "from pm_desktop.app import run_app\n"),
    ],
)
def test_checker_allows(module: str, source: str) -> None:
    assert check_source(source, module, "x.py") == []
