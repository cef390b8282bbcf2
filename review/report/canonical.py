"""Canonical JSON: the exact bytes a signature covers (sorted keys, UTF-8, compact, no floats)."""

from __future__ import annotations

import hashlib
import json
from typing import Any


class CanonicalError(ValueError):
    """The object cannot be canonicalised (a float, NaN or an unsupported type)."""


def _check(obj: Any, path: str = "$") -> None:
    if isinstance(obj, bool) or obj is None or isinstance(obj, int | str):
        return
    if isinstance(obj, float):
        raise CanonicalError(f"{path}: 签名内容不允许浮点数")
    if isinstance(obj, dict):
        for k, v in obj.items():
            if not isinstance(k, str):
                raise CanonicalError(f"{path}: 键必须是字符串")
            _check(v, f"{path}.{k}")
        return
    if isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            _check(v, f"{path}[{i}]")
        return
    raise CanonicalError(f"{path}: 不支持的类型 {type(obj).__name__}")


def canonical_bytes(obj: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no whitespace; refuses floats so numbers never drift."""
    _check(obj)
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


def canonical_sha256(obj: Any) -> str:
    """Hex SHA-256 of the canonical bytes."""
    return hashlib.sha256(canonical_bytes(obj)).hexdigest()
