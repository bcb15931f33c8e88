#!/usr/bin/env bash
# The static checks, exactly as CI runs them (.ci/run calls this). Run before every merge:
#   bash tools/lint.sh            # uses .venv/bin (pip install -e '.[test]' brings the tools)
#   VENV=/path/to/venv bash tools/lint.sh
# ruff: lint and format; lint-imports: the layer/independence/no-cycle contracts in
# pyproject.toml [tool.importlinter]; mypy: types as configured in pyproject.toml [tool.mypy].
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
export PYTHONDONTWRITEBYTECODE=1
"$bin/ruff" check .
"$bin/ruff" format --check .
"$bin/lint-imports" --no-cache
"$bin/mypy"
echo "lint: ruff, import contracts and mypy all pass"
