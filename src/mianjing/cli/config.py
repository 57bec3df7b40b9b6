"""`mianjing config set|get|list|unset`: remembered settings (the language), and `lang()` for every command.

Settings live in `$MIANJING_HOME/settings.toml` (see mianjing.settings); `MIANJING_LANG` overrides the
file for one shell, `--lang` for one command.
"""

from __future__ import annotations

import typer

from .common import console, fail, print_json

LANG_HELP = "zh or en (default: `mianjing config set lang ...`, $MIANJING_LANG, else the locale)"

config_app = typer.Typer(name="config", help="Remembered settings: `mianjing config set lang en`.",
                         no_args_is_help=True, add_completion=False)


def lang(flag: str | None, allowed: tuple[str, ...] = ("zh", "en")) -> str:
    """The language a command uses: its --lang, else the remembered one; bad values exit 2 with the reason."""
    from ..settings import SettingsError, resolve_lang

    try:
        return resolve_lang(flag, allowed)
    except SettingsError as exc:
        fail(str(exc))


def _run(fn):
    from ..settings import SettingsError

    try:
        return fn()
    except SettingsError as exc:
        fail(str(exc))


@config_app.command("set")
def set_cmd(key: str = typer.Argument(..., help="lang"), value: str = typer.Argument(..., help="zh or en")) -> None:
    """Remember a setting. Example: mianjing config set lang en"""
    from ..settings import ENV, set_value, settings_path

    _run(lambda: set_value(key.strip().lower(), value.strip().lower()))
    console.print(f"{key} = {value.strip().lower()}  (saved in {settings_path()})", highlight=False, soft_wrap=True)
    import os

    env = ENV.get(key.strip().lower())
    if env and os.environ.get(env):
        console.print(f"[yellow]note:[/] ${env} is set in this shell and takes precedence", highlight=False)


@config_app.command("get")
def get_cmd(key: str = typer.Argument(..., help="lang")) -> None:
    """Print a setting's effective value. Example: mianjing config get lang"""
    from ..settings import effective

    value, _ = _run(lambda: effective(key.strip().lower()))
    print(value)


@config_app.command("list")
def list_cmd(as_json: bool = typer.Option(False, "--json", help="print one JSON document")) -> None:
    """Every setting, its effective value and where that value comes from."""
    from ..settings import KEYS, effective, settings_path

    rows = []
    for key in KEYS:
        value, source = _run(lambda key=key: effective(key))
        rows.append({"key": key, "value": value, "source": source, "allowed": list(KEYS[key])})
    if as_json:
        print_json({"file": str(settings_path()), "settings": rows})
        return
    for r in rows:
        console.print(f"{r['key']} = {r['value']}  [dim](from {r['source']}; allowed: {', '.join(r['allowed'])})[/]",
                      highlight=False, soft_wrap=True)
    console.print(f"[dim]file: {settings_path()}[/]", highlight=False, soft_wrap=True)


@config_app.command("unset")
def unset_cmd(key: str = typer.Argument(..., help="lang")) -> None:
    """Forget a setting (the environment or the locale decides again)."""
    from ..settings import unset

    removed = _run(lambda: unset(key.strip().lower()))
    console.print(f"{key} removed" if removed else f"{key} was not set", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
