"""The one settings object, read from ``KG_*`` environment variables (every one is listed in the README).

Only composition roots (``kg.cli``, ``api.app``) call :func:`get_settings`; library code takes explicit arguments.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEV_NEO4J_PASSWORD = "kg-dev-password"


class Settings(BaseSettings):
    """Service configuration. Defaults suit a laptop demo on the embedded store."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    env: Literal["development", "production"] = Field(
        default="development", description="production refuses the development Neo4j password"
    )
    store: Literal["embedded", "neo4j"] = Field(default="embedded", description="which graph store to use")
    data_dir: Path = Field(default=Path(".kg-data"), description="embedded database, Neo4j data, quarantine, logs")

    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", description="Bolt URI; neo4j+s://... for Aura")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr(DEV_NEO4J_PASSWORD)
    neo4j_database: str = "neo4j"
    neo4j_port: int = Field(default=7687, description="port of the Neo4j server that `kg neo4j start` runs")
    neo4j_heap: str = Field(default="2g", description="JVM heap of the Neo4j server that `kg neo4j start` runs")
    neo4j_quick_jit: bool = Field(
        default=False,
        description="`kg neo4j start` compiles with the JVM's quick compiler only: faster for a short-lived server "
        "(a test run, a demo) on a small machine, slower once a long-running server is warm",
    )
    java_home: str | None = Field(default=None, description="JDK for `kg neo4j start` (default: java on PATH)")
    validation_engine: Literal["compiled", "pyshacl"] = Field(
        default="compiled",
        description="who applies the SHACL shapes to an import: the compiled checks (same results, a fraction of the "
        "cost) or pySHACL, the reference",
    )
    write_batch_size: int = Field(default=5000, ge=1, description="rows per UNWIND write transaction")
    evidence_inline: int = Field(
        default=64,
        ge=3,
        description="evidence spans a fact keeps on itself once it has more than twice as many; its older spans "
        "move to archive rows (kg.store.records_archive)",
    )
    embedded_checkpoint_mb: int = Field(
        default=64,
        ge=16,
        description="write-ahead log (MiB) past which the embedded store folds an import into its file: larger "
        "imports faster and holds more in memory (100k synthetic items: 64 MiB 8.3k rows/s and 2.4 GiB, 256 MiB "
        "10.3k rows/s and 2.9 GiB)",
    )
    embedded_buffer_pool_mb: int = Field(
        default=4096, ge=256, description="page cache of the embedded LadybugDB store (MiB)"
    )

    host: str = "127.0.0.1"
    port: int = 8000
    api_workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="uvicorn worker processes of `kg serve`, each with its own store connection (Neo4j only; "
        "in-memory rate limits then count per worker)",
    )
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list, description="comma-separated API keys for the curator endpoints"
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list, description="comma-separated origins")
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, description="largest accepted upload (413 beyond)")
    query_timeout: float = Field(default=10.0, gt=0, description="seconds a read query may run")
    query_row_limit: int = Field(default=1000, ge=1, description="rows a read query may return")
    rate_limit: int = Field(default=600, ge=1, description="requests per minute per API key or client address")

    spacy_model_zh: str | None = Field(default=None, description="a trained spaCy pipeline (name or path) for Chinese")
    spacy_model_en: str | None = Field(default=None, description="a trained spaCy pipeline (name or path) for English")
    log_level: str = "INFO"

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [SecretStr(v.strip()) for v in value.split(",") if v.strip()]
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @model_validator(mode="after")
    def _no_default_secret_in_production(self) -> Settings:
        if self.env == "production" and self.neo4j_password.get_secret_value() == DEV_NEO4J_PASSWORD:
            raise ValueError("KG_NEO4J_PASSWORD must be set in production (the development default is refused)")
        return self

    @property
    def embedded_path(self) -> Path:
        """Directory of the embedded LadybugDB database."""
        return self.data_dir / "ladybug"

    @property
    def quarantine_dir(self) -> Path:
        """Where quarantined records are kept, one JSON Lines file per batch."""
        return self.data_dir / "quarantine"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process (read once from the environment)."""
    return Settings()
