"""``python -m navigator`` does what the ``navigator`` command does."""

import sys

from navigator.cli import main

sys.exit(main())
