"""The command line (`python -m planner`): `plan`, `batch` and `template` (see main.py)."""
