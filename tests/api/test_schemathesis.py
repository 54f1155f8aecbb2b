"""Property-based run of every operation of the OpenAPI schema against the app over each real store: no 5xx.

Schemathesis generates valid (positive) and invalid (negative) requests from the app's own ``/openapi.json``. Bounded
for a 2-core machine: a few examples per operation and mode, no deadline. Requests carry a curator key so the curator
operations get past authentication and reach the store too. (Schemathesis' pytest plugin does not run under pytest 9,
so the operations are driven here with Hypothesis directly.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from api.app import create_app

MAX_EXAMPLES = 10


@pytest.mark.slow
def test_openapi_operations_never_answer_a_server_error(loaded_store, api_settings, keys) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(loaded_store, api_settings))
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=MAX_EXAMPLES,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
                database=None,
            )
            def run(case: schemathesis.Case) -> None:
                case.call_and_validate(headers={"X-API-Key": keys[0]}, checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:  # an operation with nothing to get wrong (no parameters) has no negative cases
                assert mode is GenerationMode.NEGATIVE, operation.label
            except Exception as exc:  # collect every operation's failure, not just the first
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    assert not failures, "\n\n".join(failures)
