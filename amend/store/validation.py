"""pydantic's validation errors in the words of a person who writes plan and amendment files.

pydantic names a fault by its internal path (`operations.0.replace_row.cells.form.constrained-str`) and in
its own terms (`Field required`). A drafter thinks in operations counted from 1, rows by their numbers,
cells by their column ids. ``describe`` walks each error's path through the document itself, so that only
the steps the file really has are named, and says what is wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from typing import Any

from pydantic_core import ErrorDetails

__all__ = ["Problem", "describe", "name_place"]

# What to write where a text is missing: the one rule for a text no source gives.
_EMPTY_TEXT = "empty; write the text, or `!unknown` where no source gives it"


class Problem:
    """One fault of a file: where it is (keys and indices of the document), and the message."""

    __slots__ = ("at_key", "hint", "message", "path")

    def __init__(self, path: tuple[Any, ...], message: str, *, at_key: bool = False, hint: str | None = None) -> None:
        self.path = path
        self.message = message
        self.at_key = at_key
        self.hint = hint


def describe(errors: Sequence[ErrorDetails], data: Any, known_keys: Callable[[], Sequence[str]]) -> list[Problem]:
    """Every fault in ``errors`` (pydantic's, for ``data``) as a Problem, in the order of the file.

    A misspelt key also makes the right key "missing": the misspelling is reported, which is the cause,
    and the missing key it stands for is not. ``known_keys`` gives every key the format takes, for a
    "did you mean" where no missing key fits.
    """
    problems: list[Problem] = []
    explained: set[tuple[Any, ...]] = set()  # missing keys a misspelling stands for
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        path, words = _walk(error["loc"], data)
        key = str(path[-1])
        parent = path[:-1]
        missing = [
            str(e["loc"][-1]) for e in errors if e["type"] == "missing" and _walk(e["loc"], data)[0][:-1] == parent
        ]
        guess = difflib.get_close_matches(key, missing, n=1, cutoff=0.6) or difflib.get_close_matches(
            key, list(known_keys()), n=1, cutoff=0.75
        )
        if guess and guess[0] in missing:
            explained.add((*parent, guess[0]))
        where = _join(words[:-1])
        message = f"unknown key {key!r}" + (f" (did you mean {guess[0]!r}?)" if guess else "")
        problems.append(Problem(path, message + (f" in {where}" if where else ""), at_key=True))
    seen: set[tuple[tuple[Any, ...], str]] = set()
    # A lean record's field also accepts a built object ("is_instance_of"): that alternative is never the
    # file's fault when another one is named.
    if any(e["type"] != "is_instance_of" for e in errors):
        errors = [e for e in errors if e["type"] != "is_instance_of"]
    for error in errors:
        if error["type"] == "extra_forbidden":
            continue
        path, words = _walk(error["loc"], data)
        if error["type"] == "missing" and path in explained:
            continue
        problem = _problem(error, path, words)
        problem.at_key = problem.at_key or "[key]" in error["loc"]
        if (problem.path, problem.message) not in seen:
            seen.add((problem.path, problem.message))
            problems.append(problem)
    return problems


def name_place(path: Sequence[int | str], data: Any) -> str:
    """A place in a document (keys and indices) as a drafter names it: ``operation 1 (replace_row), row 6``."""
    return _join(_walk(tuple(path), data)[1])


def _walk(loc: tuple[int | str, ...], data: Any) -> tuple[tuple[Any, ...], list[str]]:
    """The steps of ``loc`` that the document has (its keys and indices), and a name for each.

    pydantic's own steps (a union's tag, `function-after[...]`, `constrained-str`, `[key]`) are not in
    the document and are left out. The last step of a missing key is kept: it names the key to add.
    """
    path: list[Any] = []
    words: list[str] = []
    node = data
    parent_key: Any = None
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and step in node:
            path.append(step)
            words.append(_name_key(parent_key, step))
            parent_key, node = step, node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            words.append(_name_item(parent_key, step, node[step]))
            node = node[step]
        elif step == "[key]" and path:  # the key itself is at fault (a number where a code is due, ...)
            words[-1] = f"the key {path[-1]!r}" + (f" of {words[-2]}" if len(words) > 1 else "")
        elif last and isinstance(node, dict) and isinstance(step, str) and not _internal(step):
            path.append(step)
            words.append(f"`{step}`")
    return tuple(path), words


def _internal(step: str) -> bool:
    return any(c in step for c in "[]()") or step in {"constrained-str", "str", "int", "float", "bool", "date"}


def _name_key(parent_key: Any, key: Any) -> str:
    if parent_key in ("cells", "cells_ru"):
        return f"cell `{key}`" + (" (Russian)" if parent_key == "cells_ru" else "")
    if parent_key in ("entries", "entries_ru", "abbreviations"):
        return f"abbreviation `{key}`"
    return f"`{key}`"


def _name_item(parent_key: Any, index: int, item: Any) -> str:
    counted = index + 1  # people count from 1
    if parent_key == "operations":
        op = item.get("op") if isinstance(item, dict) else None
        row = item.get("row") if isinstance(item, dict) else None
        return (
            f"operation {counted}"
            + (f" ({op})" if isinstance(op, str) else "")
            + (f", row {row}" if isinstance(row, str | int) and not isinstance(row, bool) else "")
        )
    if parent_key == "rows" and isinstance(item, dict) and isinstance(item.get("number"), str | int):
        return f"row {item['number']}"
    if isinstance(item, dict) and isinstance(item.get("number"), str):
        return f"{_singular(parent_key)} {item['number']}"
    return f"{_singular(parent_key)} {counted}"


def _singular(key: Any) -> str:
    names = {"rows": "row", "sections": "section", "subsections": "subsection", "columns": "column"}
    names |= {"points": "point", "subpoints": "sub-point", "annex_notes": "note", "notes": "note"}
    return names.get(key, f"item of `{key}`" if key is not None else "item")


def _join(words: Sequence[str]) -> str:
    """``operation 1 (replace_row), row 6, cell `form```: the place, outermost first; keys in a row of
    keys as one dotted name (```entry_into_force.days```)."""
    kept = [w for w in words if w]
    # `rows` then `row 6`: the list's own key says nothing the item does not.
    kept = [w for i, w in enumerate(kept) if not (i + 1 < len(kept) and _is_key(w) and not _is_key(kept[i + 1]))]
    out: list[str] = []
    for word in kept:
        if out and _is_key(word) and _is_key(out[-1]):
            out[-1] = out[-1][:-1] + "." + word[1:]
        else:
            out.append(word)
    return ", ".join(out)


def _is_key(word: str) -> bool:
    return word.startswith("`") and word.endswith("`")


def _shown(value: Any) -> str:
    """A value as the file shows it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    return str(value)


def _problem(error: ErrorDetails, path: tuple[Any, ...], words: list[str]) -> Problem:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    what = _what(kind, value, ctx, error["msg"], path)
    hint = None
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        key = str(ctx.get("discriminator", "op")).strip("'")
        expected = ctx.get("expected_tags", "")
        hint = f"expected one of {expected}; see docs/format.md"
        path = (*path, key)
        what = f"unknown {key} {ctx.get('tag')!r}" if kind == "union_tag_invalid" else f"`{key}` is missing; add it"
    if kind == "missing":
        # Placed at the mapping that lacks the key; named in the message.
        where = _join(words[:-1])
        message = f"{words[-1] if words else 'a key'} is missing; add it (docs/format.md lists the keys)"
        return Problem(path[:-1], f"{where}: {message}" if where else message, at_key=True, hint=hint)
    where = _join(words)
    return Problem(path, f"{where}: {what}" if where else what, hint=hint)


def _what(kind: str, value: Any, ctx: dict[str, Any], msg: str, path: tuple[Any, ...]) -> str:
    """What is wrong with ``value`` and what to write instead."""
    if kind in ("string_type", "string_too_short") and (value is None or value == ""):
        return _EMPTY_TEXT
    if kind == "string_type":
        return f"must be a text, got {_shown(value)} (quote it in YAML)"
    if kind == "string_too_long":
        return f"too long: at most {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} does not have the shape docs/format.md gives for it"
    if kind.startswith(("date_", "datetime_")):
        reason = f" ({ctx['error']})" if "error" in ctx else ""
        return f"{_shown(value)} is not a day of the calendar{reason}; write it as YYYY-MM-DD"
    if kind.startswith(("int_", "float_")) or kind == "decimal_type":
        return f"must be a whole number, got {_shown(value)}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        relation = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"must be {relation} {bound}, got {_shown(value)}"
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected', '')}, got {_shown(value)}"
    if kind.startswith("bool_"):
        return f"must be true or false, got {_shown(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type", "is_instance_of"):
        return f"must be a mapping (`key: value` lines), got {_shown(value)}"
    if kind in ("list_type", "tuple_type", "set_type", "iterable_type"):
        return f"must be a list (lines starting with `- `), got {_shown(value)}"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} item(s)"
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", msg))
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in {"frozen_instance", "frozen_field"}:
        return "cannot be changed"
    # A kind not listed above: pydantic's sentence, in our voice.
    return msg.replace("Input should be", "must be").replace("Field required", "is missing")
