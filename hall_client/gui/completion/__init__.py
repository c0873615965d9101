"""The completion workspace: collection queue, licence printing, collection at the window."""
