"""schemathesis hooks for `attune serve` (SCHEMATHESIS_HOOKS=scripts/schemathesis-hooks.py): a
generated OpenAI request whose `model` is a string names the served model
(ATTUNE_SCHEMATHESIS_MODEL), so the cases reach the encoder instead of stopping at 404
model_not_found; a non-string `model` is left for the negative cases."""
import os

import schemathesis


@schemathesis.hook
def map_body(context, body):
    model = os.environ.get("ATTUNE_SCHEMATHESIS_MODEL")
    if model and isinstance(body, dict) and isinstance(body.get("model"), str):
        body = dict(body, model=model)
    return body
