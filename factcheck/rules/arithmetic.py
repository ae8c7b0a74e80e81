"""FC3xx: arithmetic stated in one sentence or passage that does not compute."""

from __future__ import annotations
