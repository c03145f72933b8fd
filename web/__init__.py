"""The web UI and JSON API (see web.app.create_app)."""
