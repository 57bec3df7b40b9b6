"""User settings: a small TOML file, `$MIANJING_HOME/settings.toml`, that every command reads.

One key so far, `lang` (zh or en): the language of statements, cards, headers and titles. Where a
command's language comes from, first match wins:

    --lang on the command line  >  $MIANJING_LANG  >  settings.toml  >  the locale (zh_* -> zh, else en)

The file is plain `key = "value"` lines, written atomically; it is read without opening the database,
so it costs the start-up of every command nothing measurable.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

LANGS = ("zh", "en")
KEYS: dict[str, tuple[str, ...]] = {"lang": LANGS}  # key -> allowed values
ENV = {"lang": "MIANJING_LANG"}
FILE_NAME = "settings.toml"
_LINE = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"\s*(?:#.*)?')


class SettingsError(ValueError):
    """A bad key or value, or an unreadable settings file; the message says how to fix it."""


def settings_path() -> Path:
    from .paths import home

    return home() / FILE_NAME


def _check(key: str, value: str | None = None) -> None:
    if key not in KEYS:
        raise SettingsError(f"unknown setting {key!r}; settings: {', '.join(KEYS)}")
    if value is not None and value not in KEYS[key]:
        raise SettingsError(f"{key} must be one of {', '.join(KEYS[key])}, not {value!r}")


def load() -> dict[str, str]:
    """The file's settings (bad lines, unknown keys and bad values refused with the file's name)."""
    path = settings_path()
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read {path}: {exc}; fix or delete the file") from None
    out = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.fullmatch(line)
        if not m:
            raise SettingsError(f'{path}, line {number}: {line!r} is not `key = "value"`; fix or delete the line')
        key, value = m.group(1), m.group(2)
        if key not in KEYS or value not in KEYS[key]:
            raise SettingsError(f"{path}, line {number}: {key} = {value!r} is not a valid setting; valid: "
                                + "; ".join(f"{k} = {' | '.join(v)}" for k, v in KEYS.items()))
        out[key] = value
    return out


def _write(values: dict[str, str]) -> None:
    path = settings_path()
    text = "# mianjing settings (`mianjing config set KEY VALUE` writes this file)\n" + "".join(
        f'{k} = "{v}"\n' for k, v in sorted(values.items()))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def set_value(key: str, value: str) -> None:
    _check(key, value)
    values = load()
    values[key] = value
    _write(values)


def unset(key: str) -> bool:
    """Remove a key from the file; False when it was not there."""
    _check(key)
    values = load()
    if key not in values:
        return False
    del values[key]
    _write(values)
    return True


def locale_lang() -> str:
    """zh for a Chinese locale (LC_ALL, LC_MESSAGES or LANG starting with zh), en otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:  # the first one set decides, as POSIX does
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def effective(key: str) -> tuple[str, str]:
    """(value, where it comes from: env / file / locale) for a key, without a command-line flag."""
    _check(key)
    env = os.environ.get(ENV[key])
    if env:
        value = env.strip().lower()
        if value not in KEYS[key]:
            raise SettingsError(f"${ENV[key]} must be one of {', '.join(KEYS[key])}, not {env!r}")
        return value, f"${ENV[key]}"
    values = load()
    if key in values:
        return values[key], str(settings_path())
    return locale_lang(), "the locale"


def resolve_lang(flag: str | None, allowed: tuple[str, ...] = LANGS) -> str:
    """The language a command uses: its --lang when given, else the setting (see the module docstring)."""
    if flag is not None:
        value = flag.strip().lower()
        if value not in allowed:
            raise SettingsError(f"--lang must be one of {', '.join(allowed)}, not {flag!r}")
        return value
    return effective("lang")[0]
