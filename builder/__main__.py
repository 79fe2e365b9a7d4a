"""`python -m builder …`: the same as `kg …`."""

import sys

from builder.cli import main

sys.exit(main())
