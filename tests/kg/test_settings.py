"""Settings: every field documented in the README, parsing of list variables, refusal of the default secret."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from kg.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_settings_every_field_in_readme(field: str) -> None:
    variable = f"KG_{field.upper()}"
    assert re.search(rf"`{variable}`", README.read_text(encoding="utf-8")), f"{variable} is not documented in README"


def test_settings_lists_split_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_API_KEYS", "alpha, beta,,")
    monkeypatch.setenv("KG_CORS_ORIGINS", "http://a.example,http://b.example")
    settings = Settings()
    assert [k.get_secret_value() for k in settings.api_keys] == ["alpha", "beta"]
    assert settings.cors_origins == ["http://a.example", "http://b.example"]


def test_settings_production_refuses_default_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_ENV", "production")
    monkeypatch.delenv("KG_NEO4J_PASSWORD", raising=False)
    with pytest.raises(ValidationError, match="KG_NEO4J_PASSWORD"):
        Settings()
    monkeypatch.setenv("KG_NEO4J_PASSWORD", "a-real-secret")
    assert Settings().env == "production"
