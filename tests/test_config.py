"""Settings: defaults, `.env`, and one clear line naming a bad setting."""

from __future__ import annotations

import datetime as dtm
import subprocess
import sys

import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456:ABCdefGhIJKlmNoPQRstuVWxyz0123456789"


def test_defaults():
    settings = load_settings({}, dotenv_path=None)
    assert settings.token is None
    assert settings.base_url == "https://api.telegram.org/bot"
    assert settings.base_file_url == "https://api.telegram.org/file/bot"
    assert settings.briefing_time == dtm.time(7, 0)
    assert str(settings.timezone) == "UTC"
    assert str(settings.db_path) == "data/sitrep.json"


def test_self_hosted_api_url_and_admins():
    settings = load_settings(
        {"TELEGRAM_API_URL": "http://127.0.0.1:8081/", "ADMIN_IDS": "11, 22,33",
         "TIMEZONE": "Asia/Baghdad", "BRIEFING_TIME": "6:30"},
        dotenv_path=None,
    )
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.admin_ids == {11, 22, 33}
    assert settings.briefing_time == dtm.time(6, 30)
    assert settings.is_admin(22) and not settings.is_admin(44)


def test_environment_wins_over_dotenv(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nBRIEFING_TIME=08:15\n")
    settings = load_settings({"BRIEFING_TIME": "09:00"}, dotenv_path=dotenv)
    assert settings.token == TOKEN
    assert settings.briefing_time == dtm.time(9, 0)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BRIEFING_TIME", "25:00"),
        ("BRIEFING_TIME", "7am"),
        ("TIMEZONE", "Mars/Olympus"),
        ("ADMIN_IDS", "12,@alice"),
        ("TELEGRAM_API_URL", "api.telegram.org"),
        ("TELEGRAM_BOT_TOKEN", "not a token"),
        ("LOG_LEVEL", "chatty"),
    ],
)
def test_bad_values_name_the_setting(name, value):
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value}, dotenv_path=None)


def test_log_level_is_read_in_any_case_and_defaults_to_info():
    assert load_settings({}, dotenv_path=None).log_level == "INFO"
    assert load_settings({"LOG_LEVEL": "debug"}, dotenv_path=None).log_level == "DEBUG"


def test_settings_repr_hides_the_token():
    assert TOKEN not in repr(load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, dotenv_path=None))


def test_a_bad_setting_stops_start_up_with_one_line_and_no_traceback(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TELEGRAM_BOT_TOKEN": TOKEN, "TIMEZONE": "Nowhere/Land"}
    done = subprocess.run([sys.executable, "-m", "bot"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "TIMEZONE" in done.stderr
    assert "Traceback" not in done.stderr and TOKEN not in done.stderr + done.stdout


def test_serving_without_a_token_says_how_to_get_one(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "TELEGRAM_BOT_TOKEN" in done.stderr
    assert "BotFather" in done.stderr


def test_serving_logs_at_the_level_log_level_names(tmp_path, monkeypatch):
    import logging

    from bot import cli

    class Started(Exception):
        pass

    def stop_before_polling(services):
        raise Started

    monkeypatch.setattr(cli, "build_application", stop_before_polling)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "LOG_LEVEL": "warning",
                              "SITREP_DB": str(tmp_path / "db.json")}, dotenv_path=None)
    try:
        with pytest.raises(Started):
            cli.serve(settings)
        assert root.level == logging.WARNING
        assert logging.getLogger("httpx").level == logging.WARNING
    finally:
        root.handlers[:], root.level = handlers, level
