"""Who may use the product: accounts and roles, browser sessions, API tokens, login attempts and the audit log."""
