from hall_client.cli import main

raise SystemExit(main())
