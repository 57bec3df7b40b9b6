"""Where things live: the user's state directory and the shipped content."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BANK_DIR = PACKAGE_DIR / "bank"
PROBLEMS_DIR = BANK_DIR / "problems"
CARDS_DIR = BANK_DIR / "cards"
MODELS_DIR = BANK_DIR / "models"


def home() -> Path:
    """All user state lives here: $MIANJING_HOME if set, else the platform's user data dir."""
    env = os.environ.get("MIANJING_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("mianjing", appauthor=False))
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _private_dir(path)
    elif (path / "mianjing.sqlite3").exists():
        _private_dir(path)  # an existing data directory: holds the user's code, so 0700
    return path


def _private_dir(path: Path) -> None:
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and st.st_mode & 0o077:
            path.chmod(0o700)
    except OSError:
        pass


def db_path() -> Path:
    return home() / "mianjing.sqlite3"
