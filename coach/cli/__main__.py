"""`python -m coach.cli …` is the `brand-coach` command (the app starts its worker this way)."""

from coach.cli import main

raise SystemExit(main())
