"""`mianjing serve`: the local web app (FastAPI + Jinja2 + htmx). It never imports torch and never
runs submitted code: Run and Submit go to the per-user judge service. See `app.create_app`."""
