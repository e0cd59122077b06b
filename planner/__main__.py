"""`python -m planner`: the command line (see planner/cli.py)."""

import sys

from planner.cli.main import main

sys.exit(main())
