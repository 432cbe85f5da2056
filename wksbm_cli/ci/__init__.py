"""What CI needs beyond a plain run: changed-only scopes, baselines and a change summary."""
