"""Every test gets its own $MIANJING_HOME: the real user directory is never touched."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "mjhome"
    monkeypatch.setenv("MIANJING_HOME", str(home))
    monkeypatch.setenv("MIANJING_SERVICE_IDLE_S", "60")
    monkeypatch.setenv("MIANJING_LANG", "zh")  # the tests' language, whatever the machine's locale
    return home
