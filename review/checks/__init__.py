"""Code checks: rules of kind `code` name a function registered here.

A check takes (rule, bundle) and returns findings; it never prints and never raises on bad content.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from ..bundle import Bundle
from ..checklist import Rule
from ..model import Finding

CheckFn = Callable[[Rule, Bundle], list[Finding]]
CHECKS: dict[str, CheckFn] = {}


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: make a check available to YAML rules as `check: name`."""

    def deco(fn: CheckFn) -> CheckFn:
        CHECKS[name] = fn
        return fn

    return deco


def get_check(name: str) -> CheckFn:
    """The registered check `name` (KeyError when unknown)."""
    _load_all()
    return CHECKS[name]


def _load_all() -> None:
    """Import every check module of this package so that they register themselves."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
