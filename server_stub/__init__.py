"""Reference central approval server. Never imports hall_client: the contract is HTTP."""
