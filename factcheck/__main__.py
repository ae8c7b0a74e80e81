"""``python -m factcheck``: the same as the ``factcheck`` command."""

from __future__ import annotations

import sys

from factcheck.cli import main

sys.exit(main())
